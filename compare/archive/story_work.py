"""One story's comparison: the unit of work a Dask worker runs, and what the report keeps of it.

Plain functions of plain data, so that a worker needs nothing but the package: the client sends the
articles, the worker returns the ``Comparison``, the client saves it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from compare import workflows
from compare.archive.articles import Article
from compare.model import AlignSettings, Comparison, Document, Relation

MAX_PROJECT_DOCUMENTS = workflows.MAX_DOCUMENTS
NO_OUTLET = "(no outlet)"


@dataclass(frozen=True, slots=True)
class StoryTask:
    story_id: str
    articles: tuple[Article, ...]  # the base first, then the closest accounts first


@dataclass(frozen=True, slots=True)
class AccountCounts:
    """How one account treats its story's base: claims carried, contradicted, left out."""

    outlet: str
    carried: int
    contradicted: int
    left_out: int
    base_claims: int


@dataclass(frozen=True, slots=True)
class StorySummary:
    story_id: str
    base_outlet: str
    accounts: tuple[AccountCounts, ...]
    differences: int
    not_found: int


def project_documents(articles: Sequence[Article]) -> list[Document]:
    """The documents of a story's project (ids d0, d1, ...); at most the project limit, the closest kept."""
    return [
        Document(
            id=f"d{n}",
            title=a.title,
            text=a.text,
            source=a.url or a.id,
            outlet=a.outlet,
            date=a.date,
        )
        for n, a in enumerate(articles[:MAX_PROJECT_DOCUMENTS])
    ]


def align_story(task: StoryTask, settings: AlignSettings | None = None) -> Comparison:
    """Runs on a worker: the story's comparison, its base first."""
    return workflows.align(project_documents(task.articles), settings or AlignSettings())


def summarize(story_id: str, comparison: Comparison) -> StorySummary:
    counts = comparison.counts()
    base_claims = len(comparison.claims_of(comparison.base.id))
    accounts = []
    for doc in comparison.accounts:
        c = counts[doc.id]
        carried = base_claims - c["omitted"]
        contradicted = sum(
            1
            for claim in comparison.claims_of(comparison.base.id)
            if any(lk.relation is Relation.CONTRADICT for _, lk in comparison.counterparts(claim.id, doc.id))
        )
        accounts.append(
            AccountCounts(
                outlet=doc.outlet or NO_OUTLET,
                carried=carried - contradicted,
                contradicted=contradicted,
                left_out=c["omitted"],
                base_claims=base_claims,
            )
        )
    differences = sum(1 for lk in comparison.links if lk.active and lk.relation is Relation.CONTRADICT)
    return StorySummary(
        story_id=story_id,
        base_outlet=comparison.base.outlet or NO_OUTLET,
        accounts=tuple(accounts),
        differences=differences,
        not_found=len(comparison.omissions()),
    )
