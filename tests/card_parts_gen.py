"""Invented parts of site-made cards: people, ids, texts, dates, class names, wrappers.

Everything is drawn from a seeded :class:`random.Random`, so a variant is the same on
every run.  Every name, handle, id, text and host is made up; class names are random
tokens or generic words (never a particular site's vocabulary).  The card shapes are
composed from these parts in :mod:`card_variants` and :mod:`card_decoys`.
"""

from __future__ import annotations

import datetime as dt
import html
import random
import string

import attrs

__all__ = ["ACTION_WORDS", "LANGS", "Maker", "Person", "Shown"]

_FIRST = ("Ada", "Bruno", "Cleo", "Dario", "Elin", "Farid", "Greta", "Hiro", "Ines",
          "Jonas", "Kaja", "Lio", "Mira", "Nils", "Odile", "Piet", "Rosa", "Sami")  # fmt: skip
_LAST = ("Marsh", "Pellworth", "Nordvik", "Okonkwe", "Quistel", "Ravenau", "Sandorf",
         "Tammik", "Ulvang", "Varkos", "Wendel", "Yildar")  # fmt: skip
_ORGS = ("Harbour Library", "Quay Ferries", "Millbrook Council", "Riverside Choir",
         "Old Town Bakery", "Northgate Rail", "Birchfield Museum", "Lakeside Clinic")  # fmt: skip
_JA_NAMES = ("駅前カフェ", "港町図書館", "山手バス", "川辺の本屋")

# Sentences per language, with slots for an invented place, a number and a day.
_SENTENCES: dict[str, tuple[str, ...]] = {
    "en": (
        "The {place} crossing is cancelled again this morning, sorry for the wait.",
        "We planted {num} new trees along {place} on {day}, thanks to every volunteer.",
        "Late opening tonight at {place} until nine, bring a friend and a book.",
        "Water level at {place} is {num} cm and still rising slowly.",
        "Road works on {place} end on {day}, buses return to the usual stop.",
    ),
    "de": (
        "Die Fähre ab {place} fällt heute aus, bitte nutzt die Busse ab {num} Uhr.",
        "Am {day} öffnet die Bücherei in der {place} wieder, wir freuen uns auf euch.",
        "Der Wasserstand am {place} liegt bei {num} cm und steigt weiter.",
    ),
    "fr": (
        "Le marché de la {place} est déplacé pendant les travaux jusqu'à {day}.",
        "Nous avons planté {num} arbres rue {place} ce week-end, merci à tous.",
        "La ligne de bus vers {place} reprend demain matin à {num} heures.",
    ),
    "es": (
        "Incendio controlado en la calle {place}, no hay heridos según los equipos.",
        "El museo de {place} abre gratis el {day} de 10 a {num} horas.",
    ),
    "pt": ("A biblioteca da {place} reabre na {day} com {num} livros novos.",),
    "it": ("La scuola di via {place} resta chiusa anche domani per i lavori.",),
    "nl": ("De veerpont bij {place} vaart vandaag niet, excuses voor het ongemak.",),
    "ja": ("本日は{place}店を臨時休業いたします。明日は通常どおり営業します。",),
}
_PLACES = ("Quay Street", "Birch Lane", "Mill Road", "Kelp Square", "Linden", "Alder Point")
_DAYS = ("Monday", "Friday", "Saturday", "Sunday")

_MONTHS: dict[str, tuple[str, ...]] = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "de": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
           "September", "Oktober", "November", "Dezember"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre"),
    "pt": ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto",
           "setembro", "outubro", "novembro", "dezembro"),
    "it": ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
           "settembre", "ottobre", "novembre", "dicembre"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
}  # fmt: skip

#: Languages a variant may be written in.
LANGS = tuple(_SENTENCES)

#: Words of a card's action row and links, per language: reply, repost, like, view, follow.
ACTION_WORDS: dict[str, tuple[str, str, str, str, str]] = {
    "en": ("Reply", "Repost", "Like", "View on {platform}", "Follow"),
    "de": ("Antworten", "Teilen", "Gefällt mir", "Auf {platform} ansehen", "Folgen"),
    "fr": ("Répondre", "Partager", "J'aime", "Voir sur {platform}", "Suivre"),
    "es": ("Responder", "Compartir", "Me gusta", "Ver en {platform}", "Seguir"),
    "pt": ("Responder", "Partilhar", "Gosto", "Ver no {platform}", "Seguir"),
    "it": ("Rispondi", "Condividi", "Mi piace", "Vedi su {platform}", "Segui"),
    "nl": ("Beantwoorden", "Delen", "Leuk", "Bekijk op {platform}", "Volgen"),
    "ja": ("返信", "リポスト", "いいね", "{platform}で見る", "フォロー"),
}

