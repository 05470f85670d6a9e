"""Short texts on several subjects, written for these tests (no sentence of the corpus or the samples).

Each subject is a list of sentences; tests build documents from them, so that properties of the link
engine are checked on sport, science, business, local news and weather, not only on one story.
"""

from __future__ import annotations

SUBJECTS: dict[str, list[str]] = {
    "sport": [
        "The home side won the cup final by two goals to one after extra time.",
        "Their captain scored the winning goal with a header in the 104th minute.",
        "More than 61,000 supporters filled the stadium on Saturday evening.",
        "The visiting coach complained about the referee after the match.",
        "It was the club's first trophy in eleven years.",
        "Two players were sent off in a bad-tempered second half.",
        "The team will parade the trophy through the city centre on Monday.",
        "Ticket prices for next season will rise by five percent.",
    ],
    "science": [
        "Astronomers have detected water vapour in the atmosphere of a distant planet.",
        "The planet orbits a small red star about 110 light years from Earth.",
        "The measurements were made with a space telescope over three nights.",
        "The team says the planet is probably too hot to support life.",
        "Its year lasts only 33 days because it circles so close to its star.",
        "Other researchers cautioned that the signal could come from the star itself.",
        "The findings were published in a peer-reviewed journal on Wednesday.",
        "Further observations are planned for next spring.",
    ],
    "business": [
        "The carmaker reported a quarterly profit of 2.4 billion euros.",
        "Sales of electric models doubled compared with the same period last year.",
        "Shares in the company rose by seven percent in early trading.",
        "The chief executive warned that chip shortages would slow production.",
        "About 3,000 jobs will be cut at two factories by the end of 2027.",
        "Unions have called a strike for the first week of March.",
        "The firm plans to open a battery plant in the north of the country.",
        "Analysts had expected weaker results because of high energy costs.",
    ],
    "local": [
        "The town council voted to close the old library in the high street.",
        "Residents collected more than 4,500 signatures against the plan.",
        "The library has served the town since 1932.",
        "Councillors said repairs to the roof would cost too much.",
        "A smaller reading room will open in the community centre instead.",
        "The final decision was delayed until the budget meeting in June.",
        "Protesters gathered outside the town hall before the vote.",
        "The mayor promised that no staff would lose their jobs.",
    ],
    "weather": [
        "Heavy rain caused rivers to burst their banks across the valley overnight.",
        "Around 200 homes were evacuated as water levels rose.",
        "Forecasters issued a red warning for the western hills until Friday.",
        "Several roads and a railway line were closed by landslides.",
        "Emergency crews used boats to reach people trapped in their houses.",
        "It was the wettest October since records began in 1910.",
        "Schools in three villages stayed shut for a second day.",
        "Drier weather is expected to arrive at the weekend.",
    ],
}


def document_text(paragraphs: list[list[str]]) -> str:
    """Sentences joined into paragraphs separated by blank lines."""
    return "\n\n".join(" ".join(p) for p in paragraphs)
