"""Which articles tell the same story: candidates by MinHash LSH, confirmed by TF-IDF cosine, joined by
union-find with an average-link guard.

1. Every article becomes a TF-IDF vector of the engine's own content words (stemmed, stop words out;
   ``compare.text.normalize``), sub-linear term frequency, rarity judged over the whole archive.
2. Candidates: a MinHash (``datasketch``) of each article's most distinctive words and an LSH index find the
   pairs worth scoring, so the work grows with the number of articles, not its square.
3. A candidate pair is confirmed by the cosine of the two vectors, less a little for every day the articles
   lie apart when both dates are known (a story is reported over days, but two days apart is already less
   likely the same event than the same day).
4. Near-duplicates (wire copies: cosine >= ``duplicate`` and most 5-word runs shared) are always joined,
   whatever the guard below says, and reported as copies.
5. Confirmed pairs (cosine >= ``link``) are joined strongest first with union-find; two groups are joined
   only if their mean pairwise cosine (from running sums of vectors, exact and cheap) stays above
   ``average``, which stops the chains that single-link connected components grow between neighbouring
   stories.
6. Then the groups that any candidate pair connects are merged average-link, best first, while their mean
   pairwise cosine stays above ``average``: whole groups show a shared story that single pairs miss.

Pure functions of the texts: the same input gives the same stories on any number of workers.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash, MinHashLSH
from scipy import sparse

from compare.archive.settings import GroupingSettings
from compare.text.normalize import content_tokens

# The cached content_tokens keeps 65,536 texts: right for claims, far too much memory for whole articles.
_tokens = content_tokens.__wrapped__


@dataclass(frozen=True, slots=True)
class Grouping:
    """Stories as lists of article indexes (the base first, then in input order), and the wire copies."""

    stories: tuple[tuple[int, ...], ...]
    copies: tuple[tuple[int, ...], ...]  # groups of near-identical articles (each inside one story)
    candidates: int  # pairs the LSH proposed
    confirmed: int  # pairs above the link threshold


def article_terms(title: str, text: str) -> dict[str, int]:
    """Content-word counts of an article: the part of the work that runs on workers for big archives."""
    return dict(Counter(_tokens(f"{title}\n{text}")))


def tfidf(terms: Sequence[Mapping[str, int]]) -> sparse.csr_matrix:
    """Rows: articles, L2-normalised sub-linear TF-IDF (columns in order of first appearance)."""
    vocab: dict[str, int] = {}
    indptr, indices, data = [0], [], []
    for counts in terms:
        for term, n in counts.items():
            indices.append(vocab.setdefault(term, len(vocab)))
            data.append(1.0 + math.log(n))
        indptr.append(len(indices))
    matrix = sparse.csr_matrix(
        (np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int64), np.asarray(indptr)),
        shape=(len(terms), max(len(vocab), 1)),
    )
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    idf = np.log((1 + matrix.shape[0]) / (1 + df)) + 1.0
    matrix = matrix.multiply(idf[None, :]).tocsr()
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms).dot(matrix).tocsr()


def candidate_pairs(matrix: sparse.csr_matrix, settings: GroupingSettings) -> np.ndarray:
    """Pairs (i < j) whose keyword sets the LSH finds similar, as an (n, 2) array sorted by (i, j)."""
    keyword_sets: list[list[bytes]] = []
    for row in range(matrix.shape[0]):
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        cols, weights = matrix.indices[start:end], matrix.data[start:end]
        top = cols[np.lexsort((cols, -weights))[: settings.keywords]]
        keyword_sets.append([str(c).encode() for c in top])
    lsh = MinHashLSH(threshold=settings.lsh_threshold, num_perm=settings.num_perm)
    hashes = MinHash.bulk(keyword_sets, num_perm=settings.num_perm, seed=settings.seed)
    with lsh.insertion_session() as session:
        for i, (words, mh) in enumerate(zip(keyword_sets, hashes, strict=True)):
            if words:  # an article with no content words has nothing to share
                session.insert(i, mh, check_duplication=False)
    pairs = {
        (i, j) if i < j else (j, i)
        for i, (words, mh) in enumerate(zip(keyword_sets, hashes, strict=True))
        if words
        for j in lsh.query(mh)
        if j != i
    }
    return np.array(sorted(pairs), dtype=np.int64).reshape(-1, 2)


def pair_cosines(matrix: sparse.csr_matrix, pairs: np.ndarray, chunk: int = 200_000) -> np.ndarray:
    out = np.empty(len(pairs), dtype=np.float64)
    for start in range(0, len(pairs), chunk):
        part = pairs[start : start + chunk]
        out[start : start + chunk] = np.asarray(
            matrix[part[:, 0]].multiply(matrix[part[:, 1]]).sum(axis=1)
        ).ravel()
    return out


def date_discounted(
    cosines: np.ndarray, pairs: np.ndarray, days: Sequence[int | None], settings: GroupingSettings
) -> np.ndarray:
    """Cosine less ``day_penalty`` for each day apart after the first; -1 beyond ``max_days``."""
    out = cosines.copy()
    for k, (i, j) in enumerate(pairs):
        a, b = days[i], days[j]
        if a is None or b is None:
            continue
        apart = abs(a - b)
        out[k] = -1.0 if apart > settings.max_days else out[k] - settings.day_penalty * max(0, apart - 1)
    return out


class _Groups:
    """Union-find that also keeps, per group, its size and the sum of its members' vectors."""

    def __init__(self, matrix: sparse.csr_matrix) -> None:
        self.parent = list(range(matrix.shape[0]))
        self.size = [1] * matrix.shape[0]
        self.sums: dict[int, sparse.csr_matrix] = {}
        self.matrix = matrix

    def find(self, i: int) -> int:
        root = i
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[i] != root:
            self.parent[i], i = root, self.parent[i]
        return root

    def vector(self, root: int) -> sparse.csr_matrix:
        return self.sums.get(root, self.matrix[root])

    def mean_cosine(self, a: int, b: int) -> float:
        """Mean cosine over every pair of members: (sum of A) . (sum of B) / (|A| |B|)."""
        dot = self.vector(a).multiply(self.vector(b)).sum()
        return float(dot) / (self.size[a] * self.size[b])

    def join(self, a: int, b: int) -> None:
        if self.size[a] < self.size[b]:
            a, b = b, a
        self.sums[a] = self.vector(a) + self.vector(b)
        self.sums.pop(b, None)
        self.parent[b] = a
        self.size[a] += self.size[b]


