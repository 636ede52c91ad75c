"""Invented material for the plain-text residue variants: people, posts, prose, dates.

Names, handles, ids, post texts and article prose are made up; the dates and the
platforms' fallback lines are the forms embeds print (see the research notes on
embeds).  :class:`Maker` draws from them with a seeded random generator, and
:func:`render` flattens a residue's lines as a converter would.
"""

from __future__ import annotations

import random
from typing import Any

import attrs

CONVERTERS = ("plain", "markdown", "split", "bare")

# --- invented material -----------------------------------------------------------------

_NAMES = (
    "Ada Example",
    "Björn Testmann",
    "Camille Exemple",
    "José Ejemplo",
    "Zoë O'Sample",
    "مريم مثال",
    "山田 例子",
    "Ola Nordmann 🐬",
    "Harbour Ferries",
    "Dr. Ines Muster",
)
_SYLLABLES = ("ad", "bo", "ka", "mi", "ro", "te", "lu", "ne", "sa", "vi", "zo", "ek")

_TEXTS = {
    "en": (
        "The ferry is late again, third time this week #Harbour",
        "New timetable is out! Check your stop before Monday 🚢",
        "Thank you all for coming tonight ❤️ What a crowd",
        "We tested the bridge lights again and they work",
    ),
    "de": (
        "Die Fähre hat schon wieder Verspätung #Hafen",
        "Neuer Fahrplan ab Montag, bitte Haltestellen prüfen 🚢",
        "Danke an alle, die heute Abend da waren ❤️",
    ),
    "fr": (
        "Le bac est encore en retard ce matin #Port",
        "Nouveaux horaires dès lundi, vérifiez votre arrêt 🚢",
    ),
    "es": (
        "El ferri llega tarde otra vez #Puerto",
        "¡Nuevo horario desde el lunes! Revisad vuestra parada 🚢",
    ),
    "ja": ("フェリーがまた遅れています #港", "新しい時刻表が出ました 🚢"),
}

_ARTICLE = {
    "en": (
        "The harbour board met on Monday evening to discuss the new timetable.",
        "Several residents said the changes came too late for the summer season.",
        "A spokesperson for the operator declined to comment on the delays.",
        "Local councillors had asked for an independent review earlier this year.",
        "The board will publish its decision in the coming weeks.",
        "Passengers reacted quickly on social media after the announcement.",
    ),
    "de": (
        "Der Hafenausschuss hat am Montagabend über den neuen Fahrplan beraten.",
        "Mehrere Anwohner sagten, die Änderungen kämen für den Sommer zu spät.",
        "Ein Sprecher des Betreibers wollte sich zu den Verspätungen nicht äußern.",
        "Die Entscheidung soll in den kommenden Wochen veröffentlicht werden.",
    ),
    "fr": (
        "Le conseil du port s'est réuni lundi soir pour discuter des horaires.",
        "Plusieurs habitants estiment que les changements arrivent trop tard.",
        "Un porte-parole de l'exploitant n'a pas souhaité commenter les retards.",
        "La décision sera publiée dans les prochaines semaines.",
    ),
    "es": (
        "La junta del puerto se reunió el lunes por la noche para hablar del horario.",
        "Varios vecinos dijeron que los cambios llegan tarde para el verano.",
        "Un portavoz de la empresa no quiso comentar los retrasos.",
        "La decisión se publicará en las próximas semanas.",
    ),
}

#: Dates as embeds and cards print them, per language: (full date, date with a time).
_DATES = {
    "en": ("June 7, 2019", "5:38 PM · Jun 7, 2019"),
    "de": ("7. Juni 2019", "05:38 PM - 07 Jun 2019"),
    "fr": ("7 juin 2019", "5:38 PM · Jun 7, 2019"),
    "es": ("7 de junio de 2019", "05:38 PM - 07 Jun 2019"),
}
#: Dates a card prints without a year, or relative to now.
_SHORT_DATES = ("Jun 7", "7 juin", "7. Juni", "3h", "12m", "vor 3 Stunden", "2 hours ago")

_ACTION_ROWS = (
    "Reply Retweet Like",
    "Reply · Repost · Like · 12",
    "12 Likes",
    "Antworten Retweeten Gefällt mir",
    "Répondre Retweeter J'aime",
    "💬 3 🔁 12 ❤️ 40",
    "♡ 12 · ↻ 4",
)
#: The "View on …" line of a card in the article's language.
_VIEW_ON = {"en": "View on {}", "de": "Auf {} ansehen", "fr": "Voir sur {}", "es": "Ver en {}"}

# Instagram's fallback lines (embeds.md §3.1) per language: (view line, byline lead, "on").
_INSTAGRAM = {
    "en": ("View this post on Instagram", "A post shared by", "on"),
    "de": ("Sieh dir diesen Beitrag auf Instagram an", "Ein Beitrag geteilt von", "am"),
    "fr": ("Voir cette publication sur Instagram", "Une publication partagée par", "le"),
    "es": ("Ver esta publicación en Instagram", "Una publicación compartida de", "el"),
}
_INSTAGRAM_DATES = {
    "en": "Jun 16, 2019 at 7:30am PDT",
    "de": "23. Okt 2017 um 0:31 Uhr",
    "fr": "29 mars 2017",
    "es": "1 de junio de 2019",
}
# Facebook's SDK byline per locale (embeds.md §5): (lead, "on", date).
_FACEBOOK = {
    "en": ("Posted by", "on", "Thursday, 13 March 2014"),
    "es": ("Publicado por", "en", "Jueves, 12 de noviembre de 2020"),
    "de": ("Posted by", "on", "Monday, September 12, 2016"),
    "fr": ("Posted by", "on", "Monday, 26 October 2020"),
}


