"""Tests for tweetresolve.mentions: posts mentioned in prose, not embedded."""

from __future__ import annotations

import itertools
import re
import tracemalloc
from collections.abc import Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tweetresolve import _mentiondata, mentions
from tweetresolve.mentions import Mention, find_mentions


def _found(text: str, lang: str | None = None) -> list[tuple[str, str, str]]:
    return [(m.phrase, m.lang, m.platform) for m in find_mentions(text, lang)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # English: verb + platform, with words between and a holder before the platform
        ("The mayor wrote on X that the bridge was open.", [("wrote on X", "en", "twitter")]),
        (
            "Ada Example said Tuesday on Twitter that",
            [("said Tuesday on Twitter", "en", "twitter")],
        ),
        (
            "The club announced on its official Instagram account that",
            [("announced on its official Instagram account", "en", "instagram")],
        ),
        ("He said in a post on X that he would run.", [("said in a post on X", "en", "twitter")]),
        # the platform is the verb
        ("The senator tweeted that she was fine.", [("tweeted", "en", "twitter")]),
        # noun phrases
        ("In a tweet, the team thanked its fans.", [("In a tweet", "en", "twitter")]),
        ("She shared an Instagram post of the cake.", [("an Instagram post", "en", "instagram")]),
        ("in a Facebook post on Monday", [("in a Facebook post", "en", "facebook")]),
        ("in a series of tweets", [("in a series of tweets", "en", "twitter")]),
        ("The singer took to Instagram to thank fans.", [("took to Instagram", "en", "instagram")]),
        ("He posted on Bluesky.", [("posted on Bluesky", "en", "bluesky")]),
        ("She wrote on Threads that", [("wrote on Threads", "en", "threads")]),
        ("A skeet went viral.", [("A skeet", "en", "bluesky")]),
        # German: verb second, platform first, compounds, standalone verbs
        ("Die Ministerin schrieb auf X, sie sei zufrieden.", [("schrieb auf X", "de", "twitter")]),
        ("schrieb Ada Example auf X dazu", [("schrieb Ada Example auf X", "de", "twitter")]),
        ("Auf Instagram schrieb die Sängerin:", [("Auf Instagram schrieb", "de", "instagram")]),
        ("In einem Tweet kritisierte er", [("In einem Tweet", "de", "twitter")]),
        ("In einem Instagram-Post zeigte sie", [("In einem Instagram-Post", "de", "instagram")]),
        ("Er twitterte am Abend erneut.", [("twitterte", "de", "twitter")]),
        (
            "teilte er auf seinem X-Account mit",
            [("teilte er auf seinem X-Account", "de", "twitter")],
        ),
        # Spanish
        ("El presidente escribió en X que", [("escribió en X", "es", "twitter")]),
        ("El ministro tuiteó que", [("tuiteó", "es", "twitter")]),
        ("En un tuit, la alcaldesa dijo", [("En un tuit", "es", "twitter")]),
        (
            "La cantante publicó en su cuenta de Instagram una foto",
            [("publicó en su cuenta de Instagram", "es", "instagram")],
        ),
        # French
        ("Le ministre a écrit sur X qu'il", [("a écrit sur X", "fr", "twitter")]),
        ("Dans un tweet, elle remercie", [("Dans un tweet", "fr", "twitter")]),
        ("La mairie a tweeté que", [("a tweeté", "fr", "twitter")]),
        (
            "Dans une publication sur Instagram, la chanteuse",
            [("Dans une publication sur Instagram", "fr", "instagram")],
        ),
        ("a-t-il écrit sur X.", [("a-t-il écrit sur X", "fr", "twitter")]),
    ],
)
def test_mentions(text: str, expected: list[tuple[str, str, str]]) -> None:
    """Each language's typical phrasings are found with language and platform."""
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # share buttons and navigation, in all four languages
        "Share on Twitter",
        "Share on Facebook Share on X Share via Email",
        "Follow us on X",
        "Follow us on Instagram and like us on Facebook",
        "Tweet",
        "Tweet this",
        "Share this tweet",
        "Retweet",
        "Tweets by @ada_example",
        "Teilen",
        "Auf Facebook teilen",
        "Folgen Sie uns auf X",
        "Twittern",
        "Compartir",
        "Compartir en Facebook",
        "Síguenos en X",
        "Partager",
        "Partager sur Facebook",
        "Suivez-nous sur Twitter",
        # the visible lines of embeds are not mentions
        "View this post on Instagram",
        "Sieh dir diesen Beitrag auf Instagram an\n\n\n\nEin Beitrag geteilt von Ada (@ada)",
        "Ver esta publicación en Instagram",
        "A post shared by Ada Example (@ada.example) on Dec 5, 2016 at 9:10am PST",
        "Posted by Ada Example on Thursday, 13 March 2014",
        "Post by @ada@example.social View on Mastodon",
        # ordinary words that look like platform names
        "He is active on Twitter.",
        "in a blog post on the topic",
        "the threads of the fabric",
        "Malcolm X wrote a book",
        "He wrote on x-ray film",
        "Generation X said nothing",
        "He wrote to X Corp lawyers",  # the company, not the platform
        "She said on Facebook Inc. stationery",
        "",
    ],
)
def test_no_mention(text: str) -> None:
    """Share buttons, navigation, embed residue and look-alike words are not mentions."""
    assert find_mentions(text) == []


