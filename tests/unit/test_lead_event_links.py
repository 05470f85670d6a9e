"""The day each account gives its main event, a full date against a weekday: linked when they differ."""

from compare.align.engine import LEAD_EVENT, compare
from compare.model import AlignSettings, Document, Relation

BASE = (
    "A cargo ship ran aground near the harbour mouth on 12 March 2019, blocking the channel. "
    "The crew of fourteen was taken off by lifeboat. "
    "Salvage teams expect to refloat the vessel within a fortnight."
)


def _account(lead: str, date: str = "") -> Document:
    text = (
        f"{lead} "
        "Lifeboats brought all fourteen sailors ashore. "
        "A salvage company hopes to free the hull within two weeks."
    )
    return Document("d1", "Other", text, date=date)


def _lead_links(other: Document) -> list:
    result = compare([Document("d0", "Base", BASE), other], AlignSettings(semantic=False))
    return [lk for lk in result.links if lk.reasons[-1:] == (LEAD_EVENT,)]


def test_a_weekday_that_is_not_the_date_of_the_main_event_is_a_difference():
    (link,) = _lead_links(_account("Traffic on the river stopped on Monday when a freighter went aground."))
    assert (link.a, link.b) == ("d0:c0", "d1:c0")
    assert link.relation is Relation.CONTRADICT
    assert link.reasons[0] == "weekday differs: 12 March 2019 (a Tuesday) vs Monday"


def test_the_weekday_of_the_date_adds_nothing():
    assert not _lead_links(_account("Traffic on the river stopped on Tuesday when a freighter went aground."))


def test_a_report_written_long_after_the_date_may_name_another_day():
    late = _account("Traffic on the river stopped on Monday when a freighter went aground.", "2019-06-02")
    assert not _lead_links(late)
    soon = _account("Traffic on the river stopped on Monday when a freighter went aground.", "2019-03-13")
    assert len(_lead_links(soon)) == 1


def test_a_weekday_after_the_lead_is_not_the_main_event():
    text = (
        "A freighter went aground near the harbour mouth. "
        "Lifeboats brought all fourteen sailors ashore. "
        "A salvage company hopes to free the hull within two weeks. "
        "The harbour master will speak to the press on Monday."
    )
    assert not _lead_links(Document("d1", "Other", text))
