"""Load → align → (re)apply a person's edits: the few steps that the CLI and the GUI share."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from compare.align.blocking import CANDIDATES_PER_CLAIM
from compare.align.engine import DENSE_PAIRS, claims_of, compare
from compare.align.semantic import (
    MODEL_ID,
    MODEL_SHA256,
    CachedOnly,
    Embedder,
    EmbeddingCache,
    MemoryCache,
    SemanticUnavailable,
    installed,
    text_key,
)
from compare.model import (
    AlignSettings,
    CancelCheck,
    Comparison,
    Document,
    InputError,
    ProgressCallback,
)
from compare.review.carry import carry_user_edits
from compare.store import limits as store_limits
from compare.text.ingest import load_document

MAX_DOCUMENTS = store_limits.MAX_DOCUMENTS  # one limit for loading and for project files

# Scoring memory grows with the pairs it scores (about 40 bytes a pair measured on the dense path: 4,000 x
# 4,000 claims peaked near 700 MB). Small inputs score every pair; beyond ``DENSE_PAIRS`` the engine scores
# only each claim's nearest candidates (``align/blocking.py``). The estimate below follows the same rule, and
# a run over the budget is refused in one line before any scoring instead of exhausting memory.
MAX_SCORED_PAIRS = 16_000_000


def scoring_pairs(claim_counts: Sequence[int]) -> int:
    """About how many pairs scoring one account holds at once, at most (accounts are scored one by one)."""
    if not claim_counts:
        return 0
    base = claim_counts[0]
    most = 0
    for other in claim_counts[1:]:
        dense = base * other
        most = max(most, dense if dense <= DENSE_PAIRS else (base + other) * CANDIDATES_PER_CLAIM)
    return most


def check_work(claim_counts: Sequence[int], *, budget: int | None = None) -> None:
    """``InputError`` (one line) when scoring these claim counts would go over ``budget`` pairs (by default
    ``MAX_SCORED_PAIRS``). Pure."""
    budget = MAX_SCORED_PAIRS if budget is None else budget
    pairs = scoring_pairs(claim_counts)
    if pairs > budget:
        raise InputError(
            f"too much to compare: {sum(claim_counts):,} claims make about {pairs:,} pairs to score at once, "
            f"over the limit of {budget:,}; compare shorter texts"
        )


def resources_dir() -> Path:
    """The bundled resources, from a source checkout, an installed package or a PyInstaller bundle."""
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = [Path(frozen) / "resources"] if frozen else []
    candidates.append(Path(__file__).resolve().parent.parent / "resources")
    candidates.append(Path(sys.prefix) / "share" / "narrative-compare" / "resources")
    for c in candidates:
        if (c / "samples").is_dir():
            return c
    raise InputError("the bundled resources folder is missing; reinstall Narrative Compare")


def _sample_manifest() -> dict:
    return json.loads((resources_dir() / "samples" / "sample.json").read_text(encoding="utf-8"))


def sample_paths() -> list[Path]:
    """The bundled sample: the seed article first, then the accounts."""
    folder = resources_dir() / "samples"
    meta = _sample_manifest()
    return [folder / meta["base"]["file"], *(folder / a["file"] for a in meta["accounts"])]


def load_documents(paths: Sequence[str | Path]) -> list[Document]:
    """Read documents in order (the first is the base), with ids d0, d1, ..."""
    if len(paths) > MAX_DOCUMENTS:
        raise InputError(f"{len(paths)} documents is over the limit of {MAX_DOCUMENTS}")
    return [load_document(p, f"d{n}") for n, p in enumerate(paths)]


def load_sample() -> list[Document]:
    """The sample documents with the titles, outlets and dates of its manifest."""
    meta = _sample_manifest()
    entries = [meta["base"], *meta["accounts"]]
    docs = load_documents(sample_paths())
    return [
        replace(d, title=e.get("title") or d.title, outlet=e.get("outlet", ""), date=e.get("date", ""))
        for d, e in zip(docs, entries, strict=True)
    ]


_EMBEDDER: list[Embedder] = []  # loaded once per process: 0.2-0.4 s and about 200 MB
_CACHE = MemoryCache()


def embedder() -> Embedder:
    """The semantic scorer's model (raises SemanticUnavailable with an install hint when it is missing)."""
    if not _EMBEDDER:
        tokenizer = resources_dir() / "models" / "all-MiniLM-L6-v2" / "tokenizer.json"
        _EMBEDDER.append(Embedder(tokenizer))
    return _EMBEDDER[0]