def test_span_and_context() -> None:
    """The phrase is text[start:end]; the context is a window with white space collapsed."""
    text = "First line.\n\nThe mayor   wrote on X that the bridge was open."
    (mention,) = find_mentions(text, window=10)
    assert mention == Mention(
        phrase="wrote on X",
        start=text.index("wrote"),
        end=text.index("wrote") + 10,
        context="mayor wrote on X that the",
        lang="en",
        platform="twitter",
    )


def test_phrase_stays_in_one_block() -> None:
    """A phrase never joins text across a blank line (a heading and the next block)."""
    assert find_mentions("He wrote\n\non X") == []
    assert _found("He wrote\non X") == [("wrote\non X", "en", "twitter")]


def test_longest_reading_wins() -> None:
    """'tweeted on X' is one mention, not 'tweeted' plus another."""
    assert _found("She tweeted on X that") == [("tweeted on X", "en", "twitter")]


def test_lang_restricts_the_grammar() -> None:
    """With lang set, only that language's words are used."""
    text = "He wrote on X. Sie schrieb auf X."
    assert [m.lang for m in find_mentions(text)] == ["en", "de"]
    assert [m.lang for m in find_mentions(text, "de")] == ["de"]
    assert [m.lang for m in find_mentions(text, "fr")] == []


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"text": None}, TypeError, "text must be a str, not NoneType"),
        (
            {"text": "x", "lang": "it"},
            ValueError,
            "lang must be one of de, en, es, fr or None, not 'it'",
        ),
        ({"text": "x", "window": -1}, ValueError, "window must be a non-negative int, not -1"),
    ],
)
def test_bad_arguments(kwargs: dict[str, object], error: type[Exception], message: str) -> None:
    """Wrong arguments raise at once with a clear message."""
    with pytest.raises(error) as info:
        find_mentions(**kwargs)  # type: ignore[arg-type]
    assert str(info.value) == message


@pytest.mark.parametrize(
    "text",
    [
        "tweet " * 20_000,
        "wrote " * 20_000 + "on X",
        "X " * 50_000,
        "auf X " * 20_000,
        "in a " * 20_000 + "tweet",
        "wrote" + " " * 200_000 + "on X",
        "said\n" * 30_000 + "on Twitter",
    ],
)
def test_hostile_input_completes(text: str) -> None:
    """Long repetitive input finishes (linear time) with spans inside the text."""
    for mention in find_mentions(text):
        assert 0 <= mention.start < mention.end <= len(text)


_WORDS = st.sampled_from(
    [
        "wrote", "on", "X", "Twitter", "tweet", "a", "in", "einem", "auf", "schrieb",
        "en", "un", "tuit", "sur", "a écrit", "Share", "Follow", "us", "Instagram", "post",
        "\n", "\n\n", " ", ",", ".", "-", "Post",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=25).map(" ".join))
def test_never_raises_on_mention_like_text(text: str) -> None:
    """Random mention-like text never raises; mentions are ordered and do not overlap."""
    mentions = find_mentions(text)
    for mention in mentions:
        assert text[mention.start : mention.end] == mention.phrase
    for first, second in itertools.pairwise(mentions):
        assert first.end <= second.start


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_never_raises_on_any_text(text: str) -> None:
    """Arbitrary Unicode never raises."""
    find_mentions(text)


def _memory(text: str) -> tuple[int, int, list[Mention]]:
    """Peak and retained memory that ``find_mentions(text)`` allocates, and its result."""
    find_mentions("she tweeted")  # the patterns are compiled once, outside the count
    tracemalloc.start()
    try:
        found = find_mentions(text)
        retained, peak = tracemalloc.get_traced_memory()
        return peak, retained, found
    finally:
        tracemalloc.stop()


def test_flood_of_mentions_is_capped_in_text_order() -> None:
    """A text that is all mentions gives the first MAX_MENTIONS of them, in bounded memory."""
    flood = "She tweeted. " * 12_000
    peak, _, found = _memory(flood)
    assert len(found) == mentions.MAX_MENTIONS
    assert [m.start for m in found[:2]] == [4, 17]
    # About 470 bytes per mention with its context; nothing grows with the text itself.
    assert peak < mentions.MAX_MENTIONS * 1000


