"""BERT's uncased WordPiece tokenizer in plain Python, read from a Hugging Face ``tokenizer.json``.

The semantic scorer needs token ids for all-MiniLM-L6-v2. The ``tokenizers`` library does this in Rust, but
it is an 8 MB binary in the packaged app for what is a short, fully specified algorithm; the sample's 267
claims take about 20 ms here. It gives the ids that library gives for this model's configuration
(``tests/unit/test_wordpiece.py`` compares the two on varied text when the library is installed):

1. special tokens written literally in the text ("[CLS]", "[MASK]", ...) become their own ids;
2. normalise (BertNormalizer): drop NUL, U+FFFD and control characters, turn whitespace into spaces, put
   spaces around CJK ideographs, strip accents (NFD, drop non-spacing marks), lowercase;
3. split on whitespace and around each punctuation character (BertPreTokenizer);
4. WordPiece: the longest vocabulary entry from the left, then "##" continuations; a word that cannot be
   covered (or is over 100 characters) is one ``[UNK]``;
5. ``[CLS] ... [SEP]``, truncated to a maximum length that includes those two.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path

# The CJK ideograph blocks that BERT puts spaces around (as in the original BERT code).
_CJK = (
    (0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2A700, 0x2B73F),
    (0x2B740, 0x2B81F), (0x2B820, 0x2CEAF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F),
)  # fmt: skip


def _is_cjk(cp: int) -> bool:
    return any(lo <= cp <= hi for lo, hi in _CJK)


def _is_control(ch: str) -> bool:
    # Cc, Cf, Co, Cs; not Cn (unassigned), which the reference implementation keeps as a letter.
    return ch not in "\t\n\r" and unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs")


def _is_punctuation(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


# ASCII text (most news) the long way below gives the same as these: control characters dropped, tab and
# line breaks to spaces, and lower case; punctuation is then the four ASCII ranges of ``_is_punctuation``.
_ASCII_CLEAN = {cp: None for cp in (*range(32), 127)} | {ord("\t"): " ", ord("\n"): " ", ord("\r"): " "}
_ASCII_WORDS = re.compile(r"[!-/:-@\[-`{-~]|[^!-/:-@\[-`{-~]+")


def normalize(text: str) -> str:
    """BertNormalizer with clean_text, handle_chinese_chars, strip_accents and lowercase all on."""
    if text.isascii():
        return text.translate(_ASCII_CLEAN).lower()
    out = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD or _is_control(ch):
            continue
        if ch.isspace():  # what is left after the control filter: Unicode White_Space
            out.append(" ")
        elif _is_cjk(cp):
            out.append(f" {ch} ")
        else:
            out.append(ch)
    decomposed = unicodedata.normalize("NFD", "".join(out))
    # Lowercased one character at a time, as the reference does (str.lower() would turn a final Σ into ς).
    return "".join(ch.lower() for ch in decomposed if unicodedata.category(ch) != "Mn")


def pre_tokenize(text: str) -> list[str]:
    """Words split on whitespace, each punctuation character a word of its own."""
    if text.isascii():
        return [w for chunk in text.split() for w in _ASCII_WORDS.findall(chunk)]
    words: list[str] = []
    for chunk in text.split():
        current = []
        for ch in chunk:
            if _is_punctuation(ch):
                if current:
                    words.append("".join(current))
                    current = []
                words.append(ch)
            else:
                current.append(ch)
        if current:
            words.append("".join(current))
    return words


class WordPiece:
    """Token ids for a sentence: ``[CLS]`` + WordPiece ids + ``[SEP]``, at most ``max_length`` in all."""

    def __init__(self, vocab: dict[str, int], specials: Sequence[str] = (), *, max_length: int = 256) -> None:
        self.vocab = vocab
        self.unk = vocab["[UNK]"]
        self.cls = vocab["[CLS]"]
        self.sep = vocab["[SEP]"]
        self.max_length = max_length
        self.max_word = 100
        self._specials = (
            re.compile("(" + "|".join(re.escape(s) for s in sorted(specials, key=len, reverse=True)) + ")")
            if specials
            else None
        )
        self._cache: dict[str, list[int]] = {}  # word -> ids: news text repeats its words a lot

    @classmethod
    def from_file(cls, path: str | Path, *, max_length: int = 256) -> WordPiece:
        """Read the vocabulary and special tokens of a ``tokenizer.json`` (WordPiece model only)."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        model = data.get("model", {})
        if model.get("type") != "WordPiece" or model.get("continuing_subword_prefix", "##") != "##":
            raise ValueError(f"{path}: not a WordPiece tokenizer with '##' continuations")
        specials = [t["content"] for t in data.get("added_tokens", []) if t.get("special")]
        return cls(dict(model["vocab"]), specials, max_length=max_length)

    def word_ids(self, word: str) -> list[int]:
        if word in self._cache:
            return self._cache[word]
        ids: list[int] = []
        if len(word) > self.max_word:
            ids = [self.unk]
        else:
            start = 0
            while start < len(word):
                end = len(word)
                found = None
                while start < end:
                    piece = word[start:end] if start == 0 else "##" + word[start:end]
                    found = self.vocab.get(piece)
                    if found is not None:
                        break
                    end -= 1
                if found is None:
                    ids = [self.unk]
                    break
                ids.append(found)
                start = end
        if len(self._cache) < 200_000:
            self._cache[word] = ids
        return ids

    def encode(self, text: str) -> list[int]:
        ids: list[int] = []
        parts = self._specials.split(text) if self._specials is not None else [text]
        for n, part in enumerate(parts):
            if n % 2:  # a special token written in the text
                ids.append(self.vocab[part])
                continue
            for word in pre_tokenize(normalize(part)):
                ids.extend(self.word_ids(word))
        return [self.cls, *ids[: max(0, self.max_length - 2)], self.sep]

    def encode_batch(self, texts: Sequence[str]) -> list[list[int]]:
        return [self.encode(t) for t in texts]
