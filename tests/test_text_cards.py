"""Card residue in plain text: name, @handle, text and date on lines of their own."""

from __future__ import annotations

import pytest

import tweetresolve as tr

ARTICLE = "The vote was close.\nMarta said the boats would run late.\n\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # name, handle, text, date, buttons (BeautifulSoup's lines)
        (
            ARTICLE + "Ada Example\n@ada_example\nNine to four! See you on the late boat\n"
            "05:38 PM - 07 Jun 2019\nReply Retweet Like\n\nThe next paragraph.",
            (
                "ada_example",
                "Ada Example",
                "Nine to four! See you on the late boat",
                "05:38 PM - 07 Jun 2019",
            ),
        ),
        # the date right under the handle, the text after it
        (
            "Ada Example\n@ada_example\n·\nJun 7, 2019\nNine to four! #ferry\n\nMore article.",
            ("ada_example", "Ada Example", "Nine to four! #ferry", "Jun 7, 2019"),
        ),
        # Markdown: name and handle as links on one line, the date a link to the post
        (
            "[Ada Example](https://twitter.com/ada_example) [@ada_example](https://twitter.com/ada_example)\n"
            "Boote fahren heute später.\n"
            "[17:38 - 7. Juni 2019](https://twitter.com/ada_example/status/1137000000000000000)",
            ("ada_example", "Ada Example", "Boote fahren heute später.", "17:38 - 7. Juni 2019"),
        ),
        # each part a list item, counters at the end
        (
            "- Ada Example\n- @ada_example\n- Nine to four!\n- 5:38 PM · Jun 7, 2019\n"
            "- 12 Retweets 40 Likes",
            ("ada_example", "Ada Example", "Nine to four!", "5:38 PM · Jun 7, 2019"),
        ),
        # French buttons and date
        (
            "Ada Exemple\n@ada_exemple\nNeuf contre quatre !\n7 juin 2019\n"
            "Répondre Retweeter J'aime",
            ("ada_exemple", "Ada Exemple", "Neuf contre quatre !", "7 juin 2019"),
        ),
        # Spanish, name and handle on one line
        (
            "Ada Ejemplo @ada_ejemplo\nNueve a cuatro.\n7 de junio de 2019",
            ("ada_ejemplo", "Ada Ejemplo", "Nueve a cuatro.", "7 de junio de 2019"),
        ),
    ],
)
def test_card_residue_is_a_post(text: str, expected: tuple[str, str, str, str]) -> None:
    """Each variant of a card's lines gives one post with its handle, name, text and date."""
    [post] = tr.extract(text, kind="text")
    name = post.author.name if post.author else None
    assert (post.handle, name, post.text, post.date_text) == expected
    assert post.span is not None
    assert expected[2].split()[0] in text[post.span[0] : post.span[1]]


def test_card_date_link_gives_the_id() -> None:
    """A date written as a link to the author's status gives the post id."""
    text = "Ada Example @ada_example\n\nNine to four!\n\n[05:38 PM - 07 Jun 2019](https://twitter.com/ada_example/status/1137000000000000000)"
    [post] = tr.extract(text, kind="text")
    assert post.post_id == "1137000000000000000"


@pytest.mark.parametrize(
    "text",
    [
        # a bare handle in prose, no date
        "Follow the author\n@ada_example\nfor more stories about ferries and boats.",
        # two handles in a row: a list of people, not a card
        "Thanks to\n@ada_example\n@bo_example\nfor help. June 7, 2019",
        # an article's author line
        "By Ada Example\n@ada_example\nAda covers ferries.\nJune 7, 2019",
        # a quote box with "— Name" but no date and no handle line
        "“We will run late,” she said.\n— Ada Example\n\nBoats ran on March 3, 2020.",
        # an article's author box: name, handle, a co-author, the date
        "Ada Example\n@ada_example\nBo Sample\n01 October 2020",
        # a label before a handle, then tags and a comment's date
        "Quote in the header: @ada_example\n\nFerries, Boats, Timetables\n\n"
        "20. November 2022 um 10:36 Uhr",
        # the date comes too far below
        "Ada Example\n@ada_example\n" + "line\n" * 20 + "June 7, 2019",
    ],
)
def test_not_a_card(text: str) -> None:
    """Handles and quote boxes that are not cards give no post."""
    assert tr.extract(text, kind="text") == []