@pytest.mark.parametrize(
    "unit",
    [
        "a tweet. ",  # sentence ends: pieces cut at each
        "she tweeted and ",  # no sentence end at all: pieces cut at their longest
        "a tweet\n\n",  # blank lines
    ],
)
def test_working_memory_beyond_the_result_stays_small(
    unit: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Below the cap, what find_mentions holds besides its result is bounded by a piece."""
    monkeypatch.setattr(mentions, "MAX_MENTIONS", 10**9)
    text = unit * (4 * mentions._PIECE_MAX // len(unit))
    peak, retained, found = _memory(text)
    assert len(found) == text.count("tweet")
    # Readings of the whole text, unsettled, took some 18 bytes per character of it.
    assert peak - retained < 20 * mentions._PIECE_MAX


def test_pieces_give_the_same_mentions_as_one_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cutting a long window into pieces at sentence ends changes no mention."""
    prose = (
        "The mayor wrote on X that the bridge would reopen; later she tweeted a photo!\n\n"
        "In einem Tweet schrieb sie auf Instagram: bald. El presidente tuiteó que sí. "
    ) * 400
    whole = find_mentions(prose)
    monkeypatch.setattr(mentions, "_PIECE", 50)
    monkeypatch.setattr(mentions, "_PIECE_MAX", 400)
    assert find_mentions(prose) == whole


def _windows_word_by_word(text: str) -> list[tuple[int, int]]:
    """The windows merged one platform word at a time (what the jumping scan must cover)."""
    spans: list[tuple[int, int]] = []
    for hit in mentions._keywords().finditer(text):
        start = max(0, hit.start() - mentions._REACH)
        end = min(len(text), hit.end() + mentions._REACH)
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


@pytest.mark.parametrize(
    "text",
    [
        "X " * 5000,
        ("tweet " * 300 + "lorem " * 200) * 5,
        ("lorem " * 150 + "on Truth  Social ") * 30,
        "ipsum " * 2000 + "X",
        "",
    ],
)
def test_windows_jump_over_dense_words(text: str) -> None:
    """The jumping scan covers every word's reach, never overlaps, and widens by a word at most."""
    exact = _windows_word_by_word(text)
    found = list(mentions._windows(text))
    assert all(a[1] < b[0] for a, b in itertools.pairwise(found))
    assert len(found) == len(exact)
    for (start, end), (exact_start, exact_end) in zip(found, exact, strict=True):
        assert start == exact_start
        assert exact_end <= end <= exact_end + mentions._longest_keyword()


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(["X", "tweet", "wrote", "on", "Twitter", "a", "post", "auf", "lorem"]),
        max_size=400,
    ),
    st.sampled_from([" ", "  ", " " * 120, "\n"]),
)
def test_trie_and_jumps_keep_every_mention(words: list[str], gap: str) -> None:
    """Mentions equal those of the flat word lists read over the whole text at once."""
    text = gap.join(words)
    flat = {code: tuple(_flat_patterns(code)) for code in mentions._patterns()}
    expected = mentions._readings(text, 0, len(text), list(flat), flat)
    assert [((m.start, m.end), (m.lang, m.platform)) for m in find_mentions(text)] == expected


def _flat_patterns(code: str) -> list[re.Pattern[str]]:
    """One language's patterns built with each word list as a flat alternation."""
    original = mentions._words

    def flat(items: Iterable[str]) -> str:
        unique = sorted({w.lower() for w in items}, key=lambda w: (-len(w), w))
        return "|".join(mentions._GAP.join(map(re.escape, w.split())) for w in unique)

    mentions._words = flat
    try:
        return list(mentions._compile(_mentiondata.GRAMMARS[code]))
    finally:
        mentions._words = original


_WORD_LISTS = [
    ["post", "posted", "poster", "a", "à la", "über", "écrit", "in a"],
    [word for grammar in _mentiondata.GRAMMARS.values() for word in grammar.verbs],
    [word for grammar in _mentiondata.GRAMMARS.values() for word in grammar.determiners],
]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_WORD_LISTS),
    st.lists(
        st.sampled_from(["post", "Posted", "POSTER", "a", "À", "la", "Über", "ÜBER", "écrit"])
        | st.sampled_from(["İ", "ı", "ſ", "\u212a", "ẞ", "ß", "_", "x", "1", " ", "\n", "-"])
        | st.sampled_from(_WORD_LISTS[1][:40] + _WORD_LISTS[2][:40]),
        max_size=12,
    ).map("".join),
)
def test_word_start_matches_what_a_bounded_alternation_matches(words: list[str], text: str) -> None:
    """The class-led pattern finds exactly what ``(?<!\\w)`` and the alternation find."""
    plain = re.compile(rf"(?<!\w)(?:{mentions._words(words)})", re.IGNORECASE)
    led = re.compile(mentions._word_start(words), re.IGNORECASE)
    assert [m.span() for m in led.finditer(text)] == [m.span() for m in plain.finditer(text)]
    upper = text.upper()
    assert [m.span() for m in led.finditer(upper)] == [m.span() for m in plain.finditer(upper)]


def test_keyword_scan_takes_case_twins_for_letters() -> None:
    """'ınstagram' and 'ſkeet' are what the case-insensitive words matched before."""
    keywords = mentions._keywords()
    for text in ("\u0131nstagram", "\u0130NSTA", "\u017fkeet", "TWEET", "X", "Threads"):
        assert keywords.fullmatch(text), text
    for text in ("aX", "Xa", "threads", "aThreads", "X_"):
        assert keywords.search(text) is None, text
