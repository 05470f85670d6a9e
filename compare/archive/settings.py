"""How the archive command groups articles into stories: thresholds only, so that the command line can
show and check them without the archive extra's libraries (numpy, scipy, datasketch)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class GroupingSettings:
    """Thresholds chosen on a development split of a labelled news archive (docs/scale-out.md)."""

    link: float = 0.2  # cosine (after the date discount) for two articles to be one story
    average: float = 0.1  # mean pairwise cosine two groups must keep to be joined
    duplicate: float = 0.9  # cosine above which a pair may be a copy...
    copy_share: float = 0.8  # ...if this share of the shorter text's 5-word runs is in the other
    day_penalty: float = 0.02  # cosine discount per day apart after the first
    max_days: int = 30  # never one story beyond this many days apart
    keywords: int = 80  # distinctive words per article for the MinHash
    lsh_threshold: float = 0.05  # Jaccard of keyword sets for a candidate pair
    num_perm: int = 128
    seed: int = 1