# Generic words a style sheet may use; none names a platform or a particular site.
_CLASS_WORDS = ("card", "box", "item", "entry", "unit", "block", "media", "panel", "row",
                "head", "body", "foot", "meta", "who", "txt", "wrap", "inner", "c")  # fmt: skip
_UTILITY = ("flex", "items-center", "gap-2", "text-sm", "font-bold", "mt-2", "p-4", "rounded",
            "border", "w-full", "grid", "col-span-2", "text-gray-600", "leading-snug")  # fmt: skip


@attrs.frozen
class Person:
    """Who a card shows: display name and handle (as the platform writes it)."""

    name: str
    handle: str


@attrs.frozen
class Shown:
    """A date as a card shows it, and its machine-readable form."""

    text: str
    iso: str


class Maker:
    """Draws the invented parts of one variant page from one seeded generator."""

    def __init__(self, family: str, seed: int) -> None:
        self.rng = random.Random(f"{family}/{seed}")
        self.lang = self.rng.choice(LANGS)
        self.style = self.rng.choice(("none", "random", "words", "utility"))
        self._classes: dict[str, str] = {}

    # -- markup helpers ------------------------------------------------------------

    def cls(self, role: str) -> str:
        """A class attribute for ``role`` (the same on every use in the page), or none."""
        if self.style == "none":
            return ""
        if role not in self._classes:
            rng = self.rng
            if self.style == "random":
                value = "".join(
                    rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 7))
                )
            elif self.style == "words":
                value = f"{rng.choice(_CLASS_WORDS)}{rng.choice(('', '-', '__'))}{role[:4]}"
            else:
                value = " ".join(rng.sample(_UTILITY, rng.randint(1, 4)))
            self._classes[role] = value
        return f' class="{self._classes[role]}"'

    def wrap(self, inner: str, *, most: int = 3) -> str:
        """``inner`` inside 0 to ``most`` plain wrappers."""
        for _ in range(self.rng.randint(0, most)):
            tag = self.rng.choice(
                ("div", "div", "section", "span" if "<div" not in inner else "div")
            )
            inner = f"<{tag}{self.cls('w' + str(self.rng.randint(0, 3)))}>{inner}</{tag}>"
        return inner

    def page(self, content: str, *, aside: str = "") -> str:
        """A whole article page around ``content`` (and a sidebar)."""
        before = self.prose()
        after = self.prose()
        body = (
            f'<header{self.cls("site")}><a href="/">Example Gazette</a> <nav><a href="/news">'
            f'News</a> <a href="/sport">Sport</a></nav></header>'
            f"<main><article><h1>{html.escape(self.sentence())}</h1><p>{before}</p>"
            f"{self.wrap(content, most=2)}<p>{after}</p></article>{aside}</main>"
            f"<footer><p>© 2024 Example Gazette</p></footer>"
        )
        head = "<head><title>News</title></head>"
        return f'<!DOCTYPE html><html lang="{self.lang}">{head}<body>{body}</body></html>'

    # -- people, ids, texts --------------------------------------------------------

    def person(self, *, platform: str = "twitter") -> Person:
        rng = self.rng
        if self.lang == "ja" and rng.random() < 0.5:
            name = rng.choice(_JA_NAMES)
            base = rng.choice(("ekimae", "minato", "yamate", "kawabe")) + rng.choice(
                ("_cafe", "_info", "")
            )
        elif rng.random() < 0.3:
            name = rng.choice(_ORGS)
            base = "".join(w[:5] for w in name.lower().split())
        else:
            first, last = rng.choice(_FIRST), rng.choice(_LAST)
            name = f"{first} {last}"
            base = rng.choice(
                (f"{first}_{last}", f"{first}{last[:3]}", f"{last}{first[0]}")
            ).lower()
        base = base[:11] + (str(rng.randint(1, 99)) if rng.random() < 0.4 else "")
        if platform == "bluesky":
            handle = f"{base.replace('_', '-')}.bsky.social"
        elif platform == "mastodon":
            handle = f"{base}@{rng.choice(('social.example', 'toot.example.org', 'masto.example'))}"
        elif platform in {"instagram", "threads", "tiktok"}:
            handle = base.replace("_", rng.choice(("_", ".")))
        else:
            handle = base
        return Person(name=name, handle=handle)

    def digits(self, low: int, high: int) -> str:
        return str(self.rng.randrange(low, high))

    def code(self, length: int, *, first: str = "") -> str:
        alphabet = string.ascii_letters + string.digits
        return first + "".join(self.rng.choice(alphabet) for _ in range(length - len(first)))

    def sentence(self, lang: str | None = None) -> str:
        rng = self.rng
        template = rng.choice(_SENTENCES[lang or self.lang])
        return template.format(
            place=rng.choice(_PLACES), num=rng.randint(2, 90), day=rng.choice(_DAYS)
        )

    def prose(self) -> str:
        """A paragraph of article prose (two or three sentences)."""
        return " ".join(self.sentence() for _ in range(self.rng.randint(2, 3)))

    def headline(self) -> str:
        """A LinkedIn headline: a role at an organisation."""
        role, at = {
            "en": ("Editor", "at"), "de": ("Redakteurin", "bei"), "fr": ("Rédacteur", "chez"),
            "es": ("Editora", "en"), "pt": ("Editor", "na"), "it": ("Redattrice", "presso"),
            "nl": ("Redacteur", "bij"), "ja": ("編集者", "/"),
        }[self.lang]  # fmt: skip
        return f"{role} {at} {self.rng.choice(_ORGS)}"

    # -- dates -------------------------------------------------------------------------

    def date(self, *, relative_ok: bool = True) -> Shown:
        """A date as a card in this page's language shows it."""
        rng = self.rng
        when = dt.datetime(2015, 1, 1) + dt.timedelta(minutes=rng.randrange(0, 10 * 365 * 1440))
        iso = when.strftime("%Y-%m-%dT%H:%M:00.000Z")
        month = when.month
        lang = self.lang
        if relative_ok and rng.random() < 0.2:
            return Shown(self._relative(), iso)
        hm = when.strftime("%H:%M")
        ampm = when.strftime("%I:%M %p").lstrip("0")
        if lang == "ja":
            shapes = [
                f"{when.year}年{month}月{when.day}日",
                f"{when.year}年{month}月{when.day}日 {hm}",
            ]
        elif lang == "en":
            short, full = _MONTHS["en"][month - 1][:3], _MONTHS["en"][month - 1]
            shapes = [
                f"{short} {when.day}, {when.year}",
                f"{ampm} · {short} {when.day}, {when.year}",
                f"{when.strftime('%I:%M %p')} - {when.day:02d} {short} {when.year}",
                f"{when.day} {full} {when.year}",
                f"{full} {when.day}, {when.year}",
                f"{short} {when.day}",
                when.strftime("%Y-%m-%d"),
            ]
        elif lang == "de":
            name = _MONTHS["de"][month - 1]
            shapes = [f"{when.day}. {name} {when.year}", when.strftime("%d.%m.%Y %H:%M"),
                      when.strftime("%d.%m.%Y"), f"{when.day}. {name}"]  # fmt: skip
        else:
            name = _MONTHS[lang][month - 1]
            joiner = " de " if lang in {"es", "pt"} else " "
            shapes = [f"{when.day}{joiner}{name}{joiner}{when.year}", f"{when.day}{joiner}{name}"]
        return Shown(rng.choice(shapes), iso)

    def _relative(self) -> str:
        rng = self.rng
        n = rng.randint(2, 23)
        return rng.choice(
            {
                "en": (f"{n}h", f"{n} hours ago", f"{n}m", f"{n} hrs ago", f"{n}d"),
                "de": (f"vor {n} Stunden", f"vor {n} Std.", f"{n} Std."),
                "fr": (f"il y a {n} heures", f"il y a {n} h"),
                "es": (f"hace {n} horas", f"hace {n} h"),
                "pt": (f"há {n} horas", f"{n}h"),
                "it": (f"{n} ore fa", f"{n}h"),
                "nl": (f"{n} uur geleden",),
                "ja": (f"{n}時間前", f"{n}時間"),
            }[self.lang]
        )
