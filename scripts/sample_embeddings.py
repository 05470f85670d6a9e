"""Write resources/samples/embeddings.npz: the semantic model's embedding of every claim of the bundled sample.

usage: python scripts/sample_embeddings.py

Run it after changing the sample's texts, the segmenter or the model; the app falls back to embedding what the
file does not hold, and tests/unit/test_sample_embeddings.py checks the file against the model.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from compare import workflows  # noqa: E402
from compare.align.engine import claims_of  # noqa: E402
from compare.align.semantic import MODEL_ID, MODEL_SHA256, text_key  # noqa: E402


def main() -> int:
    texts = sorted({c.text for d in workflows.load_sample() for c in claims_of(d)})
    vectors = workflows.embedder().embed(texts)
    out = workflows.resources_dir() / "samples" / workflows.SAMPLE_EMBEDDINGS
    np.savez_compressed(
        out,
        model=np.array(MODEL_ID),
        sha256=np.array(MODEL_SHA256),
        keys=np.array([text_key(t) for t in texts]),
        vectors=np.asarray(vectors, dtype=np.float32),
    )
    print(f"{out}: {len(texts)} claims, {out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
