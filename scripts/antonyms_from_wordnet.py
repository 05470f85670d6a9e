"""Build resources/lexicon/antonyms.tsv from Open English WordNet (a development step, not run by the app).

usage: python scripts/antonyms_from_wordnet.py PATH/TO/english-wordnet [--out resources/lexicon/antonyms.tsv]

The source is a checkout of https://github.com/globalwordnet/english-wordnet (its ``src/yaml`` lexicon;
needs the ``lexicon`` extra: PyYAML, vaderSentiment, wordfreq). Open English WordNet is CC BY 4.0 and builds on Princeton WordNet 3.0 (WordNet License);
both are credited in resources/lexicon/README.md and on every row.

What is kept, and why (precision over recall: a pair that fires on an unrelated sense is a false mark):
- direct antonyms: WordNet's sense-level antonym relation, for adjectives, adverbs, verbs and nouns of
  acts, events, states and feelings;
- indirect antonyms of adjectives: WordNet groups satellites around a head ("upbeat" and "cheerful" are
  similar to the head "optimistic"); a satellite is the opposite of the other head and its satellites. One
  "see also" step between heads of the same leaning is allowed ("optimistic" see also "hopeful", whose
  antonym "hopeless" heads "despondent"), no more;
- only a word's usual sense: its first (most frequent) adjective or adverb sense that does not describe
  things ("hard" is first "not easy", and only later "not soft", so "hard"/"soft" is not kept), or one of
  the first two senses of a verb or noun among the kept kinds;
- no sense with a topic or region domain (trade jargon such as "bullish"), and no adjective whose attribute
  is a physical, spatial, visual or temporal property or a magnitude ("light"/"heavy" of weight,
  "close"/"far" of distance, "early"/"late"): such words describe things, not how an account judges them;
- no adjective that is also an -ed or -ing form of a verb ("defeated", "united"), an irregular past form
  ("lost", "broken"), mostly an adverb ("well") or clearly a noun or verb first ("garden", "top"): the
  engine reads words without their part of speech;
- a pair that judges: at least one word has a valence in the VADER sentiment lexicon (Hutto and Gilbert
  2014, MIT licence) and the two do not lean the same way ("blind"/"sighted" carries none and goes);
- words in ordinary use: a Zipf frequency of 2.5 or more in wordfreq ("boffo", "palmy" go);
- single lower-case words of three letters or more; a pair whose words are also linked as alike is dropped.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

# Attribute roots (noun.attribute synsets of Open English WordNet) whose adjectives describe things rather
# than judge them: physical property, spatial property, magnitude, visual property, temporal property.
PHYSICAL_ROOTS = frozenset({"05016354-n", "05069917-n", "05097645-n", "04957303-n", "05051679-n"})
VERB_FILES = frozenset(
    {"verb.competition", "verb.social", "verb.communication", "verb.change", "verb.stative",
     "verb.emotion", "verb.cognition"}
)  # fmt: skip
NOUN_FILES = frozenset({"noun.act", "noun.event", "noun.state", "noun.feeling"})
ADJ_FILES = frozenset({"adj.all"})
ADV_FILES = frozenset({"adv.all"})
MIN_LEN = 3
MIN_ZIPF = 2.5
FINE_SENSES = 2


@dataclass(frozen=True)
class Sense:
    id: str
    lemma: str
    pos: str  # n, v, a (adjectives and their satellites), r
    rank: int  # 0 for the lemma's first sense of this part of speech
    synset: str


@dataclass(frozen=True)
class Row:
    a: str
    b: str
    pos: str
    relation: str  # "direct" or "indirect"
    wordnet: str  # the sense ids and steps that make the pair


def load(root: Path) -> tuple[dict[str, dict], dict[str, dict]]:
    import yaml  # a development dependency of this script only

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    entries: dict[str, dict] = {}
    synsets: dict[str, dict] = {}
    for path in sorted((root / "src" / "yaml").glob("*.yaml")):
        if path.name == "frames.yaml":
            continue
        with path.open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=loader)
        if path.name.startswith("entries-"):
            entries.update(data)
        else:
            for key, value in data.items():
                value["lexfile"] = path.stem
                synsets[key] = value
    return entries, synsets


class WordNet:
    def __init__(
        self, entries: dict[str, dict], synsets: dict[str, dict], irregular: frozenset[str] = frozenset()
    ) -> None:
        self.synsets = synsets
        self.irregular = irregular  # past forms of irregular verbs ("lost", "broken"): verbs, read as such
        self.senses: dict[str, Sense] = {}
        self.antonyms: dict[str, list[str]] = {}
        self.by_synset: dict[str, list[Sense]] = {}
        self.by_lemma: dict[tuple[str, str], list[Sense]] = {}
        for lemma, by_pos in entries.items():
            for pos, entry in by_pos.items():
                for rank, s in enumerate(entry.get("sense", [])):
                    sense = Sense(s["id"], str(lemma), pos, rank, s["synset"])
                    self.senses[sense.id] = sense
                    self.by_synset.setdefault(sense.synset, []).append(sense)
                    self.by_lemma.setdefault((sense.lemma, pos), []).append(sense)
                    if s.get("antonym"):
                        self.antonyms[sense.id] = list(s["antonym"])

    def hypernyms(self, synset: str) -> set[str]:
        seen: set[str] = set()
        todo = [synset]
        while todo:
            s = self.synsets.get(todo.pop(), {})
            for h in s.get("hypernym", []):
                if h not in seen:
                    seen.add(h)
                    todo.append(h)
        return seen

    def head(self, synset: str) -> str:
        """The head of an adjective cluster: itself, or the head a satellite is similar to."""
        s = self.synsets[synset]
        if s.get("partOfSpeech") == "s":
            heads = [h for h in s.get("similar", []) if self.synsets[h].get("partOfSpeech") == "a"]
            return heads[0] if heads else synset
        return synset

    def cluster(self, head: str) -> list[str]:
        sims = self.synsets[head].get("similar", [])
        return [head] + [s for s in sims if self.synsets[s].get("partOfSpeech") == "s"]

    def also(self, head: str) -> list[str]:
        return [
            h
            for h in self.synsets[head].get("also", [])
            if self.synsets.get(h, {}).get("partOfSpeech") == "a"
        ]

    def describes_things(self, head: str) -> bool:
        for attr in self.synsets[head].get("attribute", []):
            if ({attr} | self.hypernyms(attr)) & PHYSICAL_ROOTS:
                return True
        return False

    def plain(self, synset: str) -> bool:
        s = self.synsets[synset]
        return not any(s.get(k) for k in ("domain_topic", "domain_region", "exemplifies"))

    def first(self, sense: Sense, files: frozenset[str]) -> bool:
        """Whether ``sense`` is the word's usual sense of its kind: the first adjective or adverb sense that
        does not describe things ("gloomy" is first "dark", then "dejected"); for a verb or a noun, one of
        its first two senses among the kept kinds, verbs and nouns being more finely split ("lose" is first
        "fail to keep", of possession, then "fail to win"; "failure" is first "an act that fails", then
        "an event that does not accomplish its purpose", the opposite of "success")."""
        senses = [
            o
            for o in self.by_lemma[(sense.lemma, sense.pos)]
            if self.synsets[o.synset]["lexfile"] in files
            and not (o.pos == "a" and self.describes_things(self.head(o.synset)))
        ]
        usual = 1 if sense.pos in {"a", "r"} else FINE_SENSES
        return sense.id in [o.id for o in senses[:usual]]

    def verb_form(self, word: str) -> bool:
        """An -ed or -ing form of a WordNet verb ("defeated", "united", "laughing"): the engine reads words
        without their part of speech, and as verbs these do not oppose ("they defeated Argentina")."""
        for end in ("ing", "ed", "d"):
            if word.endswith(end):
                stem = word[: -len(end)]
                stems = {stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem}
                if end == "ed" and stem.endswith("i"):
                    stems.add(stem[:-1] + "y")
                if any((v, "v") in self.by_lemma for v in stems):
                    return True
        return False

    def mostly_adverb(self, word: str) -> bool:
        """An adjective used mostly as an adverb ("well", "fast"): its opposite would fire on "as well"."""
        return len(self.by_lemma.get((word, "r"), [])) > len(self.by_lemma.get((word, "a"), []))

    def mostly_other(self, word: str) -> bool:
        """A word that is clearly a noun or a verb first, with more than twice as many senses of that kind as
        of adjective ("garden" for "ordinary", "champion" for "excellent", "top"): read without its part of
        speech, it would fire as the noun."""
        adjective = len(self.by_lemma.get((word, "a"), []))
        return any(len(self.by_lemma.get((word, pos), [])) > 2 * adjective for pos in ("n", "v"))

    def kept(self, sense: Sense, files: frozenset[str]) -> bool:
        word = sense.lemma
        return (
            self.first(sense, files)
            and not (
                sense.pos == "a"
                and (
                    self.verb_form(word)
                    or word in self.irregular
                    or self.mostly_adverb(word)
                    or self.mostly_other(word)
                )
            )
            and word.isalpha()
            and word.islower()
            and len(word) >= MIN_LEN
            and self.synsets[sense.synset]["lexfile"] in files
            and self.plain(sense.synset)
        )

    def first_senses(self, synset: str, files: frozenset[str]) -> list[Sense]:
        return [s for s in self.by_synset.get(synset, []) if self.kept(s, files)]


def _pos_files(pos: str) -> tuple[str, frozenset[str]] | None:
    return {
        "a": ("adjective", ADJ_FILES),
        "r": ("adverb", ADV_FILES),
        "v": ("verb", VERB_FILES),
        "n": ("noun", NOUN_FILES),
    }.get(pos)


def direct(wn: WordNet) -> Iterator[Row]:
    for sid, others in wn.antonyms.items():
        s = wn.senses[sid]
        kind = _pos_files(s.pos)
        if kind is None:
            continue
        name, files = kind
        for oid in others:
            o = wn.senses.get(oid)
            if o is None or not wn.kept(s, files) or not wn.kept(o, files):
                continue
            if s.pos == "a" and (
                wn.describes_things(wn.head(s.synset)) or wn.describes_things(wn.head(o.synset))
            ):
                continue
            yield Row(s.lemma, o.lemma, name, "direct", f"{s.id} ! {o.id}")


def indirect(wn: WordNet) -> Iterator[Row]:
    """Satellites against the opposite head and its satellites, with at most one "see also" step."""
    opposite: dict[str, set[str]] = {}  # head synset -> the heads WordNet calls its antonyms
    for sid, others in wn.antonyms.items():
        s = wn.senses[sid]
        if s.pos != "a" or wn.synsets[s.synset].get("partOfSpeech") != "a":
            continue
        for oid in others:
            o = wn.senses.get(oid)
            if o is not None and wn.synsets[o.synset].get("partOfSpeech") == "a":
                opposite.setdefault(s.synset, set()).add(o.synset)
    for h1, heads in sorted(opposite.items()):
        for h2 in sorted(heads):
            if wn.describes_things(h1) or wn.describes_things(h2):
                continue
            sides = [(h1, h2, [("!", h2)])]
            # A "see also" step is taken only where WordNet draws it on both sides of the opposition
            # ("optimistic" see also "hopeful", "pessimistic" see also "hopeless", "hopeful" antonym
            # "hopeless"): then the two pairs lean the same way and their satellites oppose too.
            for a1 in wn.also(h1):
                for a2 in opposite.get(a1, {}):
                    if a2 in wn.also(h2) and not wn.describes_things(a1) and not wn.describes_things(a2):
                        sides.append((h1, a2, [("!", h2), ("^", a2)]))
                        sides.append((a1, h2, [("^", h1), ("!", h2)]))
            for left, right, steps in sides:
                for s1 in wn.cluster(left):
                    for s2 in wn.cluster(right):
                        if s1 == h1 and s2 == h2:
                            continue  # the direct pair itself
                        for x in wn.first_senses(s1, ADJ_FILES):
                            for y in wn.first_senses(s2, ADJ_FILES):
                                yield Row(
                                    x.lemma,
                                    y.lemma,
                                    "adjective",
                                    "indirect",
                                    chain(x, s1, left, steps, right, s2, y),
                                )


def chain(x: Sense, s1: str, left: str, steps: list[tuple[str, str]], right: str, s2: str, y: Sense) -> str:
    """The WordNet steps from one word to the other, with WordNet's pointer symbols: "&" similar to,
    "^" see also, "!" antonym; the two words by sense key, the heads between them by synset id."""
    path = [x.id] + ([f"& {left}"] if s1 != left else [])
    path += [f"{symbol} {synset}" for symbol, synset in steps[:-1]]
    symbol, synset = steps[-1]
    if s2 != right:
        path += [f"{symbol} {synset}", f"& {y.id}"]
    else:
        path.append(f"{symbol} {y.id}")  # the other word is a member of the last head itself
    return " ".join(path)


def alike(wn: WordNet) -> set[frozenset[str]]:
    """Words WordNet ties as alike (one cluster, or heads linked by "see also"): never kept as opposites."""
    out: set[frozenset[str]] = set()
    for key, s in wn.synsets.items():
        if s.get("partOfSpeech") != "a":
            continue
        group = [key, *wn.also(key)]
        words = {m for g in group for c in wn.cluster(g) for m in wn.synsets[c].get("members", [])}
        out.update(frozenset({a, b}) for a in words for b in words if a != b)
    return out


def valences() -> dict[str, float]:
    """The VADER sentiment lexicon (Hutto and Gilbert 2014, MIT licence): word -> mean valence, -4..4."""
    import vaderSentiment  # a development dependency of this script only

    path = Path(vaderSentiment.__file__).with_name("vader_lexicon.txt")
    out: dict[str, float] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            cells = line.rstrip("\n").split("\t")
            if len(cells) >= 2:
                out[cells[0]] = float(cells[1])
    return out


def common(row: Row, zipf: Callable[[str], float]) -> bool:
    """Both words in ordinary use (wordfreq's Zipf scale: 2.5 is about three uses in ten million words):
    "boffo" and "palmy" would never fire, and they would only swell the list."""
    return zipf(row.a) >= MIN_ZIPF and zipf(row.b) >= MIN_ZIPF


def frequencies() -> Callable[[str], float]:
    from wordfreq import zipf_frequency  # a development dependency of this script only

    return lambda word: zipf_frequency(word, "en")


def evaluative(row: Row, valence: dict[str, float]) -> bool:
    """A pair that judges: at least one word carries a sentiment, and none leans the same way as the other
    ("despondent" is negative and "upbeat", missing from the sentiment list, is not)."""
    va, vb = valence.get(row.a, 0.0), valence.get(row.b, 0.0)
    return (va or vb) != 0.0 and va * vb <= 0.0


def rows(wn: WordNet, valence: dict[str, float], zipf: Callable[[str], float] = lambda w: 9.0) -> list[Row]:
    seen: dict[frozenset[str], Row] = {}
    banned = alike(wn)
    for row in [*direct(wn), *indirect(wn)]:
        key = frozenset({row.a, row.b})
        if len(key) < 2 or key in banned or not evaluative(row, valence) or not common(row, zipf):
            continue
        old = seen.get(key)
        # The direct relation first, then the shortest chain of steps.
        rank = (row.relation != "direct", row.wordnet.count(" "), row.wordnet)
        if old is None or rank < (old.relation != "direct", old.wordnet.count(" "), old.wordnet):
            seen[key] = row
    order = {"adjective": 0, "adverb": 1, "verb": 2, "noun": 3}
    return sorted(seen.values(), key=lambda r: (order[r.pos], r.relation, r.a, r.b))


def irregular_forms() -> frozenset[str]:
    """The past forms in resources/lexicon/irregular_verbs.tsv (the list the engine's lemmas use)."""
    path = Path(__file__).resolve().parents[1] / "resources" / "lexicon" / "irregular_verbs.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        return frozenset(r["form"] for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def edition(root: Path) -> str:
    try:
        out = subprocess.run(
            ["git", "-C", str(root), "describe", "--tags"], capture_output=True, text=True, check=True
        )
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown edition"


def write(out: Path, table: Iterable[Row], version: str) -> None:
    source = f"Open English WordNet {version}, CC BY 4.0"
    tmp = out.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
        w.writerow(["a", "b", "pos", "relation", "wordnet", "source"])
        for r in table:
            w.writerow([r.a, r.b, r.pos, r.relation, r.wordnet, source])
    tmp.replace(out)


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("wordnet", type=Path, help="a checkout of globalwordnet/english-wordnet")
    p.add_argument("--out", type=Path, default=Path("resources/lexicon/antonyms.tsv"))
    p.add_argument("--edition", help="the edition to name in the source column (default: git describe)")
    args = p.parse_args(argv)
    if not (args.wordnet / "src" / "yaml").is_dir():
        print(f"no Open English WordNet lexicon at {args.wordnet}/src/yaml", file=sys.stderr)
        return 2
    wn = WordNet(*load(args.wordnet), irregular=irregular_forms())
    table = rows(wn, valences(), frequencies())
    write(args.out, table, args.edition or edition(args.wordnet))
    print(f"{len(table)} pairs written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
