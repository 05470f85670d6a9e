"""A small hand-built Comparison (3 documents) so GUI tests never depend on the engine's exact output."""

from __future__ import annotations

from compare.model import Claim, Comparison, DateMention, Document, Facts, Link, Quantity, Relation

BASE = [
    "Floods hit the valley on 19 September after three days of rain.",
    "At least 80 people died, officials said.",
    "The river rose by four metres overnight.",
    "The mayor said the dam did not fail.",
    "Relief convoys reached the town on Friday.",
    "Schools will stay closed for two weeks.",
]
ACCOUNT_A = [
    "After three days of rain, floods struck the valley on 17 September.",
    "Officials said at least 80 people were killed.",
    "The mayor said the dam did not fail.",
    "Looters were seen in the market district.",
    "Schools will remain shut for two weeks.",
]
ACCOUNT_B = [
    "The valley flooded on 19 September following three days of rain.",
    "62 people died, according to officials.",
    "The river rose four metres in one night.",
    "A spokesman said the dam failed.",
    "Volunteers from nearby towns arrived.",
]


def _doc(doc_id: str, title: str, outlet: str, date: str, sentences: list[str]):
    text, claims, pos = "", [], 0
    for i, s in enumerate(sentences):
        if i:
            text += " " if i % 2 else "\n\n"
        start = len(text)
        text += s
        claims.append(Claim(f"{doc_id}:c{i}", doc_id, start, start + len(s), s))
        pos = len(text)
    del pos
    return Document(doc_id, title, text, source=f"{title}.txt", outlet=outlet, date=date), claims


def build_comparison() -> Comparison:
    d0, c0 = _doc("d0", "Valley floods kill 80", "Wire Service", "2024-09-20", BASE)
    d1, c1 = _doc("d1", "Floods strike valley", "Daily Courier", "2024-09-20", ACCOUNT_A)
    d2, c2 = _doc("d2", "Dozens dead in valley flood", "Evening Post", "2024-09-21", ACCOUNT_B)
    c0[0] = Claim(
        c0[0].id,
        "d0",
        c0[0].start,
        c0[0].end,
        c0[0].text,
        Facts(dates=(DateMention("19 September", 19, 9),), entities=("valley",)),
    )
    c0[1] = Claim(
        c0[1].id,
        "d0",
        c0[1].start,
        c0[1].end,
        c0[1].text,
        Facts(numbers=(Quantity(80, "80", "at least", "people"),), speaker="officials"),
    )
    links = (
        Link("d0:c0", "d1:c0", Relation.CONTRADICT, 0.74, ("date differs: 19 September vs 17 September",)),
        Link("d0:c1", "d1:c1", Relation.AGREE, 0.81, ("same numbers: 80",)),
        Link("d0:c3", "d1:c2", Relation.AGREE, 0.97, ("same wording",)),
        Link("d0:c5", "d1:c4", Relation.AGREE, 0.78, ("same duration: two weeks",)),
        Link("d0:c0", "d2:c0", Relation.AGREE, 0.83, ("same date: 19 September",)),
        Link("d0:c1", "d2:c1", Relation.CONTRADICT, 0.66, ("number differs: at least 80 vs 62",)),
        Link("d0:c2", "d2:c2", Relation.AGREE, 0.88, ("same numbers: four metres",)),
        Link(
            "d0:c3",
            "d2:c3",
            Relation.CONTRADICT,
            0.61,
            ("negation differs: did not fail vs failed", "speaker differs: the mayor vs a spokesman"),
        ),
    )
    return Comparison((d0, d1, d2), tuple(c0 + c1 + c2), links, engine_version="fixture")


# Expected counts, worked out by hand from the links above.
EXPECTED_COUNTS = {
    "d1": {"agree": 3, "contradict": 1, "omitted": 2, "only_here": 1},
    "d2": {"agree": 2, "contradict": 2, "omitted": 2, "only_here": 1},
}