def align(
    documents: Sequence[Document],
    settings: AlignSettings | None = None,
    *,
    progress: ProgressCallback | None = None,
    should_cancel: CancelCheck | None = None,
    cache: EmbeddingCache | None = None,
    notice: Callable[[str], None] | None = None,
) -> Comparison:
    """Align documents; with ``settings.semantic`` (the default) also by meaning, embeddings cached (in
    ``cache`` or for the session).

    When the model cannot be loaded the alignment goes on by wording only: ``notice`` gets one line saying
    so, and the comparison's settings record ``semantic=False``. ``InputError`` before any scoring when the
    documents have too many claims (``check_work``).
    """
    texts = [[c.text for c in claims_of(d)] for d in documents]
    check_work([len(t) for t in texts])
    settings = settings or AlignSettings()
    store = cache if cache is not None else _CACHE
    if settings.semantic and _all_cached(texts, store):
        try:
            return compare(documents, settings, progress=progress, should_cancel=should_cancel,
                           embedder=CachedOnly(), cache=store)  # fmt: skip
        except SemanticUnavailable:
            pass  # the cache changed under us: load the model after all
    model: Embedder | None = None
    if settings.semantic:
        try:
            model = embedder()
        except SemanticUnavailable as exc:
            if notice is not None:
                notice(semantic_fallback_message(exc))
    return compare(documents, settings, progress=progress, should_cancel=should_cancel,
                   embedder=model, cache=store if model is not None else None)  # fmt: skip


def _all_cached(texts: Sequence[Sequence[str]], cache: EmbeddingCache) -> bool:
    """Whether the model can stay unloaded: it is not loaded yet and ``cache`` holds the embedding of every
    claim text (a reopened project being re-aligned). Stops at the first document with one missing."""
    if _EMBEDDER or (cache is _CACHE and not _CACHE.store):
        return False
    for doc_texts in texts:
        keys = {text_key(t) for t in doc_texts}
        if len(cache.get_many(MODEL_ID, sorted(keys))) != len(keys):
            return False
    return bool(texts)


def semantic_problem() -> str:
    """Why meaning-level matching is unavailable in this process, as the one line to show ("" if it works)."""
    try:
        embedder()
    except SemanticUnavailable as exc:
        return semantic_fallback_message(exc)
    return ""


def semantic_fallback_message(error: BaseException | str) -> str:
    """The one line that tells a person the comparison was made by wording only, and why."""
    return f"meaning-level matching unavailable ({error}); using wording only"


# The sample's claim embeddings, computed by the model and shipped with it (scripts/sample_embeddings.py), so
# that the first window needs no model load and no embedding: about 2 s of a cold start on 2 cores.
SAMPLE_EMBEDDINGS = "embeddings.npz"


def open_sample(
    settings: AlignSettings | None = None, *, cache: EmbeddingCache | None = None, shipped: bool = True
) -> Comparison:
    """The bundled sample, aligned. With ``shipped`` (and the model installed, so that a build without it
    still says it aligns by wording only) the embeddings shipped with the sample fill the cache first; the
    alignment itself is computed as for any documents, and a claim whose text changed is embedded anew."""
    store = cache if cache is not None else _CACHE
    if shipped and (settings is None or settings.semantic) and installed():
        vectors = shipped_sample_embeddings()
        if vectors:
            store.put_many(MODEL_ID, vectors)
    return align(load_sample(), settings, cache=store)


def shipped_sample_embeddings() -> dict[str, np.ndarray]:
    """Text key -> embedding of the sample's claims as shipped; empty when the file is missing or was made
    by another model."""
    path = resources_dir() / "samples" / SAMPLE_EMBEDDINGS
    try:
        with np.load(path, allow_pickle=False) as data:
            if str(data["model"]) != MODEL_ID or str(data["sha256"]) != MODEL_SHA256:
                return {}
            keys, vectors = data["keys"], data["vectors"]
            return {str(k): np.asarray(v, dtype=np.float32) for k, v in zip(keys, vectors, strict=True)}
    except (OSError, KeyError, ValueError):
        return {}


def reapply_edits(fresh: Comparison, previous: Comparison) -> Comparison:
    """A re-aligned comparison that keeps what a person decided on the previous one.

    Manual, confirmed and rejected links and the notes come back where their claims still exist with the
    same span; a machine link on a pair a person decided about gives way to the decision, so re-running
    never silently undoes a "no". (The rules live with the project file, which applies them on merge too.)
    """
    return carry_user_edits(fresh, previous)
