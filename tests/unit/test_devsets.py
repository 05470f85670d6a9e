"""The development sets stay sound (gold substrings exist exactly once, labels valid, split complete), and the
scorer and link labeller of benchmarks/devkit.py count what they claim to count."""

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import devkit  # noqa: E402

SUBJECTS = sorted(p.name for p in devkit.DEVSETS.iterdir() if (p / "corpus.json").is_file())


def test_every_subject_is_in_the_split_once():
    split = devkit.split_of()
    assert sorted(split) == SUBJECTS
    raw = json.loads((devkit.DEVSETS / "split.json").read_text(encoding="utf-8"))
    assert not set(raw["fit"]) & set(raw["heldout"])


@pytest.mark.parametrize("subject", SUBJECTS)
def test_gold_files_are_sound(subject):
    assert devkit.check_devset(devkit.DEVSETS / subject) == []


@pytest.mark.parametrize("subject", SUBJECTS)
def test_each_subject_has_several_accounts_with_contradictions(subject):
    s = devkit.load_devset(devkit.DEVSETS / subject)
    assert len(s.accounts) >= 2
    for a in s.accounts:
        assert len(a.matches) >= 5
        assert any(m.relation == "contradict" for m in a.matches)
        assert sum(m.relation == "agree" for m in a.matches) > sum(
            m.relation == "contradict" for m in a.matches
        )


def test_sources_name_every_subject():
    sources = (devkit.DEVSETS / "SOURCES.md").read_text(encoding="utf-8")
    for subject in SUBJECTS:
        meta = json.loads((devkit.DEVSETS / subject / "corpus.json").read_text(encoding="utf-8"))
        assert f"`{subject}`" in sources
        assert meta["licence"] and meta["source"]


