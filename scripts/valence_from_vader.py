"""Build resources/lexicon/valence.tsv from the VADER sentiment lexicon (a development step, not run by the app).

usage: python scripts/valence_from_vader.py [--out resources/lexicon/valence.tsv]

The source is ``vader_lexicon.txt`` of the installed vaderSentiment package (the ``lexicon`` extra; C. J.
Hutto and E. Gilbert, "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social Media Text",
ICWSM 2014; MIT licence). Each VADER row is a token, its mean valence (-4 .. +4) from ten raters, their
standard deviation and the ratings.

What is kept, and why (a word that judges in one reading and not in another is a false mark):
- single lower-case words of three letters or more (no emoticons, no abbreviations such as "lol");
- a clear leaning: mean valence of at least 1.0 either way;
- raters who agree: a standard deviation of at most 1.2 (controversial ratings mean a word leans by context);
- words in ordinary use: a Zipf frequency of 3.0 or more in wordfreq (slang of social media goes).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

MIN_VALENCE = 1.0
MAX_SPREAD = 1.2
MIN_ZIPF = 3.0
MIN_LEN = 3


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parents[1] / "resources/lexicon/valence.tsv"
    )
    args = parser.parse_args(argv)
    try:
        from importlib.metadata import version

        import vaderSentiment
        from wordfreq import zipf_frequency
    except ImportError:
        print("needs the lexicon extra: pip install 'narrative-compare[lexicon]'", file=sys.stderr)
        return 2
    source_file = Path(vaderSentiment.__file__).parent / "vader_lexicon.txt"
    source = f"VADER sentiment lexicon {version('vaderSentiment')} (Hutto and Gilbert 2014), MIT licence"
    kept = []
    for line in source_file.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 3:
            continue
        word, mean, spread = parts[0], float(parts[1]), float(parts[2])
        if not (word.isalpha() and word.islower() and len(word) >= MIN_LEN):
            continue
        if abs(mean) < MIN_VALENCE or spread > MAX_SPREAD or zipf_frequency(word, "en") < MIN_ZIPF:
            continue
        kept.append((word, mean))
    with args.out.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write("word\tvalence\tsource\n")
        for word, mean in sorted(kept):
            fh.write(f"{word}\t{mean:.1f}\t{source}\n")
    print(f"{len(kept)} words written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
