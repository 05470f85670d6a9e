"""Development sets (benchmarks/devsets) and the gold corpus: loading, validating, scoring, labelling links.

Each set is a folder with ``corpus.json`` (``base`` file, ``accounts`` [{slug, file, outlet, date}], provenance),
the base text, ``accounts/*.txt`` and ``gold/<slug>.json`` (``matches`` [{base, other, relation, kind, note}],
``other_only``, ``furniture``), the layout of ../shared/corpus, so the same code reads both. The fixed split
(``devsets/split.json``) names whole subjects "fit" or "heldout": fitting reads only the first, so that the
second measures what a user's own accounts will get.

The metrics are those of ../shared/corpus/score.py, reimplemented here (that file is measurement material of
the project's owner and is never imported): link, contradiction, omission and only-in-other precision/recall/F1,
with the omission and only-in-other figures also as macro-F1 over the complementary classes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from compare.model import Document

DEVSETS = Path(__file__).resolve().parent / "devsets"
SHARED_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
SPLITS = ("fit", "heldout")
RELATIONS = ("agree", "contradict")
AGREE_KINDS = ("verbatim", "paraphrase", "heavy-paraphrase")
CONTRA_KINDS = ("number", "date", "weekday", "duration", "negation", "attribution", "stance", "hedge")
COUNTS = ("link", "contra", "omit", "only", "covered", "shared")

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class GoldMatch:
    base: Span
    other: Span
    relation: str
    kind: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Account:
    slug: str
    text: str
    outlet: str = ""
    date: str = ""
    matches: tuple[GoldMatch, ...] = ()
    furniture: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class DevSet:
    name: str
    split: str  # "fit", "heldout", or "seed" for ../shared/corpus
    base: str
    accounts: tuple[Account, ...]
    path: Path
    meta: Mapping[str, Any] = field(default_factory=dict)

    def documents(self) -> list[Document]:
        """The base as ``d0`` and the accounts as ``d1``..., ready for the engine."""
        docs = [Document("d0", self.meta.get("title") or "base", self.base)]
        for n, a in enumerate(self.accounts, 1):
            docs.append(Document(f"d{n}", a.slug, a.text, outlet=a.outlet, date=a.date))
        return docs

    def pairs(self) -> list[tuple[Account, GoldMatch]]:
        return [(a, m) for a in self.accounts for m in a.matches]


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _span(text: str, needle: str) -> Span:
    i = text.find(needle)
    if i < 0:
        raise ValueError(f"gold substring not found: {needle[:80]!r}")
    return i, i + len(needle)


def load_devset(path: Path, split: str = "") -> DevSet:
    meta = json.loads(_read(path / "corpus.json"))
    base = _read(path / meta["base"])
    accounts = []
    for acc in meta["accounts"]:
        text = _read(path / acc["file"])
        gold = json.loads(_read(path / "gold" / f"{acc['slug']}.json"))
        matches = tuple(
            GoldMatch(
                _span(base, m["base"]),
                _span(text, m["other"]),
                m["relation"],
                m.get("kind", ""),
                m.get("note", ""),
            )
            for m in gold["matches"]
        )
        furniture = tuple(_span(text, s) for s in gold.get("furniture", []))
        accounts.append(
            Account(acc["slug"], text, acc.get("outlet", ""), acc.get("date", ""), matches, furniture)
        )
    return DevSet(meta.get("subject", path.name), split, base, tuple(accounts), path, meta)


def split_of(root: Path = DEVSETS) -> dict[str, str]:
    """Subject folder name -> "fit" | "heldout", from ``split.json``."""
    raw = json.loads(_read(root / "split.json"))
    return {name: s for s in SPLITS for name in raw[s]}


def load_devsets(split: str = "fit", root: Path = DEVSETS, *, shared: Path | None = None) -> list[DevSet]:
    """The sets of one split ("fit", "heldout" or "all"); with ``shared`` also that gold corpus, if present."""
    splits = split_of(root)
    sets = [load_devset(root / name, s) for name, s in sorted(splits.items()) if split in ("all", s)]
    if shared is not None and (shared / "corpus.json").is_file():
        sets.append(load_devset(shared, "seed"))
    return sets


# --- validation -------------------------------------------------------------------------------------------


def check_devset(path: Path) -> list[str]:
    """Everything wrong with one set's gold files; empty when sound."""
    errs: list[str] = []
    try:
        meta = json.loads(_read(path / "corpus.json"))
        base = _read(path / meta["base"])
    except (OSError, KeyError, json.JSONDecodeError) as exc:
        return [f"{path.name}: unreadable corpus.json or base: {exc}"]
    for key in ("subject", "source", "licence"):
        if not meta.get(key):
            errs.append(f"{path.name}: corpus.json lacks {key!r}")
    for acc in meta.get("accounts", []):
        where = f"{path.name}/{acc.get('slug')}"
        try:
            text = _read(path / acc["file"])
            gold = json.loads(_read(path / "gold" / f"{acc['slug']}.json"))
        except (OSError, KeyError, json.JSONDecodeError) as exc:
            errs.append(f"{where}: unreadable account or gold: {exc}")
            continue
        seen: set[tuple[str, str]] = set()
        matched_other: list[str] = []
        for m in gold.get("matches", []):
            for key, body in (("base", base), ("other", text)):
                s = m.get(key, "")
                n = body.count(s) if s else 0
                if len(s) < 10:
                    errs.append(f"{where}: {key} substring shorter than 10 characters: {s!r}")
                elif n != 1:
                    errs.append(f"{where}: {key} substring found {n} times (want once): {s[:70]!r}")
            rel, kind = m.get("relation"), m.get("kind")
            if rel not in RELATIONS:
                errs.append(f"{where}: bad relation {rel!r}")
            elif (rel == "agree") != (kind in AGREE_KINDS) or kind not in AGREE_KINDS + CONTRA_KINDS:
                errs.append(f"{where}: kind {kind!r} does not fit relation {rel!r}")
            if not m.get("note"):
                errs.append(f"{where}: match without a note: {m.get('other', '')[:50]!r}")
            pair = (m.get("base", ""), m.get("other", ""))
            if pair in seen:
                errs.append(f"{where}: duplicate match {pair[1][:50]!r}")
            seen.add(pair)
            matched_other.append(m.get("other", ""))
        for key in ("other_only", "furniture"):
            for s in gold.get(key, []):
                if text.count(s) != 1:
                    errs.append(f"{where}: {key} found {text.count(s)} times (want once): {s[:70]!r}")
                if any(s in o or o in s for o in matched_other):
                    errs.append(f"{where}: {key} overlaps a match: {s[:60]!r}")
    return errs