def shingles(text: str, n: int = 5) -> frozenset[int]:
    """Hashes of the runs of ``n`` words: what a copy keeps and a rewrite of the same facts does not."""
    words = text.lower().split()
    return frozenset(hash(" ".join(words[k : k + n])) for k in range(max(1, len(words) - n + 1)))


def is_copy(left: str, right: str, settings: GroupingSettings) -> bool:
    """Near-identical texts: most of the shorter one's word runs are in the other (an edited wire copy)."""
    a, b = shingles(left), shingles(right)
    return len(a & b) >= settings.copy_share * min(len(a), len(b))


def group_articles(
    terms: Sequence[Mapping[str, int]],
    days: Sequence[int | None],
    settings: GroupingSettings | None = None,
    *,
    texts: Sequence[str] | None = None,
) -> Grouping:
    """Stories of articles given their content-word counts and days (``date.toordinal()`` or None).

    With ``texts``, pairs above the ``duplicate`` cosine are checked word run by word run and reported as
    copies; without, the cosine alone decides (same words, maybe in another order).
    """
    settings = settings or GroupingSettings()
    matrix = tfidf(terms)
    pairs = candidate_pairs(matrix, settings)
    scores = date_discounted(pair_cosines(matrix, pairs), pairs, days, settings)
    # Strongest first; ties by article order, so the result never depends on how the work was split.
    order = np.lexsort((pairs[:, 1], pairs[:, 0], -scores)) if len(pairs) else np.array([], dtype=np.int64)
    groups = _Groups(matrix)
    copies = _Groups(matrix)
    confirmed = 0
    for k in order:
        score = scores[k]
        if score < settings.link:
            break
        confirmed += 1
        i, j = int(pairs[k, 0]), int(pairs[k, 1])
        duplicate = score >= settings.duplicate and (texts is None or is_copy(texts[i], texts[j], settings))
        if duplicate:
            a, b = copies.find(i), copies.find(j)
            if a != b:
                copies.join(a, b)
        a, b = groups.find(i), groups.find(j)
        if a == b:
            continue
        if duplicate or groups.mean_cosine(a, b) >= settings.average:
            groups.join(a, b)
    _merge_groups(groups, pairs[scores >= settings.average], settings.average)
    stories = _members(groups, len(terms))
    copy_groups = tuple(g for g in _members(copies, len(terms)) if len(g) > 1)
    return Grouping(
        stories=tuple(_base_first(s, matrix, days) for s in stories),
        copies=copy_groups,
        candidates=len(pairs),
        confirmed=confirmed,
    )


