"""Faults that need separate processes: two writers at once, kill -9 in the middle of saves, a memory cap."""

from __future__ import annotations

import pickle
import random
import resource
import signal
import subprocess
import sys
import textwrap
import time
from dataclasses import replace

import pytest

from compare import workflows
from compare.store import open_comparison, save_comparison
from tests.fault.conftest import (
    assert_one_line_error,
    cli_command,
    cli_env,
    files_in,
    run_cli,
    two_word_paragraphs,
    write_docs,
)

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def test_two_concurrent_project_adds_never_both_report_ok_with_one_lost(tmp_path):
    base, one, two = write_docs(tmp_path / "docs", paragraphs=150)
    extra = write_docs(tmp_path / "more", paragraphs=150)[2]
    extra.write_text(extra.read_text(encoding="utf-8").replace("boats", "cars"), encoding="utf-8")
    path = tmp_path / "p.ncproj"
    for round_ in range(3):
        path.unlink(missing_ok=True)
        assert run_cli("project", "new", path, base, one).returncode == 0
        children = [
            subprocess.Popen(cli_command("project", "add", path, doc), env=cli_env(), stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
            for doc in (two, extra)
        ]  # fmt: skip
        results = [(c.wait(timeout=300), c.stderr.read()) for c in children]
        kept = {d.source for d in open_comparison(path).documents}
        for (status, err), doc in zip(results, (two, extra), strict=True):
            assert "Traceback" not in err
            if status == 0:
                assert str(doc) in kept, (round_, results, kept)  # an "ok" is never a lost document
            else:
                assert len(err.strip().splitlines()) == 1 and str(path) in err, err
        # The one that lost the race re-read the file and added its document to it: both are kept.
        assert [status for status, _ in results] == [0, 0], results
        assert len(kept) == 4


SAVER = textwrap.dedent(
    """
    import pickle, sys
    from compare.store import save_comparison
    with open(sys.argv[2], "rb") as f:
        versions = pickle.load(f)
    print("ready", flush=True)
    n = 0
    while True:
        save_comparison(sys.argv[1], versions[n % 2])
        n += 1
    """
)


def test_kill_9_during_saves_never_loses_the_file_and_the_next_save_cleans_up(tmp_path):
    docs = write_docs(tmp_path / "docs", paragraphs=100)
    first = workflows.align(workflows.load_documents(docs))
    second = replace(first, links=first.links[: len(first.links) // 2])
    versions = tmp_path / "versions.pickle"
    versions.write_bytes(pickle.dumps((first, second)))
    path = tmp_path / "work" / "p.ncproj"
    path.parent.mkdir()
    save_comparison(path, first)
    rng = random.Random(12)
    mid_save = 0
    for _ in range(20):
        child = subprocess.Popen([sys.executable, "-c", SAVER, str(path), str(versions)], env=cli_env(),
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
        time.sleep(rng.uniform(0.0, 0.3))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=60)
        mid_save += any(name.endswith(".saving") for name in files_in(path.parent))
        assert open_comparison(path) in (first, second)  # always a whole project: the old or the new one
    assert mid_save > 0  # some kills did land in the middle of a save
    assert run_cli("project", "align", path).returncode == 0  # a later save ...
    assert files_in(path.parent) == ["p.ncproj", "p.ncproj.bak"]  # ... leaves no temporary file behind


def _limit_memory(limit: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is how Linux caps memory")
def test_a_memory_cap_never_ends_a_huge_input_in_a_traceback(tmp_path):
    # The input: 15 GB before (and a MemoryError traceback under a cap); now the engine's blocked
    # path aligns it in a few hundred MB, and anything beyond the budget is refused in one line.
    base = two_word_paragraphs(tmp_path / "a.txt", 20_000, 3)
    other = two_word_paragraphs(tmp_path / "b.txt", 20_000, 7)
    assert base.stat().st_size < 300_000
    cap = 1536 * 1024**2
    env = cli_env() | {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    result = subprocess.run(cli_command("align", base, other, "--quiet"), env=env, capture_output=True,
                            text=True, timeout=900, preexec_fn=lambda: _limit_memory(cap))  # fmt: skip
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr, result.stderr[-2000:]
    if result.returncode == 0:
        assert "20000 claims" in result.stdout
    else:
        assert "too much to compare" in assert_one_line_error(result)


def test_scoring_over_the_budget_is_refused_in_one_line_before_any_scoring(tmp_path, monkeypatch):
    from compare.model import InputError

    docs = workflows.load_documents(write_docs(tmp_path / "docs", paragraphs=60))
    monkeypatch.setattr(workflows, "MAX_SCORED_PAIRS", 100)

    def never(*_a, **_k):
        raise AssertionError("scoring started")

    monkeypatch.setattr(workflows, "compare", never)
    with pytest.raises(InputError, match="too much to compare") as caught:
        workflows.align(docs)
    assert "\n" not in str(caught.value)
    monkeypatch.undo()
    assert workflows.scoring_pairs([2_000, 2_000]) < workflows.MAX_SCORED_PAIRS  # the blocked path's size
    assert workflows.scoring_pairs([500, 400, 900]) == 500 * 900


def test_a_file_over_the_character_limit_is_refused_before_decoding(tmp_path):
    import tracemalloc

    from compare.model import InputError
    from compare.text.ingest import MAX_CHARS, load_document

    big = tmp_path / "big.txt"
    line = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima.\n"
    big.write_text(line * (19_000_000 // len(line)), encoding="utf-8")
    assert big.stat().st_size > 3 * MAX_CHARS
    tracemalloc.start()
    try:
        with pytest.raises(InputError, match="too long"):
            load_document(big, "d0")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # The bytes and one scan of them; decoding and normalising took about five times the file size.
    assert peak < 2.5 * big.stat().st_size
