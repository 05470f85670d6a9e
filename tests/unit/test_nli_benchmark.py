"""The trained-contradiction-reader measurement (benchmarks/nli_*.py): pair encoding, the battery's subject
split, and the threshold chosen on fit. No model or public pairs needed."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import nli_data  # noqa: E402
import nli_measure  # noqa: E402
from battery import SUBJECTS  # noqa: E402
from nli_encode import encode_pair, pad  # noqa: E402

from compare.align.wordpiece import WordPiece  # noqa: E402

VOCAB = {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3, "the": 4, "vote": 5, "passed": 6, "failed": 7, ".": 8,
         "on": 9, "monday": 10}  # fmt: skip


@pytest.fixture
def tok() -> WordPiece:
    return WordPiece(VOCAB)


def test_a_pair_reads_cls_a_sep_b_sep_with_segment_ids(tok):
    ids, types = encode_pair(tok, "The vote passed.", "The vote failed on Monday.")
    assert ids == [2, 4, 5, 6, 8, 3, 4, 5, 7, 9, 10, 8, 3]
    assert types == [0] * 6 + [1] * 7


def test_the_longer_side_is_cut_first_and_both_separators_stay(tok):
    long = " ".join(["the vote passed"] * 20)
    ids, types = encode_pair(tok, long, "The vote failed.", max_length=12)
    assert len(ids) == 12 and len(types) == 12
    assert ids[0] == 2 and ids[-1] == 3 and ids.count(3) == 2
    assert ids[-5:] == [4, 5, 7, 8, 3]  # the short side is whole
    assert types.count(1) == 5


def test_a_batch_is_padded_with_zeros_and_masked(tok):
    rows = [
        encode_pair(tok, "The vote passed.", "The vote failed."),
        encode_pair(tok, "The vote.", "Monday."),
    ]
    ids, mask, types = pad(rows)
    assert len({len(r) for r in ids + mask + types}) == 1
    assert mask[1] == [1] * len(rows[1][0]) + [0] * (len(ids[0]) - len(rows[1][0]))
    assert ids[1][len(rows[1][0]) :] == [0] * (len(ids[0]) - len(rows[1][0]))


def test_battery_pairs_are_put_with_the_one_subject_whose_words_they_carry():
    s = SUBJECTS[2]
    assert nli_data.subject_of(f"{s.actor} {s.past} {s.object}.", f"{s.actor} did not {s.base} it.") == 2
    other = SUBJECTS[5]
    assert nli_data.subject_of(f"{s.actor} {s.past} it.", f"{other.actor} {other.past} it.") == -1
    assert nli_data.subject_of("Nothing here.", "Nor here.") == -1


def _read(p: float, contra: bool) -> dict:
    return {"p": p, "contra": contra}


def test_the_threshold_is_the_lowest_whose_turned_pairs_are_right_nine_times_in_ten():
    reads = [{"linked": [_read(0.95, True), _read(0.9, True), _read(0.85, True), _read(0.8, False),
                         _read(0.6, True), _read(0.3, False)]}]  # fmt: skip
    assert nli_measure.turned_precision(reads, "linked", 0.85) == (3, 3)
    assert nli_measure.turned_precision(reads, "linked", 0.6) == (4, 5)
    assert nli_measure.choose(reads, "linked") == 0.81
    # Fewer than three turned pairs never sets a threshold: nothing is turned.
    assert nli_measure.choose([{"linked": [_read(0.99, True), _read(0.2, False)]}], "linked") == 1.01


def test_auc_counts_the_share_of_contradiction_and_other_pairs_in_the_right_order():
    reads = [{"linked": [_read(0.9, True), _read(0.4, True), _read(0.5, False), _read(0.1, False)]}]
    assert nli_measure.auc(reads, "linked") == 0.75
    assert nli_measure.auc([{"linked": [_read(0.3, True), _read(0.3, False)]}], "linked") == 0.5