# --- scoring ----------------------------------------------------------------------------------------------


def _norm(t: str) -> str:
    return t.replace("\r\n", "\n").strip()


def _overlaps(span: Span, claim: Mapping[str, Any]) -> bool:
    return span[0] < claim["end"] and claim["start"] < span[1]


def _oriented_links(
    contract: Mapping[str, Any], base_id: str, other_id: str
) -> list[tuple[dict, dict, dict]]:
    """(base claim, other claim, link) for every link between the two documents."""
    claim = {c["id"]: c for c in contract["claims"]}
    out = []
    for link in contract["links"]:
        a, b = claim[link["a"]], claim[link["b"]]
        if a["doc"] == other_id and b["doc"] == base_id:
            a, b = b, a
        if a["doc"] == base_id and b["doc"] == other_id:
            out.append((a, b, link))
    return out


def _doc_ids(contract: Mapping[str, Any], devset: DevSet) -> tuple[str, list[str]]:
    by_text = {_norm(d["text"]): d["id"] for d in contract["documents"]}
    try:
        return by_text[_norm(devset.base)], [by_text[_norm(a.text)] for a in devset.accounts]
    except KeyError:
        raise ValueError(f"the result does not hold every document of {devset.name}") from None


def _hits(p: tuple[dict, dict, Any], g: GoldMatch) -> bool:
    return _overlaps(g.base, p[0]) and _overlaps(g.other, p[1])


