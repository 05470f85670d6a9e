from hypothesis import given, settings
from hypothesis import strategies as st

from compare.text.segment import quote_speaker, segment


def texts(spans, text):
    return [text[s.start : s.end] for s in spans]


def test_abbreviations_and_numbers_do_not_end_sentences():
    text = (
        "Gen. Joseph Dunford warned the U.S. Senate on Sept. 22 that 275,000 people, or 3.5 per cent, "
        "were trapped. Maj-Gen. Smith agreed. Mr. Kerry did not."
    )
    assert texts(segment(text), text) == [
        "Gen. Joseph Dunford warned the U.S. Senate on Sept. 22 that 275,000 people, or 3.5 per cent, were trapped.",
        "Maj-Gen. Smith agreed.",
        "Mr. Kerry did not.",
    ]


def test_quotes_and_parentheses_stay_with_their_sentence():
    text = 'He said: "We will not go. Never." (The talks ended.) Then he left.'
    parts = texts(segment(text), text)
    assert parts[0].startswith("He said")
    assert "(The talks ended.)" in parts
    assert parts[-1] == "Then he left."


def test_block_quote_keeps_the_speaker_of_its_introduction():
    text = (
        "Kerry, even stonier faced than usual, spoke to reporters, saying:\n\n"
        "I haven't seen a big appetite in Europe. We are pursuing diplomacy.\n\n"
        "The press conference ended."
    )
    spans = segment(text)
    by_text = {text[s.start : s.end]: s for s in spans}
    assert by_text["I haven't seen a big appetite in Europe."].speaker == "Kerry"
    assert by_text["We are pursuing diplomacy."].quoted
    assert by_text["The press conference ended."].speaker == ""


def test_quote_speaker_skips_titles():
    assert quote_speaker(
        "Russian Defense Ministry spokesperson General Igor Konashenkov made it clear, warning:"
    ) == ("Igor Konashenkov")
    assert quote_speaker("With a one-sided view, Johnson called for:") == "Johnson"


def test_long_sentence_splits_into_independent_clauses():
    text = (
        "The aid convoy was attacked near the city on the first evening of the week; the United Nations "
        "suspended all deliveries to the area for several days afterwards while it investigated."
    )
    parts = texts(segment(text), text)
    assert len(parts) == 2
    assert parts[0].endswith("first evening of the week")
    assert parts[1].startswith("the United Nations")


def test_short_sentence_is_not_split():
    text = "Russia halted strikes; Syria did too."
    assert texts(segment(text), text) == [text]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,;:!?\n\"'“”()–-0123456789ABC")), max_size=300))
def test_offsets_always_index_the_text(text):
    spans = segment(text)
    last = -1
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert s.start >= last  # in order, no overlap
        last = s.end
        assert text[s.start : s.end].strip() == text[s.start : s.end]


def test_a_short_quotation_stays_with_its_attribution():
    text = "He spoke. “Worst in weeks. Message clear: no one will cross,” an officer wrote. Then he left."
    assert texts(segment(text), text) == [
        "He spoke.",
        "“Worst in weeks. Message clear: no one will cross,” an officer wrote.",
        "Then he left.",
    ]


def test_an_unclosed_quotation_does_not_swallow_the_paragraph():
    text = "He said “we will see. The talks ended. " + "Nothing happened after that at all. " * 8
    assert len(segment(text)) > 3
