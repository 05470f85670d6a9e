"""Plain value types shared by every layer: documents, claims, facts, links and the comparison.

No I/O here and no imports from the rest of the package, so that the engine, the store, the reports and
the GUI all speak the same small vocabulary (cf. Meld's ``DiffChunk``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

FORMAT = "narrative-compare/1"


class CompareError(Exception):
    """An error the user can cause and fix (bad input, bad project file); shown as one line, no traceback."""


class InputError(CompareError):
    """A document could not be read: missing, empty, binary, too large or undecodable."""


class Cancelled(CompareError):
    """Long work stopped because the user asked for it."""


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    total: int
    label: str = ""


ProgressCallback = Callable[[Progress], None]
CancelCheck = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class Document:
    """One account. ``text`` is the exact string that every claim offset indexes and the GUI shows."""

    id: str
    title: str
    text: str
    source: str = ""  # path or URL as the user gave it; informational only, never re-read
    outlet: str = ""
    date: str = ""


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in a claim: ``value`` is normalised, ``text`` is as written."""

    value: float
    text: str
    bound: str = ""  # "at least", "more than", "about", ... ("" = exact)
    unit: str = ""  # the noun that follows, lower-cased ("people", "troops"), when obvious


@dataclass(frozen=True, slots=True)
class DateMention:
    text: str
    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: str = ""  # "Monday" ... when the text names a weekday


@dataclass(frozen=True, slots=True)
class Duration:
    value: float
    unit: str  # singular: "hour", "day", "week", "month", "year"
    text: str


@dataclass(frozen=True, slots=True)
class Facts:
    numbers: tuple[Quantity, ...] = ()
    dates: tuple[DateMention, ...] = ()
    durations: tuple[Duration, ...] = ()
    entities: tuple[str, ...] = ()
    negations: tuple[str, ...] = ()  # the negation cues as written ("not", "denied", ...)
    speaker: str = ""  # who the claim is attributed to, when the text says so
    quoted: bool = False


@dataclass(frozen=True, slots=True)
class Claim:
    """A span of a document: ``document.text[start:end] == text`` always holds."""

    id: str  # "d0:c12"
    doc: str
    start: int
    end: int
    text: str
    facts: Facts = field(default_factory=Facts)


@dataclass(frozen=True, slots=True)
class Furniture:
    """A span of a document that is page furniture, not a claim: shown in the pane, never marked or linked.

    ``kind`` is "byline", "dateline", "credit" (photo credits) or "heading" (headlines, mastheads, time
    stamps, subheadings); ``document.text[start:end]`` is the span.
    """

    doc: str
    start: int
    end: int
    kind: str


class Relation(StrEnum):
    AGREE = "agree"
    CONTRADICT = "contradict"


class LinkStatus(StrEnum):
    MACHINE = "machine"  # proposed by the engine, not reviewed
    CONFIRMED = "confirmed"  # reviewed and kept by a person
    REJECTED = "rejected"  # reviewed and refused: kept so that a re-run does not bring it back silently
    MANUAL = "manual"  # drawn by a person


@dataclass(frozen=True, slots=True)
class Link:
    """Two claims of different documents that tell the same thing, and how they relate."""

    a: str
    b: str
    relation: Relation
    score: float
    reasons: tuple[str, ...] = ()
    status: LinkStatus = LinkStatus.MACHINE
    created_by: str = "engine"
    # The engine's calibrated probability that the pair is right (see compare/align/confidence.py);
    # None when nobody estimated it: a link drawn by hand, or one read from a file older than schema 3.
    confidence: float | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.a, self.b)

    @property
    def active(self) -> bool:
        return self.status is not LinkStatus.REJECTED


@dataclass(frozen=True, slots=True)
class Candidate:
    """One of the few best claims of another account for ``claim``: offered for review, never a mark."""

    claim: str
    other: str
    score: float  # match strength in [0, 1], as for a link
    confidence: float  # calibrated probability that the two tell the same thing
    rank: int = 1  # 1 = the best candidate of ``claim`` in ``other``'s account


@dataclass(frozen=True, slots=True)
class Annotation:
    """A person's label or note on a claim or a link (target "d0:c3" or "d0:c3|d1:c7")."""

    target: str
    label: str = ""
    note: str = ""
    author: str = ""
    created_at: str = ""


@dataclass(frozen=True, slots=True)
class AlignSettings:
    threshold: float = 0.55  # minimum match strength in [0, 1] for a link (0.5 = no better than usual)
    allow_split: bool = True  # one claim may match a claim split in two in the other account
    semantic: bool = False  # add the offline sentence-embedding scorer (the "semantic" extra)
    max_words: int = 200_000  # per document; beyond this the engine refuses rather than thrash


class Coverage(StrEnum):
    """How an account treats one base claim (a cell of the coverage matrix)."""

    CARRIED = "carried"
    CONTRADICTED = "contradicted"
    OMITTED = "omitted"


class Mark(StrEnum):
    """How a claim is shown in a pane, relative to the base (or, for the base, to one account)."""

    AGREE = "agree"
    CONTRADICT = "contradict"
    OMITTED = "omitted"  # a base claim not found in the selected account
    ONLY_HERE = "only_here"  # an account's claim not found in the base