def score_accounts(contract: Mapping[str, Any], devset: DevSet) -> list[dict[str, Any]]:
    """Per account: for each count, (tp among predictions, predictions, gold found, gold), as score.py."""
    base_id, other_ids = _doc_ids(contract, devset)
    claims_of: dict[str, list[dict]] = {}
    for c in contract["claims"]:
        claims_of.setdefault(c["doc"], []).append(c)
    rows = []
    for acc, other_id in zip(devset.accounts, other_ids, strict=True):
        gm = acc.matches
        pred = _oriented_links(contract, base_id, other_id)
        link_tp = sum(1 for p in pred if any(_hits(p, g) for g in gm))
        link_found = sum(1 for g in gm if any(_hits(p, g) for p in pred))
        pc = [p for p in pred if p[2]["relation"] == "contradict"]
        gc = [g for g in gm if g.relation == "contradict"]
        contra_tp = sum(1 for p in pc if any(_hits(p, g) for g in gc))
        by_kind: dict[str, list[int]] = {}
        for g in gc:
            k = by_kind.setdefault(g.kind, [0, 0])
            k[1] += 1
            k[0] += any(_hits(p, g) for p in pc)
        contra_found = sum(f for f, _ in by_kind.values())
        bclaims, oclaims = claims_of.get(base_id, []), claims_of.get(other_id, [])
        linked_b = {p[0]["id"] for p in pred}
        linked_o = {p[1]["id"] for p in pred}
        cov_b = {c["id"] for c in bclaims if any(_overlaps(g.base, c) for g in gm)}
        cov_o = {c["id"] for c in oclaims if any(_overlaps(g.other, c) for g in gm)}
        gold_omit = {c["id"] for c in bclaims} - cov_b
        pred_omit = {c["id"] for c in bclaims} - linked_b
        gold_only = {c["id"] for c in oclaims} - cov_o
        pred_only = {c["id"] for c in oclaims} - linked_o
        rows.append(
            {
                "account": acc.slug,
                "link": (link_tp, len(pred), link_found, len(gm)),
                "contra": (contra_tp, len(pc), contra_found, len(gc)),
                "omit": (
                    len(gold_omit & pred_omit),
                    len(pred_omit),
                    len(gold_omit & pred_omit),
                    len(gold_omit),
                ),
                "only": (
                    len(gold_only & pred_only),
                    len(pred_only),
                    len(gold_only & pred_only),
                    len(gold_only),
                ),
                "covered": (len(cov_b & linked_b), len(linked_b), len(cov_b & linked_b), len(cov_b)),
                "shared": (len(cov_o & linked_o), len(linked_o), len(cov_o & linked_o), len(cov_o)),
                "by_kind": by_kind,
            }
        )
    return rows