def _merge_groups(groups: _Groups, pairs: np.ndarray, average: float) -> None:
    """Average-link merging of the groups the confident pairs made: any two groups that a candidate pair
    connects are joined, best first, while the mean cosine over all their members stays >= ``average``.

    Single pairs miss stories told in different words (a long report and a short one); the mean over whole
    groups sees that they share a subject. Scores go stale as groups grow: a stale entry is scored again
    when it comes up, so every join is decided on the groups as they are then.
    """
    heap: list[tuple[float, int, int]] = []
    seen: set[tuple[int, int]] = set()
    for i, j in pairs.tolist():
        a, b = sorted((groups.find(i), groups.find(j)))
        if a != b and (a, b) not in seen:
            seen.add((a, b))
            score = groups.mean_cosine(a, b)
            if score >= average:
                heap.append((-round(score, 12), a, b))
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        ra, rb = sorted((groups.find(a), groups.find(b)))
        if ra == rb:
            continue
        if (ra, rb) != (a, b):
            score = groups.mean_cosine(ra, rb)
            if score >= average:
                heapq.heappush(heap, (-round(score, 12), ra, rb))
            continue
        groups.join(ra, rb)


def _members(groups: _Groups, n: int) -> list[tuple[int, ...]]:
    """Groups in the order of their first article, each in input order."""
    by_root: dict[int, list[int]] = {}
    for i in range(n):
        by_root.setdefault(groups.find(i), []).append(i)
    return sorted((tuple(v) for v in by_root.values()), key=lambda g: g[0])


def _base_first(
    story: tuple[int, ...], matrix: sparse.csr_matrix, days: Sequence[int | None]
) -> tuple[int, ...]:
    """The story with its base first (the most central article), then the others closest to it first.

    The base is what every account is compared with, so it should be the account the others share most
    with: then a claim marked "not found" is a real gap, not a sign that the base went its own way. The
    earliest article is often a short first report that later ones extend, which would leave most of their
    claims "only here". Ties go to the earlier day, then to input order. Closest first means that a story
    too big for one project keeps its closest accounts.
    """
    if len(story) < 2:
        return story
    rows = matrix[list(story)]
    total = np.asarray(rows.sum(axis=0)).ravel()
    central = rows.dot(total) - np.asarray(rows.multiply(rows).sum(axis=1)).ravel()
    key = [
        (-round(float(central[k]), 9), days[i] if days[i] is not None else math.inf, i)
        for k, i in enumerate(story)
    ]
    first = min(range(len(story)), key=key.__getitem__)
    to_base = rows.dot(rows[first].T).toarray().ravel()
    rest = sorted(
        (k for k in range(len(story)) if k != first), key=lambda k: (-round(float(to_base[k]), 9), story[k])
    )
    return (story[first], *(story[k] for k in rest))