@dataclass(frozen=True)
class Comparison:
    """The engine's result plus a person's edits: everything the GUI, the store and the reports need."""

    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    links: tuple[Link, ...]
    settings: AlignSettings = field(default_factory=AlignSettings)
    engine_version: str = ""
    annotations: tuple[Annotation, ...] = ()
    # Possible counterparts: pairs the engine would pair but is not sure enough of (confidence below the
    # suggestion level, or nothing in common beyond the topic). Listed for review; never a mark, never
    # counted, never in ``links_of`` or ``mark_of``.
    suggestions: tuple[Link, ...] = ()
    candidates: tuple[Candidate, ...] = ()  # the best few counterparts of each claim in each other account
    furniture: tuple[Furniture, ...] = ()  # bylines, datelines, credits, headlines: not claims

    @property
    def base(self) -> Document:
        return self.documents[0]

    @property
    def accounts(self) -> tuple[Document, ...]:
        return self.documents[1:]

    @cached_property
    def _claims_by_doc(self) -> dict[str, tuple[Claim, ...]]:
        out: dict[str, list[Claim]] = {d.id: [] for d in self.documents}
        for c in self.claims:
            out.setdefault(c.doc, []).append(c)
        return {k: tuple(sorted(v, key=lambda c: c.start)) for k, v in out.items()}

    @cached_property
    def _claim_index(self) -> dict[str, Claim]:
        return {c.id: c for c in self.claims}

    @cached_property
    def _doc_index(self) -> dict[str, Document]:
        return {d.id: d for d in self.documents}

    @cached_property
    def _links_by_claim(self) -> dict[str, tuple[Link, ...]]:
        out: dict[str, list[Link]] = {}
        for link in self.links:
            if link.active:
                out.setdefault(link.a, []).append(link)
                out.setdefault(link.b, []).append(link)
        return {k: tuple(v) for k, v in out.items()}

    def document(self, doc_id: str) -> Document:
        return self._doc_index[doc_id]

    def claim(self, claim_id: str) -> Claim:
        return self._claim_index[claim_id]

    def claims_of(self, doc_id: str) -> tuple[Claim, ...]:
        return self._claims_by_doc.get(doc_id, ())

    def furniture_of(self, doc_id: str) -> tuple[Furniture, ...]:
        return tuple(sorted((f for f in self.furniture if f.doc == doc_id), key=lambda f: f.start))

    def suggestions_of(self, claim_id: str) -> tuple[Link, ...]:
        """Possible counterparts of a claim (not links: nothing is marked by them)."""
        return tuple(s for s in self.suggestions if claim_id in (s.a, s.b))

    def candidates_of(self, claim_id: str) -> tuple[Candidate, ...]:
        """The best candidates of a claim in every other account, best first within each account."""
        return tuple(
            sorted(
                (c for c in self.candidates if c.claim == claim_id),
                key=lambda c: (c.other.split(":")[0], c.rank),
            )
        )

    def links_of(self, claim_id: str) -> tuple[Link, ...]:
        """Active (not rejected) links that touch a claim."""
        return self._links_by_claim.get(claim_id, ())

    def counterparts(self, claim_id: str, doc_id: str | None = None) -> tuple[tuple[Claim, Link], ...]:
        """The claims linked to ``claim_id`` (optionally only those in ``doc_id``), with the link."""
        out = []
        for link in self.links_of(claim_id):
            other = link.b if link.a == claim_id else link.a
            c = self._claim_index.get(other)
            if c is not None and (doc_id is None or c.doc == doc_id):
                out.append((c, link))
        return tuple(sorted(out, key=lambda cl: (cl[0].doc, cl[0].start)))

    def coverage_of(self, base_claim_id: str, doc_id: str) -> Coverage:
        links = [lk for _, lk in self.counterparts(base_claim_id, doc_id)]
        if not links:
            return Coverage.OMITTED
        if any(lk.relation is Relation.CONTRADICT for lk in links):
            return Coverage.CONTRADICTED
        return Coverage.CARRIED

    def omissions(self) -> tuple[tuple[Claim, tuple[str, ...]], ...]:
        """Each base claim missing from at least one account, with the accounts it is missing from."""
        out = []
        for c in self.claims_of(self.base.id):
            missing = tuple(d.id for d in self.accounts if self.coverage_of(c.id, d.id) is Coverage.OMITTED)
            if missing:
                out.append((c, missing))
        return tuple(out)

    def mark_of(self, claim_id: str, account_id: str | None = None) -> Mark:
        """How to mark a claim: against ``account_id`` for a base claim, against the base otherwise."""
        c = self._claim_index[claim_id]
        if c.doc == self.base.id:
            if account_id is None:
                links = [lk for _, lk in self.counterparts(claim_id)]
            else:
                links = [lk for _, lk in self.counterparts(claim_id, account_id)]
        else:
            links = [lk for _, lk in self.counterparts(claim_id, self.base.id)]
        if not links:
            return Mark.OMITTED if c.doc == self.base.id else Mark.ONLY_HERE
        if any(lk.relation is Relation.CONTRADICT for lk in links):
            return Mark.CONTRADICT
        return Mark.AGREE

    def counts(self) -> dict[str, dict[str, int]]:
        """Per account: links agreeing, contradicting, base claims omitted, claims only in the account."""
        out: dict[str, dict[str, int]] = {}
        base_claims = self.claims_of(self.base.id)
        for d in self.accounts:
            agree = contradict = 0
            for link in self.links:
                if not link.active:
                    continue
                docs = {link.a.split(":")[0], link.b.split(":")[0]}
                if docs == {self.base.id, d.id}:
                    if link.relation is Relation.CONTRADICT:
                        contradict += 1
                    else:
                        agree += 1
            omitted = sum(1 for c in base_claims if self.coverage_of(c.id, d.id) is Coverage.OMITTED)
            only = sum(1 for c in self.claims_of(d.id) if self.mark_of(c.id) is Mark.ONLY_HERE)
            out[d.id] = {"agree": agree, "contradict": contradict, "omitted": omitted, "only_here": only}
        return out