def f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def pool(rows: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Pooled figures over account rows: precision over predictions, recall over gold (as score.py)."""
    rows = list(rows)
    out: dict[str, Any] = {}
    for k in COUNTS:
        tp_p = sum(r[k][0] for r in rows)
        npred = sum(r[k][1] for r in rows)
        tp_r = sum(r[k][2] for r in rows)
        ngold = sum(r[k][3] for r in rows)
        p = tp_p / npred if npred else 0.0
        rr = tp_r / ngold if ngold else 1.0
        out[k] = (p, rr, f1(p, rr))
    kinds: dict[str, list[int]] = {}
    for r in rows:
        for kind, (found, n) in r["by_kind"].items():
            acc = kinds.setdefault(kind, [0, 0])
            acc[0] += found
            acc[1] += n
    out["omission_macro_f1"] = (out["omit"][2] + out["covered"][2]) / 2
    out["only_in_other_macro_f1"] = (out["only"][2] + out["shared"][2]) / 2
    out["by_kind"] = dict(sorted(kinds.items()))
    out["gold_pairs"] = sum(r["link"][3] for r in rows)
    return out


def score(contract: Mapping[str, Any], devset: DevSet) -> dict[str, Any]:
    """The pooled figures of one set (link/contra/omit/only as (P, R, F1), the two macro-F1s, by kind)."""
    return pool(score_accounts(contract, devset))


# --- labelling links for fitting ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LinkLabel:
    account: str
    link: Mapping[str, Any]
    right: bool  # the pair overlaps a gold match (the counterpart is right)
    relation_right: bool  # ... and its relation is the gold one
    gold_relation: str  # "" when wrong


def label_links(contract: Mapping[str, Any], devset: DevSet) -> list[LinkLabel]:
    """Every base-account link of a result, judged against the gold of ``devset`` (for fitting confidence)."""
    base_id, other_ids = _doc_ids(contract, devset)
    out = []
    for acc, other_id in zip(devset.accounts, other_ids, strict=True):
        for p in _oriented_links(contract, base_id, other_id):
            gold = [g for g in acc.matches if _hits(p, g)]
            relation = gold[0].relation if gold else ""
            same = any(g.relation == p[2]["relation"] for g in gold)
            out.append(LinkLabel(acc.slug, p[2], bool(gold), same, relation))
    return out


def label_pair(devset: DevSet, account: int, base_span: Span, other_span: Span) -> str:
    """The gold relation of a (base span, account span) pair, or "" when no gold match overlaps both."""
    claim_b = {"start": base_span[0], "end": base_span[1]}
    claim_o = {"start": other_span[0], "end": other_span[1]}
    for g in devset.accounts[account].matches:
        if _overlaps(g.base, claim_b) and _overlaps(g.other, claim_o):
            return g.relation
    return ""


def summary(figures: Mapping[str, Any]) -> dict[str, float]:
    """The four headline numbers of a pooled result."""
    return {
        "link_f1": round(figures["link"][2], 3),
        "contradiction_f1": round(figures["contra"][2], 3),
        "omission_macro_f1": round(figures["omission_macro_f1"], 3),
        "only_in_other_macro_f1": round(figures["only_in_other_macro_f1"], 3),
    }


def gold_totals(sets: Sequence[DevSet]) -> tuple[int, int]:
    """(gold claim pairs, of which contradictions) over ``sets``."""
    pairs = [m for s in sets for _, m in s.pairs()]
    return len(pairs), sum(m.relation == "contradict" for m in pairs)


# --- headlines ----------------------------------------------------------------------------------------------

HEADLINES = DEVSETS / "headlines" / "headlines.json"


@dataclass(frozen=True, slots=True)
class Headline:
    id: str
    split: str
    headline: str
    article: str
    carrying: tuple[Span, ...]  # the article's spans that carry the headline's story


def load_headlines(split: str = "all", path: Path = HEADLINES) -> list[Headline]:
    """Real headline/article pairs (Wikinews); ``split`` is "fit", "heldout" or "all"."""
    out = []
    for item in json.loads(_read(path))["items"]:
        article = _read(path.parent / item["article_file"]) if "article_file" in item else item["article"]
        spans = tuple(_span(article, c) for c in item["carrying"])
        out.append(Headline(item["id"], item["split"], item["headline"], article, spans))
    return [h for h in out if split in ("all", h.split)]


def score_headlines(
    linked: Mapping[tuple[str, str], Sequence[Span]],
    headlines: Sequence[Headline],
    articles: Sequence[Headline],
) -> dict[str, float]:
    """Related P/R/F1 over every (headline, article) pair and how often a related pair's links hit the carrying
    sentences. ``linked[(headline id, article id)]`` holds the article spans the headline was linked to."""
    tp = fp = fn = carried = 0
    for h in headlines:
        for a in articles:
            spans = linked.get((h.id, a.id), ())
            related = h.id == a.id
            tp += related and bool(spans)
            fp += (not related) and bool(spans)
            fn += related and not spans
            carried += related and any(
                _overlaps(c, {"start": s, "end": e}) for c in a.carrying for s, e in spans
            )
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "precision": p,
        "recall": r,
        "f1": f1(p, r),
        "carrying": carried / len(headlines) if headlines else 0.0,
    }


# --- calibration --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Bin:
    low: float
    high: float
    count: int
    mean_confidence: float
    precision: float  # share of the bin's links that are right


def calibration(
    labels: Sequence[LinkLabel], bins: int = 10, key: str = "confidence"
) -> tuple[list[Bin], float]:
    """Reliability bins (predicted confidence against measured precision) and the expected calibration error.

    A link counts as right when its counterpart and its relation are the gold ones. Links without ``key``
    are left out; with none at all the result is ([], 0.0).
    """
    scored = [(float(lb.link[key]), lb.relation_right) for lb in labels if lb.link.get(key) is not None]
    out: list[Bin] = []
    ece = 0.0
    for k in range(bins):
        low, high = k / bins, (k + 1) / bins
        inside = [(c, ok) for c, ok in scored if low <= c < high or (k == bins - 1 and c == 1.0)]
        if not inside:
            continue
        mean_c = sum(c for c, _ in inside) / len(inside)
        prec = sum(ok for _, ok in inside) / len(inside)
        out.append(Bin(low, high, len(inside), mean_c, prec))
        ece += len(inside) / len(scored) * abs(mean_c - prec)
    return out, ece