def test_card_next_to_a_byline_post_is_not_doubled() -> None:
    """A post found by its "— Name (@handle) Date" line is not found again as a card."""
    text = "Nine to four!\n— Ada Example (@ada_example) June 7, 2019\n"
    assert len(tr.extract(text, kind="text")) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # html2text Markdown: the whole card on one line, the date linked to the post
        (
            "The article.\n\n[Ada Example](https://twitter.com/ada_example) "
            "[@ada_example](https://twitter.com/ada_example) Nine to four! "
            "[05:38 PM - 07 Jun 2019](https://twitter.com/ada_example/status/1137000000000000000)"
            "\n\nMore.",
            ("Nine to four!", "05:38 PM - 07 Jun 2019", ()),
        ),
        # a list item with a bare handle, a short link and German buttons after the date
        (
            "* [Ada Beispiel](https://twitter.com/ada_example) @ada_example Neun zu vier! "
            "https://t.co/AbCdEf1234 "
            "[7. Juni 2019](https://twitter.com/ada_example/status/1137000000000000000) "
            "Antworten Retweeten Gefällt mir",
            ("Neun zu vier! https://t.co/AbCdEf1234", "7. Juni 2019", ("https://t.co/AbCdEf1234",)),
        ),
    ],
)
def test_one_line_markdown_card(text: str, expected: tuple[str, str, tuple[str, ...]]) -> None:
    """A card flattened to one Markdown line gives its text, date, id and links."""
    [post] = tr.extract(text, kind="text")
    assert (post.text, post.date_text, tuple(link.url for link in post.links)) == expected
    assert (post.handle, post.post_id) == ("ada_example", "1137000000000000000")


@pytest.mark.parametrize(
    "text",
    [
        # prose with a handle and a date that links elsewhere
        "Ada Example @ada_example wrote about this on [June 7, 2019](https://example.com/news/1).",
        # prose with a handle and a bare date
        "Ada Example @ada_example wrote about this on June 7, 2019.",
        # an author's line
        "By Ada Example @ada_example [June 7, 2019](https://twitter.com/ada_example/status/1)",
    ],
)
def test_not_a_one_line_card(text: str) -> None:
    """A line of prose with a handle and a date is no card unless the date links a status."""
    assert tr.extract(text, kind="text") == []


#: Shapes written by hand, apart from the generated variants: scripts, a rendered
#: post's text, a byline without parentheses, a Bluesky handle with no other clue.
_HAND_WRITTEN = [
    (
        "Ada Example\n@ada_example\n·\nFollow\nLate again\n#Harbour\n5:38 PM · Jun 7, 2019\n"
        "12\nReply\nCopy link\n\nMore article.",
        ("twitter", "ada_example", "5:38 PM · Jun 7, 2019", "Late again\n#Harbour"),
    ),
    (
        "山田 例子\n@yamada_ex\nフェリーがまた遅れています #港\n2019年6月7日\n\nMore.",
        ("twitter", "yamada_ex", "2019年6月7日", "フェリーがまた遅れています #港"),
    ),
    (
        "مريم مثال\n@maryam_ex\nالعبارة متأخرة مرة أخرى\n7 يونيو 2019\n\nMore.",
        ("twitter", "maryam_ex", "7 يونيو 2019", "العبارة متأخرة مرة أخرى"),
    ),
    (
        "Ada Example @ada_example · vor 3 Std.\nDie Fähre ist spät #Hafen\n\nMore.",
        ("twitter", "ada_example", "vor 3 Std.", "Die Fähre ist spät #Hafen"),
    ),
    (
        "> Late again #Harbour\n>\n> — Ada Example [@ada_example](https://x.com/ada_example)"
        " [June 7, 2019](https://x.com/ada_example/status/1234567890123)\n\nMore.",
        ("twitter", "ada_example", "June 7, 2019", "Late again #Harbour"),
    ),
    (
        "Ada Example\n@ada.bsky.social\nLate again #Harbour\nJun 7, 2024\n\nMore article.",
        ("bluesky", "ada.bsky.social", "Jun 7, 2024", "Late again #Harbour"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), _HAND_WRITTEN)
def test_hand_written_card_shapes(text: str, expected: tuple[str, str, str, str]) -> None:
    """Card and byline shapes beyond the generated ones give their one post."""
    [post] = tr.extract(ARTICLE + text, kind="text")
    assert post.author is not None
    assert (post.platform, post.author.handle, post.date_text, post.text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ada Example\n@ada_example\nada@example.com\n\nMore.",
        "Reporting by Ada Example (@ada_example) and Bo Example (@bo_ex)\nJune 7, 2019\n\nMore.",
        "Photo: @ada_example\nJune 7, 2019\n\nMore.",
        "It was late again — as @ada_example said June 7, 2019\n\nMore.",
    ],
)
def test_credits_and_signatures_are_no_post(text: str) -> None:
    """A signature, a reporting credit, a photo credit and prose with a dash are no post."""
    assert tr.extract(ARTICLE + text, kind="text") == []
