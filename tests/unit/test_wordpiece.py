"""The plain-Python WordPiece tokenizer gives the model the ids the reference (Rust) tokenizer would."""

from __future__ import annotations

from pathlib import Path

import pytest

from compare.align.wordpiece import WordPiece, normalize, pre_tokenize

ROOT = Path(__file__).resolve().parents[2]
TOKENIZER = ROOT / "resources" / "models" / "all-MiniLM-L6-v2" / "tokenizer.json"

# Varied text a user might paste: accents, typographic quotes and dashes, numbers, currency, CJK, Greek,
# Cyrillic, Arabic, emoji, invisible characters, long and unknown words, special tokens written literally.
TEXTS = [
    "Hello, world!",
    "Crème brûlée in São Paulo — “quoted” and ‘single’ … naïve Ångström, İstanbul, Straße, ﬁnance.",
    "ΟΔΟΣ ΠΡΟΣ ΤΗΝ ΑΘΗΝΑ: Σήμερα το πρωί.",
    "Правительство заявило в понедельник, что 40% домов остались без света.",
    "وقالت الوزارة إن ١٢٣ شخصا أصيبوا",
    "北京欢迎你 and 東京 in one line; 서울 too.",
    "Emoji 😀👍🏽 and flags 🇫🇷 in a post #breaking @newsdesk",
    "zero\u200bwidth, soft\u00adhyphen, no-break\u00a0space, ideographic\u3000space, line\u2028separator",
    "tabs\tand\nnewlines\r\nand NUL\x00 and replacement \ufffd characters",
    "U.S.A. $5,000.50 on 19/09/2024 at 10:30 a.m. (GMT+1) — co-operate, re-elected, state-of-the-art",
    "Pneumonoultramicroscopicsilicovolcanoconiosis " + "x" * 120,
    "[CLS] the [MASK] was [UNK] here [SEP] [PAD]",
    "",
    "   ",
]


@pytest.fixture(scope="module")
def wordpiece() -> WordPiece:
    return WordPiece.from_file(TOKENIZER)


def tokens(wp: WordPiece, text: str) -> list[str]:
    inverse = {i: t for t, i in wp.vocab.items()}
    return [inverse[i] for i in wp.encode(text)]


def test_known_words_and_continuations(wordpiece):
    assert tokens(wordpiece, "Hello, world!") == ["[CLS]", "hello", ",", "world", "!", "[SEP]"]
    pieces = tokens(wordpiece, "unaffable")[1:-1]
    assert len(pieces) > 1 and all(p.startswith("##") for p in pieces[1:])
    assert "".join(p.removeprefix("##") for p in pieces) == "unaffable"


def test_accents_case_and_punctuation_are_normalised(wordpiece):
    assert wordpiece.encode("Crème BRÛLÉE") == wordpiece.encode("creme brulee")
    assert normalize("A\u00a0b\u200bc\x00d") == "a bcd"  # no-break space -> space; zero-width, NUL dropped
    assert pre_tokenize("co-op, (x)") == ["co", "-", "op", ",", "(", "x", ")"]
    assert normalize("北京") == " 北  京 "


def test_unknown_and_overlong_words_are_one_unk(wordpiece):
    unk = wordpiece.vocab["[UNK]"]
    assert wordpiece.encode("x" * 101)[1:-1] == [unk]
    assert wordpiece.encode("\U0001f600")[1:-1] == [unk]


def test_special_tokens_written_in_the_text_keep_their_ids(wordpiece):
    ids = wordpiece.encode("a [MASK] b")
    assert ids[2] == wordpiece.vocab["[MASK]"]


def test_truncation_keeps_cls_and_sep(wordpiece):
    ids = WordPiece.from_file(TOKENIZER, max_length=16).encode("word " * 100)
    assert len(ids) == 16 and ids[0] == wordpiece.cls and ids[-1] == wordpiece.sep


def test_not_a_wordpiece_file_is_refused(tmp_path):
    path = tmp_path / "tokenizer.json"
    path.write_text('{"model": {"type": "BPE", "vocab": {}}}', encoding="utf-8")
    with pytest.raises(ValueError, match="not a WordPiece tokenizer"):
        WordPiece.from_file(path)


def test_same_ids_as_the_reference_tokenizer(wordpiece):
    tokenizers = pytest.importorskip("tokenizers", reason="the reference tokenizer is not installed")
    reference = tokenizers.Tokenizer.from_file(str(TOKENIZER))
    reference.enable_truncation(max_length=256)
    reference.no_padding()
    samples = ROOT / "resources" / "samples"
    texts = TEXTS + [
        line for p in sorted(samples.glob("*.txt")) for line in p.read_text("utf-8").splitlines()
    ]
    for text in texts:
        assert wordpiece.encode(text) == reference.encode(text).ids, text