@attrs.frozen
class _Part:
    """One line of a residue: its text and, when the HTML linked it, the link target."""

    text: str
    url: str | None = None
    #: Inline pieces BeautifulSoup would put on lines of their own (split converter).
    pieces: tuple[str, ...] = ()
    #: The line as html2text writes it, when it holds several links.
    markdown: str | None = None


class _Maker:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def pick(self, items: tuple[Any, ...] | list[Any] | str) -> Any:
        return items[self.rng.randrange(len(items))]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def handle(self, dots: bool = False) -> str:
        parts = [self.pick(_SYLLABLES) for _ in range(self.rng.randint(2, 4))]
        joiner = self.pick(("_", ".", "")) if dots else self.pick(("_", ""))
        return (parts[0] + "".join(parts[1:2]) + joiner + "".join(parts[2:]) or "ada") + str(
            self.rng.randint(0, 99)
        )

    def digits(self, count: int) -> str:
        return str(self.rng.randint(1, 9)) + "".join(
            str(self.rng.randint(0, 9)) for _ in range(count - 1)
        )

    def code(self, count: int) -> str:
        alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789"
        return "".join(self.pick(alphabet) for _ in range(count))

    def post_text(self, lang: str) -> str:
        if self.chance(0.15):
            lang = "ja"  # a CJK post quoted in any article
        return str(self.pick(_TEXTS[lang]))


def _prose(m: _Maker, lang: str, count: int) -> list[str]:
    lines = list(_ARTICLE.get(lang, _ARTICLE["en"]))
    m.rng.shuffle(lines)
    return lines[:count]


def _render(m: _Maker, parts: list[_Part], converter: str, *, quoted: bool) -> list[str]:
    """Flatten a residue's lines as ``converter`` would."""
    lines: list[str] = []
    for part in parts:
        if converter == "markdown":
            line = f"[{part.text}]({part.url})" if part.url else part.text
            line = part.markdown or line
            lines.append(line)
            if quoted:
                lines.append("")
        elif converter == "split" and part.pieces:
            lines.extend(part.pieces)
        else:
            lines.append(part.text)
    if converter == "markdown" and quoted:
        lines = [f"> {line}".rstrip() for line in lines[:-1]]
    elif converter == "bare" and quoted:
        lines = [f"> {line}" for line in lines]
    return lines


def _page(m: _Maker, lang: str, body: list[str], converter: str, *, gap: bool | None = None) -> str:
    above, below = _prose(m, lang, 3), _prose(m, lang, 3)
    blank = gap if gap is not None else converter != "plain"
    join = "\n\n" if blank else "\n"
    return join.join(above) + join + "\n".join(body) + join + join.join(below) + "\n"


_PLATFORM_WORD = {
    "instagram": "Instagram",
    "threads": "Threads",
    "bluesky": "Bluesky",
    "mastodon": "Mastodon",
    "tiktok": "TikTok",
    "twitter": "X",
}


def _permalink(m: _Maker, platform: str, handle: str) -> tuple[str, str, str, str]:
    """(post URL, profile URL, post id, handle as shown) of an invented post."""
    if platform == "twitter":
        post_id = m.digits(19)
        return (
            f"https://x.com/{handle}/status/{post_id}",
            f"https://x.com/{handle}",
            post_id,
            handle,
        )
    if platform == "instagram":
        code = m.code(11)
        return (
            f"https://www.instagram.com/p/{code}/",
            f"https://www.instagram.com/{handle}/",
            code,
            handle,
        )
    if platform == "threads":
        code = m.code(11)
        return (
            f"https://www.threads.net/@{handle}/post/{code}",
            f"https://www.threads.net/@{handle}",
            code,
            handle,
        )
    if platform == "bluesky":
        rkey = "3l" + "".join(m.pick("234567abcdefghijklmnopqrstuvwxyz") for _ in range(11))
        full = f"{handle.replace('_', '')}.bsky.social"
        return (
            f"https://bsky.app/profile/{full}/post/{rkey}",
            f"https://bsky.app/profile/{full}",
            rkey,
            full,
        )
    if platform == "mastodon":
        post_id = "11" + m.digits(16)
        user = handle.replace(".", "_")
        return (
            f"https://mastodon.social/@{user}/{post_id}",
            f"https://mastodon.social/@{user}",
            post_id,
            f"{user}@mastodon.social",
        )
    post_id = "7" + m.digits(18)
    return (
        f"https://www.tiktok.com/@{handle}/video/{post_id}",
        f"https://www.tiktok.com/@{handle}",
        post_id,
        handle,
    )