def test_the_validator_reports_a_substring_that_is_missing_or_repeated(tmp_path):
    (tmp_path / "accounts").mkdir()
    (tmp_path / "gold").mkdir()
    (tmp_path / "base.txt").write_text(
        "The river rose two metres. The river rose two metres.", encoding="utf-8"
    )
    (tmp_path / "accounts" / "a.txt").write_text("Water climbed by two metres overnight.", encoding="utf-8")
    meta = {"subject": "t", "source": "s", "licence": "l", "base": "base.txt",
            "accounts": [{"slug": "a", "file": "accounts/a.txt"}]}  # fmt: skip
    (tmp_path / "corpus.json").write_text(json.dumps(meta), encoding="utf-8")
    gold = {"matches": [
        {"base": "The river rose two metres.", "other": "Water climbed by two metres", "relation": "agree",
         "kind": "paraphrase", "note": "n"},
        {"base": "The river rose two metres", "other": "not in the account", "relation": "contradict",
         "kind": "paraphrase", "note": "n"},
    ], "other_only": ["overnight"]}  # fmt: skip
    (tmp_path / "gold" / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    errs = devkit.check_devset(tmp_path)
    assert any("base substring found 2 times" in e for e in errs)
    assert any("other substring found 0 times" in e for e in errs)
    assert any("does not fit relation" in e for e in errs)
    assert not any("other_only" in e for e in errs)
    assert len(errs) == 4  # both base substrings repeat, one other is missing, one kind is wrong


def _contract(s, links):
    """A result whose claims are exactly the gold spans of every match, linked as ``links`` says."""
    docs = s.documents()
    claims, out = [], []
    for n, acc in enumerate(s.accounts, 1):
        for k, m in enumerate(acc.matches):
            a = {"id": f"b{n}.{k}", "doc": "d0", "start": m.base[0], "end": m.base[1]}
            b = {"id": f"o{n}.{k}", "doc": f"d{n}", "start": m.other[0], "end": m.other[1]}
            claims += [a, b]
            relation = links(m)
            if relation:
                out.append({"a": b["id"], "b": a["id"], "relation": relation})
    return {"documents": [{"id": d.id, "text": d.text} for d in docs], "claims": claims, "links": out}


@pytest.mark.parametrize("subject", SUBJECTS)
def test_the_scorer_gives_gold_full_marks_and_nothing_none(subject):
    s = devkit.load_devset(devkit.DEVSETS / subject)
    perfect = devkit.score(_contract(s, lambda m: m.relation), s)
    assert perfect["link"] == (1.0, 1.0, 1.0)
    assert perfect["contra"] == (1.0, 1.0, 1.0)
    assert all(found == n for found, n in perfect["by_kind"].values())
    empty = devkit.score(_contract(s, lambda m: ""), s)
    assert empty["link"][2] == 0.0 and empty["contra"][2] == 0.0
    agree_only = devkit.score(_contract(s, lambda m: "agree"), s)
    assert agree_only["link"][2] == 1.0 and agree_only["contra"][2] == 0.0


def test_links_are_labelled_right_or_wrong_against_gold():
    s = devkit.load_devset(devkit.DEVSETS / SUBJECTS[0])
    contract = _contract(s, lambda m: "agree")
    labels = devkit.label_links(contract, s)
    assert len(labels) == len(s.pairs()) and all(lb.right for lb in labels)
    assert [lb.relation_right for lb in labels] == [m.relation == "agree" for _, m in s.pairs()]
    # a link from every base claim to the wrong account claim is judged wrong unless gold pairs them too
    wrong = dict(contract, links=[{"a": "b1.0", "b": "o1.1", "relation": "agree"}])
    (label,) = devkit.label_links(wrong, s)
    first, second = s.accounts[0].matches[0], s.accounts[0].matches[1]
    expected = devkit.label_pair(s, 0, first.base, second.other) != ""
    assert label.right is expected


def test_only_the_fit_split_is_loaded_for_fitting():
    fit = devkit.load_devsets("fit")
    assert fit and all(s.split == "fit" for s in fit)
    held = devkit.load_devsets("heldout")
    assert not {s.name for s in fit} & {s.name for s in held}


def test_there_is_enough_material_and_about_half_is_held_out():
    fit, held = devkit.load_devsets("fit"), devkit.load_devsets("heldout")
    pairs, contradictions = devkit.gold_totals(fit + held)
    assert pairs >= 150 and contradictions >= 40
    kinds = {m.kind for s in fit + held for _, m in s.pairs() if m.relation == "contradict"}
    assert kinds == set(devkit.CONTRA_KINDS)
    assert 0.3 <= devkit.gold_totals(held)[0] / pairs <= 0.7


def test_headline_pairs_are_sound():
    raw = json.loads(devkit.HEADLINES.read_text(encoding="utf-8"))["items"]
    heads = devkit.load_headlines("all")
    assert len(heads) == len(raw) >= 10
    assert len({h.id for h in heads}) == len(heads)
    assert {h.split for h in heads} == set(devkit.SPLITS)
    for item, h in zip(raw, heads, strict=True):
        assert item["source"].startswith("https://en.wikinews.org/wiki/") and item["found_at"]
        assert h.carrying and all(h.article.count(h.article[s:e]) == 1 for s, e in h.carrying)


def test_headline_scoring_counts_related_pairs_and_carrying_hits():
    heads = devkit.load_headlines("all")[:3]
    a, b, c = heads
    linked = {
        (a.id, a.id): [a.carrying[0]],  # related, on the carrying sentence
        (b.id, b.id): [(0, 1)]
        if b.carrying[0][0] > 1
        else [(len(b.article) - 1, len(b.article))],  # elsewhere
        (a.id, c.id): [(0, 5)],  # unrelated, linked: a false positive
    }
    r = devkit.score_headlines(linked, heads, heads)
    assert r["precision"] == 2 / 3 and r["recall"] == 2 / 3
    assert r["carrying"] == 1 / 3


def test_calibration_bins_compare_confidence_with_measured_precision():
    link = {"a": "x", "b": "y", "relation": "agree"}
    labels = [
        devkit.LinkLabel("a", dict(link, confidence=0.95), True, True, "agree"),
        devkit.LinkLabel("a", dict(link, confidence=0.92), True, False, "contradict"),  # wrong relation
        devkit.LinkLabel("a", dict(link, confidence=0.15), False, False, ""),
        devkit.LinkLabel("a", dict(link, confidence=1.0), True, True, "agree"),
        devkit.LinkLabel("a", link, True, True, "agree"),  # no confidence: left out
    ]
    bins, ece = devkit.calibration(labels)
    assert [(b.low, b.count) for b in bins] == [(0.1, 1), (0.9, 3)]
    top = bins[1]
    assert top.precision == 2 / 3 and abs(top.mean_confidence - (0.95 + 0.92 + 1.0) / 3) < 1e-9
    expected = (1 / 4) * 0.15 + (3 / 4) * abs(top.mean_confidence - 2 / 3)
    assert abs(ece - expected) < 1e-9
    assert devkit.calibration([devkit.LinkLabel("a", link, True, True, "agree")]) == ([], 0.0)


def test_the_command_line_checker_passes_the_sets_and_fails_a_broken_one(tmp_path, capsys):
    import check_devsets

    assert check_devsets.main([]) == 0
    assert "contradictions" in capsys.readouterr().out
    (tmp_path / "corpus.json").write_text("{not json", encoding="utf-8")
    assert check_devsets.main([str(tmp_path)]) == 1
