"""Stories from planted archives: the planted stories come back, every article once, copies found."""

from __future__ import annotations

from datetime import date

import pytest
from planted_archive import pairwise_f1, planted_archive

pytest.importorskip("datasketch", reason="the 'archive' extra is not installed (pip install -e '.[archive]')")

from compare.archive.articles import make_article  # noqa: E402
from compare.archive.grouping import GroupingSettings, article_terms, group_articles  # noqa: E402

# Generated articles are short and share template sentences, so different planted stories reach a cosine of
# 0.3; the shipped thresholds were chosen on real articles (docs/scale-out.md), where they seldom do.
PLANTED = GroupingSettings(link=0.35, average=0.3)


def _group(records: list[dict], settings: GroupingSettings = PLANTED):
    articles = [make_article(r) for r in records]
    terms = [article_terms(a.title, a.text) for a in articles]
    grouping = group_articles(terms, [a.day for a in articles], settings, texts=[a.text for a in articles])
    return articles, grouping


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_planted_stories_come_back(seed: int) -> None:
    planted = planted_archive(stories=25, per_story=(1, 6), seed=seed)
    articles, grouping = _group(planted.records)
    predicted = [[articles[i].id for i in story] for story in grouping.stories]
    precision, recall, f1 = pairwise_f1(predicted, planted.gold)
    assert f1 >= 0.95, (precision, recall)
    members = sorted(i for story in grouping.stories for i in story)
    assert members == list(range(len(articles)))  # every article in exactly one story


def test_wire_copies_are_reported_inside_their_story() -> None:
    planted = planted_archive(stories=10, seed=4, copies=3)
    articles, grouping = _group(planted.records)
    reprints = {i for i, a in enumerate(articles) if a.outlet == "Wire Reprint"}
    in_copies = {i for group in grouping.copies for i in group}
    assert reprints <= in_copies
    story_of = {i: n for n, story in enumerate(grouping.stories) for i in story}
    for group in grouping.copies:
        assert len({story_of[i] for i in group}) == 1


def test_same_words_weeks_apart_are_two_stories() -> None:
    text = "The {n} annual harbour festival of Ostmarlun opened with a parade of boats and music by the quay."
    records = [
        {"id": "x1", "text": text.format(n="tenth"), "date": "2024-01-01"},
        {"id": "x2", "text": text.format(n="tenth") + " Crowds came.", "date": "2024-01-02"},
        {"id": "y1", "text": text.format(n="tenth") + " Rain fell.", "date": "2024-06-01"},
    ]
    articles, grouping = _group(records, GroupingSettings(duplicate=1.01))
    assert sorted(sorted(articles[i].id for i in s) for s in grouping.stories) == [["x1", "x2"], ["y1"]]


def test_base_is_the_most_central_article() -> None:
    core = "Flooding closed the Ventor bridge and the Sunmar ferry on Tuesday, the Kalo Agency said."
    records = [
        {"id": "short", "text": "Flooding closed the Ventor bridge.", "date": "2024-01-01"},
        {"id": "full", "text": core + " Repairs of the Ventor bridge will take weeks.", "date": "2024-01-02"},
        {"id": "other", "text": core + " The Sunmar ferry resumes on Friday.", "date": "2024-01-02"},
        {
            "id": "more",
            "text": core + " Repairs will take weeks; the ferry resumes Friday.",
            "date": "2024-01-03",
        },
    ]
    articles, grouping = _group(records, GroupingSettings(link=0.2, average=0.1))
    assert len(grouping.stories) == 1
    assert articles[grouping.stories[0][0]].id != "short"
    assert date.fromisoformat(articles[0].date)  # dates were read


def test_empty_and_single_article_archives() -> None:
    articles, grouping = _group([{"id": "only", "text": "One article alone about the Brivik reservoir."}])
    assert grouping.stories == ((0,),) and grouping.copies == ()
