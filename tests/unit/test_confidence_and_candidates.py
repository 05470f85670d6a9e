"""Confidence, suggestions and candidates: in the result, the contract, the CSV and the project file."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from subject_texts import SUBJECTS, document_text

from compare.align import confidence
from compare.align.confidence import FEATURES, SUGGESTION_LEVEL, ConfidenceModelMissing
from compare.align.engine import compare
from compare.model import Comparison, Document
from compare.report.contract import SUGGESTED, links_csv_text, to_contract
from compare.store import check_file, open_comparison, save_comparison, schema


@pytest.fixture(scope="module")
def result() -> Comparison:
    sport, weather = SUBJECTS["sport"], SUBJECTS["weather"]
    base = document_text([sport[:4], sport[4:], weather[:2]])
    one = document_text([sport[1:3], sport[5:7], weather[4:6]])
    two = document_text([sport[:2], ["The weather was mild and dry all day."]])
    docs = [Document("d0", "base", base), Document("d1", "one", one), Document("d2", "two", two)]
    return compare(docs)


def test_every_engine_link_has_a_confidence_at_or_above_the_suggestion_level(result: Comparison):
    assert result.links
    for link in result.links:
        assert link.confidence is not None and 0.0 <= link.confidence <= 1.0
    identical = [lk for lk in result.links if result.claim(lk.a).text == result.claim(lk.b).text]
    assert identical and all(lk.confidence >= SUGGESTION_LEVEL for lk in identical)


def test_candidates_are_the_best_three_per_claim_and_account(result: Comparison):
    assert result.candidates
    seen: dict[tuple[str, str], list[int]] = {}
    for c in result.candidates:
        assert result.claim(c.claim).doc != result.claim(c.other).doc
        assert 0.0 <= c.confidence <= 1.0
        seen.setdefault((c.claim, result.claim(c.other).doc), []).append(c.rank)
    assert all(sorted(r) == list(range(1, len(r) + 1)) and len(r) <= 3 for r in seen.values())
    # Rank 1 has the highest score; every link of a base claim is among its candidates.
    for (claim_id, doc), _ in seen.items():
        ranked = sorted(
            (c for c in result.candidates_of(claim_id) if c.other.startswith(doc)), key=lambda c: c.rank
        )
        assert [c.score for c in ranked] == sorted((c.score for c in ranked), reverse=True)
    for link in result.links:
        assert any(c.other == link.b for c in result.candidates_of(link.a))


def test_contract_and_csv_carry_confidence_candidates_and_suggestions(result: Comparison):
    result = replace(result, suggestions=(replace(result.links[0], b=result.links[-1].b, confidence=0.2),))
    contract = json.loads(json.dumps(to_contract(result)))
    assert all("confidence" in lk for lk in contract["links"])
    assert {"claim", "other", "score", "confidence"} <= set(contract["candidates"][0])
    assert len(contract["suggestions"]) == 1 and contract["suggestions"][0]["confidence"] == 0.2
    rows = list(csv.DictReader(io.StringIO(links_csv_text(result))))
    assert all(r["confidence"] for r in rows)
    assert [r["status"] for r in rows].count(SUGGESTED) == 1


def test_project_file_keeps_confidence_suggestions_and_candidates(tmp_path: Path, result: Comparison):
    result = replace(result, suggestions=(replace(result.links[0], b=result.links[-1].b, confidence=0.2),))
    path = tmp_path / "p.ncproj"
    save_comparison(path, result)
    back = open_comparison(path)
    assert back.links == result.links
    assert back.suggestions == result.suggestions
    assert sorted(back.candidates, key=repr) == sorted(result.candidates, key=repr)
    assert check_file(path) == []


def test_a_version_2_file_opens_with_no_confidence(tmp_path: Path, monkeypatch, result: Comparison):
    folder = tmp_path / "db_v2"
    (folder / "migrations").mkdir(parents=True)
    scripts = []
    for migration in schema.migrations()[:2]:
        (folder / "migrations" / f"{migration.name}.sql").write_text(migration.sql, encoding="utf-8")
        scripts.append(migration.sql)
    (folder / "schema.sql").write_text("\n".join(scripts), encoding="utf-8")
    path = tmp_path / "old.ncproj"
    with monkeypatch.context() as m:
        m.setattr(schema, "db_dir", lambda: folder)
        save_comparison(path, result)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert check_file(path) == []
    back = open_comparison(path)
    assert [(lk.a, lk.b) for lk in back.links] == [(lk.a, lk.b) for lk in result.links]
    assert all(lk.confidence is None for lk in back.links)
    assert back.suggestions == () and back.candidates == ()


def test_a_confidence_out_of_range_is_refused_on_save(tmp_path: Path, result: Comparison):
    bad = replace(result, links=(replace(result.links[0], confidence=1.5), *result.links[1:]))
    with pytest.raises(Exception, match="confidence"):
        save_comparison(tmp_path / "bad.ncproj", bad)


def test_the_model_file_is_checked(tmp_path: Path):
    model = confidence.default_model()
    assert model.features == FEATURES
    p = model.predict(np.zeros((4, len(FEATURES))))
    assert ((p >= 0) & (p <= 1)).all()
    broken = tmp_path / "c.json"
    broken.write_text('{"features": ["strength"]}', encoding="utf-8")
    with pytest.raises(ConfidenceModelMissing, match="reinstall"):
        confidence.load(broken)
    data = json.loads(confidence.model_path().read_text(encoding="utf-8"))
    assert data["note"] and data["fitted_on"] and "heldout" in data


def test_a_pair_a_person_decided_about_is_no_longer_suggested(result: Comparison):
    from compare.model import LinkStatus
    from compare.review.carry import carry_user_edits

    pair = replace(result.links[0], b=result.links[-1].b, confidence=0.2)
    fresh = replace(result, suggestions=(pair,))
    previous = replace(
        result, links=(*result.links, replace(pair, status=LinkStatus.REJECTED, created_by="ana"))
    )
    assert carry_user_edits(fresh, previous).suggestions == ()
    assert carry_user_edits(fresh, result).suggestions == (pair,)
