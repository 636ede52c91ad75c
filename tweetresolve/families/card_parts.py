"""The parts of a post inside one candidate card: lines, handle, name, date, text.

A site draws a post as a small block of *fields*: the display name, the ``@handle``,
the date, the text, a few buttons.
:func:`read_container` reads one element's lines (:mod:`~tweetresolve.families.card_lines`),
marks the elements that are fields, and decides from the lines whether the
block is a post card.  A field counts only on a line of its own (with other fields
and separators): a date link in the middle of a sentence is prose, not a card.

Nothing here keys on a class name: the same block reads the same whatever the site
calls its elements.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

import attrs

from tweetresolve.families.card_lines import (
    FOLLOW_LABEL,
    HANDLE_TEXT,
    MAX_FIELD_CHARS,
    MAX_FIELD_LINE_CHARS,
    MAX_FIELD_LINE_WORDS,
    MAX_LABEL_CHARS,
    MIN_TEXT_CHARS,
    PLATFORM_LABEL,
    SEPARATORS,
    BlockLines,
    ElementKinds,
    Segment,
    collapse,
    holds_texts,
    is_date_text,
    is_field_line,
    line_text,
    lines_of,
    other_text,
    part_text,
    parts_of,
    shown_date,
)
from tweetresolve.html import Element
from tweetresolve.records import Attribution, PostRef
from tweetresolve.text import parse_attribution

__all__ = ["CardReading", "read_container", "seed_may_be_field"]

# A display name and its handle on one line: "Ada Example (@ada.bsky.social)",
# "Ada Example @ada_example", "Ada Example (@ada) on X".
_NAME_AND_HANDLE = re.compile(
    r"^(?P<name>[^@＠()\n]{1,80}?)\s*\(?[@＠](?P<handle>[A-Za-z0-9_][A-Za-z0-9_.\-]{0,63}"
    r"(?:@[A-Za-z0-9][A-Za-z0-9.\-]{1,252})?)\)?(?:\s+(?:on|auf|en|sur|su|em|op)\s+\w{1,12})?"
    r"\s*:?$"
)

# A line that only names the host of a link preview: "bsky.app", "x.com".
_HOST_LINE = re.compile(r"^(?:www\.)?[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,4}$", re.IGNORECASE)

# The title of a link preview of one post (the platforms' own page titles):
# "Ada Example (@ada) on X", "Eric Example posted on LinkedIn",
# "Ada Example on Instagram: \"caption\"".
_PREVIEW_TITLE = re.compile(
    r"^(?P<name>[^@＠\n]{1,80}?)(?:\s*\([@＠](?P<handle>[A-Za-z0-9_.\-]{1,64})\))?\s+"
    r"(?:posted\s+|shared\s+)?on\s+(?:X|Twitter|Instagram|LinkedIn|Facebook|Threads|TikTok"
    r"|Bluesky|Mastodon)(?:\s*:\s*[\"“]?(?P<text>.+?)[\"”]?)?$",
    re.IGNORECASE,
)

# A line naming only a platform: the provider line of a link preview.
_PLATFORM_LINE = re.compile(
    r"^(?:X|Twitter|Instagram|LinkedIn|Facebook|Threads|TikTok|Bluesky|Mastodon)$", re.IGNORECASE
)

# A link introducing the text without a colon is one or two words ("tweets", "schreibt").
_MAX_BARE_LEAD_WORDS = 2

# Longest link label that introduces a post's text ("tweets:", "schreibt auf X:").
_MAX_LEAD_LABEL = 30

# More post links than this on one line make a list of links, not a card's field line
# (and weighing each against the rest of its line would cost the square of their number).
_MAX_LINE_PERMALINKS = 16

# A handle written as text beside a date: "— @city_roads ·".
_LINE_HANDLE = re.compile(r"^[@＠](?P<handle>[A-Za-z0-9_][A-Za-z0-9_.\-]{0,63})$")

# Platforms whose cards show an account name but no display name.
_NAMELESS_PLATFORMS = frozenset({"reddit"})

# A display name shown without a handle has at most this many words.
_MAX_NAME_WORDS = 6

# A permalink label this wide is a headline, not a call to action ("View on Instagram",
# "Ver esta publicación en Instagram" are narrower).  CJK characters count twice.
_MIN_HEADLINE_WIDTH = 40

# The longest label of a link that introduces a post without a colon ("posts", "schreibt").
_MAX_BARE_LEAD_LABEL = 16

# A line of counters: "12 Likes", "3 Retweets 12 Likes", "1.2K views".
_COUNTS_LINE = re.compile(r"^(?:[\d.,]+[KkMm]?\s+\w{1,12}\s*){1,4}$")


@attrs.frozen
class CardReading:
    """What one container shows, when it is a card."""

    name: str | None
    handle: str | None
    date_text: str | None
    published: dt.date | dt.datetime | None
    text: str | None
    links: tuple[tuple[str, str], ...]
    profile_url: str | None
    #: Whether the permalink introduces the text on its line ("Ada <a>tweets:</a> Hi").
    lead: bool = False


def read_container(
    container: Element | list[Element],
    seed: Element | None,
    ref: PostRef | None,
    kinds: ElementKinds,
    *,
    skip: frozenset[Element] = frozenset(),
    bare_lead: bool = False,
) -> CardReading | None:
    """Read ``container`` as a card of the post ``seed`` links to; None if it is not one.

    ``container`` is an element, or a run of sibling elements (a card of a feed whose
    cards are not wrapped one by one).  ``bare_lead`` accepts a link that introduces
    the text without a colon ("Ada <a>tweets</a> Hello"): only for an item drawn from
    the same template as items already read as cards.

    ``seed`` is the permalink anchor (None for a card whose links are all
    redirect-wrapped), ``ref`` what it names, ``skip`` sub-elements that are not part
    of this post (a quoted post's card).
    """
    key = kinds.permalink_key(seed) if seed is not None else ("", "")
    key = key or ("", "")
    wrap = None
    if seed is not None and not isinstance(container, list) and _wraps(seed, container, kinds):
        wrap = seed
    lines = lines_of(container, kinds, key, skip, wrap)
    if not lines or len(lines) > 60:
        return None
    texts = [line_text(line) for line in lines]
    url_handle = (ref.handle or "").lower() if ref is not None else ""

    handle_el, handle_line = _author_handle(lines, url_handle)
    date_el, date_line = _first_date(lines, seed)
    chosen: set[Element] = {s.part for line in lines for s in line if s.kind in {"seed", "ui"}}
    chosen.update(el for el in (handle_el, date_el) if el is not None)
    profile_parts = list(parts_of(lines, "profile"))
    profiles = [el for _, el in profile_parts]
    chosen.update(profiles)
    if handle_el is None:
        # A username linked to its account ("<a href=…/ada_example>ada_example</a>") is
        # the handle's place too: the name stands before it or above it.
        for number, element in profile_parts:
            shown = _shown_user(part_text(element, lines[number]))
            if shown and shown == (kinds.profile_user(element) or "").lower():
                handle_el, handle_line = element, number
                break

    name: str | None = None
    handle: str | None = None
    if handle_el is not None and handle_line is not None:
        handle = _shown_user(part_text(handle_el, lines[handle_line]), keep_case=True) or None
    date_text = None
    if date_el is not None and date_line is not None:
        date_text = part_text(date_el, lines[date_line])
    byline_lines: set[int] = set()
    name_lines: set[int] = set()

    # A "— Name (@handle) Date" line (the publish snippet's byline, kept by the site).
    for number, text in enumerate(texts):
        if "@" not in text and "＠" not in text:
            continue
        found = _attribution(text)
        if found is None or found.handle is None or found.span is None:
            continue
        if found.span[1] < len(text) - 2 or found.span[0] > 2:
            continue
        byline_lines.add(number)
        name = name or found.name
        handle = handle or found.handle
        if found.date_text and date_text is None:
            date_text = found.date_text
        if handle_el is None:
            handle_line = number

    # The handle's own line may show the name before it: "Ada Example @ada · 2h".
    if name is None and handle_el is not None and handle_line is not None:
        before = _text_before(lines[handle_line], handle_el).strip(SEPARATORS)
        before = collapse(before)
        if 0 < len(before) <= MAX_FIELD_LINE_CHARS and not is_date_text(before):
            name = before
    # A name linked to the profile: "<a href=…/ada-example>Ada Example</a>".
    profile_url = None
    profile_handle = None
    named_account = False
    account_line = None
    for number, element in profile_parts:
        shown = collapse("".join(s.text for line in lines for s in line if s.part is element))
        user = kinds.profile_user(element)
        profile_url = profile_url or element.get("href")
        if not shown:
            continue
        if _shown_user(shown) == (user or "").lower() or HANDLE_TEXT.match(shown):
            profile_handle = profile_handle or _shown_user(shown, keep_case=True)
        elif name is None and len(shown) <= MAX_FIELD_LINE_CHARS and not is_date_text(shown):
            name = shown
            # The post's own account, named and linked (a Facebook page, a LinkedIn
            # member): as telling as a shown handle where the platform shows none.
            named_account = _is_own_account(element, ref, user)
            account_line = number
    handle = handle or profile_handle
    # "Ada Example (@ada.bsky.social)" written as one text line (a link preview title).
    if handle is None or name is None:
        for number, text in enumerate(texts):
            # Also without the line's fields: "— Ada (@ada) <a>2h</a>" (a kept byline
            # whose date the snippet grammar does not read, a link after it).
            match = _NAME_AND_HANDLE.match(text) or _NAME_AND_HANDLE.match(
                collapse(other_text(lines[number], chosen)).lstrip(SEPARATORS)
            )
            if match is None or number in byline_lines:
                continue
            if url_handle and match["handle"].lower() != url_handle:
                continue
            handle = handle or match["handle"]
            name = name or collapse(match["name"]).strip(SEPARATORS) or None
            name_lines.add(number)
            if handle_line is None:
                handle_line = number
            break

    field_lines = {
        number
        for number, line in enumerate(lines)
        if number in byline_lines or number in name_lines or is_field_line(line, chosen)
    }
    # The line above the handle's, when short, is the display name.
    if name is None and handle_line is not None and handle_line > 0:
        above = handle_line - 1
        shown = texts[above]
        if (
            above not in field_lines
            and 0 < len(shown) <= MAX_FIELD_LINE_CHARS
            and len(shown.split()) <= MAX_FIELD_LINE_WORDS
            and not is_date_text(shown)
        ):
            name = shown
            name_lines.add(above)
            field_lines.add(above)
    # A card dated by its permalink that shows no handle (a Facebook page's post): its
    # first short line, above the text, is the name.
    if name is None and handle is None and _seed_is_date(lines, seed, date_el, date_line):
        header = _header_line(lines, texts, field_lines)
        if header is not None:
            name = texts[header]
            name_lines.add(header)
            field_lines.add(header)
            account_line = header
    # "— @handle · 2h": a handle written as text on the date's line.
    if handle is None and date_line is not None:
        match = _LINE_HANDLE.match(other_text(lines[date_line], {date_el}))
        if match:
            handle = match["handle"]
    text_lines = [
        number
        for number, line in enumerate(lines)
        if number not in field_lines
        and not all(s.kind in {"ui", "seed", "permalink"} or not s.text.strip() for s in line)
        and not _HOST_LINE.match(texts[number])
        and not _COUNTS_LINE.match(texts[number])
        and not _is_platform_button(line, texts[number])
        and any(c.isalpha() for c in texts[number])
    ]
    # A LinkedIn member's headline ("Editor at Example Gazette") on its own short line
    # under the linked name, before the text.
    if (
        (named_account or account_line in name_lines)
        and ref is not None
        and ref.platform == "linkedin"
        and text_lines
        and text_lines[0] == (account_line or 0) + 1
        and len(texts[text_lines[0]]) <= MAX_FIELD_LINE_CHARS
        and len(texts[text_lines[0]].split()) <= MAX_FIELD_LINE_WORDS
    ):
        text_lines.pop(0)
    # "Replying to @bo": a line of handles above the text is the reply context.
    while len(text_lines) > 1 and _is_reply_context(lines[text_lines[0]]):
        text_lines.pop(0)
    text = "\n".join(texts[n] for n in text_lines).strip()

    # A "View on …" link closing a kept byline ("— Ada (@ada) 2h View on X") is a field.
    seed_on_field_line = any(
        number in field_lines
        and (_stands_alone(lines[number], element, chosen) or number in name_lines)
        for number, element in parts_of(lines, "seed")
    )
    seed_is_date = _seed_is_date(lines, seed, date_el, date_line)
    lead = None
    if seed is not None and not seed_on_field_line:
        lead = _lead_in(lines, need_colon=not bare_lead)
    if lead is not None:
        # "Name <a href=permalink>tweets:</a> the text": the link introduces the post.
        number, before, after = lead
        name = before or name or _name_like_handle(texts[:number], url_handle)
        text = "\n".join([after, *(texts[n] for n in text_lines if n > number)]).strip()
    preview = None
    if wrap is not None:
        titles = [(n, m) for n, t in enumerate(texts) if (m := _PREVIEW_TITLE.match(t))]
        if titles:
            number, preview = titles[0]
            name = name or collapse(preview["name"]).strip(SEPARATORS) or None
            handle = handle or preview["handle"]
            text = "\n".join(
                texts[n] for n in text_lines if n != number and not _PLATFORM_LINE.match(texts[n])
            )
            text = text or preview["text"] or ""
    has_name, has_handle, has_date = name is not None, handle is not None, date_text is not None
    if seed is None:
        ok = has_name and has_handle and has_date
    elif wrap is not None:
        ok = has_name or has_handle or has_date
    elif lead is not None:
        ok = True
    elif not seed_on_field_line:
        ok = False
    elif seed_is_date:
        ok = has_name or has_handle
    elif _is_visual(seed, kinds):
        ok = has_name or has_handle or has_date
    else:
        # A link with words ("View post") under someone else's handle is a comment
        # linking a post, not the post's card; a link showing a headline beside a
        # teaser is an article list's item that happens to link a post.
        shown_other = bool(url_handle and handle and not _same_handle(handle, url_handle))
        ok = (has_handle or named_account) and not shown_other and not _is_headline(lines, seed)
        ok = ok and (has_name or has_date or profile_handle is not None)
    # A preview may name the post's author and show nothing more.
    if not ok or (len(text) < MIN_TEXT_CHARS and not (preview is not None and not text)):
        return None
    if handle is None and ref is not None and ref.handle:
        handle = ref.handle
    machine = date_el.get("datetime") if date_el is not None and date_el.tag == "time" else None
    links = tuple(
        (s.anchor.get("href") or "", collapse(s.text))
        for n in text_lines
        for s in lines[n]
        if s.anchor is not None and s.kind is None and s.text.strip()
    )
    if ref is not None and ref.platform in _NAMELESS_PLATFORMS:
        name = None  # the words before a Reddit user ("r/sub · Posted by") are no name
    return CardReading(
        name=name or None,
        handle=handle,
        date_text=date_text or None,
        published=shown_date(date_text, machine) if date_text else None,
        text=text or None,
        links=links,
        profile_url=profile_url,
        lead=lead is not None,
    )


@functools.lru_cache(maxsize=1024)
def _attribution(line: str) -> Attribution | None:
    """A line's attribution, memoised: a card's lines are read again at each level."""
    return parse_attribution(line)


def _wraps(seed: Element, container: Element, kinds: ElementKinds) -> bool:
    """Whether the permalink holds the card's content rather than labelling it.

    It does when the card is the link (or lies inside it) and the link holds at least
    two separately laid out texts: a title and a description, a name and the text.
    """
    if seed is not container and not any(a is container for a in seed.iterancestors()):
        return False
    return holds_texts(seed)


def _author_handle(
    lines: list[list[Segment]], url_handle: str
) -> tuple[Element | None, int | None]:
    """The card author's shown handle: the one the permalink names, else the first."""
    first: tuple[Element | None, int | None] = (None, None)
    for number, element in parts_of(lines, "handle"):
        shown = part_text(element, lines[number]).lstrip("@＠").lower()
        if url_handle and (
            shown == url_handle or shown.split("@")[0] == url_handle.split("@", maxsplit=1)[0]
        ):
            return element, number
        if first[0] is None and (not url_handle or is_field_line(lines[number], {element})):
            first = (element, number)
    return first


def _first_date(
    lines: list[list[Segment]], seed: Element | None
) -> tuple[Element | None, int | None]:
    """The card's date: a permalink's own text when it is one, else the first date."""
    for number, element in parts_of(lines, "seed"):
        if is_date_text(part_text(element, lines[number])):
            return element, number
    for number, element in parts_of(lines, "date"):
        return element, number
    return None, None


def seed_may_be_field(block: Element, seed: Element, kinds: ElementKinds, read: BlockLines) -> bool:
    """Whether a permalink, read in its nearest block, may be a field of a card.

    Its line is the same at every level above that block, so a link inside a sentence
    (not a date, not alone on its line, not introducing the text, not a picture, not
    holding the card) is never a card's: its ancestors need not be read.  Nor is one of
    a line of more than :data:`_MAX_LINE_PERMALINKS` post links (a list of links).
    ``read`` reads each block once for all its permalinks.
    """
    if holds_texts(seed) or _is_visual(seed, kinds):
        return True
    key = kinds.permalink_key(seed) or ("", "")
    if read.permalinks_on_line(block, seed) > _MAX_LINE_PERMALINKS:
        return False
    line = read.line_of(block, seed, key)
    if line is None:
        return True  # not seen as a part (an unusual layout): let the reading decide
    if _stands_alone(line, seed, set()):
        return True
    # "— Ada (@ada) 2h <a>View on X</a>": a kept byline closed by the link.
    others = collapse("".join(s.text for s in line if s.kind not in {"seed", "date"}))
    if _NAME_AND_HANDLE.match(others.lstrip(SEPARATORS)):
        return True
    return _lead_in([line], need_colon=False) is not None


def _same_handle(shown: str, from_url: str) -> bool:
    shown, from_url = shown.lower(), from_url.lower()
    return shown == from_url or shown.split("@")[0] == from_url.split("@")[0]


def _is_reply_context(line: list[Segment]) -> bool:
    """A line naming handles with at most two other words ("Replying to @bo @cy")."""
    if not any(s.kind == "handle" for s in line):
        return False
    other = collapse("".join(s.text for s in line if s.kind != "handle"))
    return len(other.strip(SEPARATORS).split()) <= 2


def _stands_alone(line: list[Segment], seed: Element, chosen: set[Element]) -> bool:
    """Whether a permalink is a field of its line rather than words of a sentence.

    A link showing the date may share its line with the name and handle; a link with
    words ("View post", "apparently hates this") must be alone on its line.
    """
    label = part_text(seed, line)
    if not label or is_date_text(label):
        return True
    others = collapse("".join(s.text for s in line if s.part is not seed))
    return len(others.strip(SEPARATORS)) <= 2


def _lead_in(lines: list[list[Segment]], *, need_colon: bool) -> tuple[int, str, str] | None:
    """A permalink that introduces the post's text on its line: "Ada <a>tweets:</a> Hi…".

    Returns the line number, the text before the link (the name) and after it.
    """
    for number, line in enumerate(lines):
        at = next((i for i, s in enumerate(line) if s.kind == "seed"), None)
        if at is None:
            continue
        label = collapse("".join(s.text for s in line if s.kind == "seed"))
        if (need_colon and not label.endswith(":")) or len(label) > _MAX_LEAD_LABEL:
            return None
        if is_date_text(label) or not label.strip(SEPARATORS):
            return None
        if not need_colon and (
            len(label.split()) > _MAX_BARE_LEAD_WORDS or _width(label) > _MAX_BARE_LEAD_LABEL
        ):
            return None  # "thanked the crews": words of a sentence, not a verb for "posts"
        before = collapse("".join(s.text for s in line[:at] if s.kind != "seed"))
        after = collapse("".join(s.text for s in line[at:] if s.kind != "seed"))
        if len(after) < MIN_TEXT_CHARS or len(before) > MAX_FIELD_CHARS:
            return None
        return number, before.strip(SEPARATORS), after.lstrip(SEPARATORS)
    return None


def _is_own_account(profile: Element, ref: PostRef | None, user: str | None) -> bool:
    """Whether a profile link is the account of the post: same platform, same name when
    the permalink names one (a LinkedIn activity URL names none)."""
    if ref is None or ref.platform not in {"facebook", "linkedin"} or not user:
        return False
    host = (profile.get("href") or "").lower()
    if ref.platform not in host:
        return False
    return ref.handle is None or ref.handle.lower() == user.lower()


def _shown_user(shown: str, *, keep_case: bool = False) -> str:
    """A shown account name without its mark: "@ada" and Reddit's "u/ada" are "ada"."""
    user = shown.lstrip("@＠")
    user = user[2:] if user.startswith("u/") else user
    return user if keep_case else user.lower()


def _seed_is_date(
    lines: list[list[Segment]],
    seed: Element | None,
    date_el: Element | None,
    date_line: int | None,
) -> bool:
    """Whether the card's date is the permalink's own text."""
    if seed is None or date_el is None or date_line is None:
        return False
    return any(s.part is date_el and s.kind == "seed" for s in lines[date_line])


def _header_line(lines: list[list[Segment]], texts: list[str], field_lines: set[int]) -> int | None:
    """The first line that shows words, when it is short enough to be a name and more
    text follows it."""
    shown = [
        number
        for number, line in enumerate(lines)
        if number not in field_lines
        and not all(s.kind in {"ui", "seed", "permalink"} or not s.text.strip() for s in line)
        and any(c.isalpha() for c in texts[number])
    ]
    if len(shown) < 2:
        return None
    first = texts[shown[0]]
    if len(first) > MAX_FIELD_LINE_CHARS or len(first.split()) > _MAX_NAME_WORDS:
        return None
    return None if is_date_text(first) or FOLLOW_LABEL.match(first) else shown[0]


def _is_platform_button(line: list[Segment], text: str) -> bool:
    """Whether a line is one link labelled with a platform's name ("View on Twitter")."""
    anchors = {s.anchor for s in line if s.text.strip()}
    if len(anchors) != 1 or None in anchors or len(text) > MAX_LABEL_CHARS:
        return False
    return PLATFORM_LABEL.search(text) is not None


def _width(text: str) -> int:
    """How wide a text shows: CJK characters (one word each) count twice."""
    return len(text) + sum(1 for c in text if c >= "\u2e80")


def _is_headline(lines: list[list[Segment]], seed: Element) -> bool:
    """Whether the permalink shows a headline (long words) beside text of its own."""
    for number, element in parts_of(lines, "seed"):
        if element is seed:
            label = part_text(seed, lines[number])
            return _width(label) >= _MIN_HEADLINE_WIDTH and not is_date_text(label)
    return False


def _name_like_handle(texts: list[str], handle: str) -> str | None:
    """The nearest short line above that names the handle's owner.

    "Ada Example" or "Ada Example, city reporter" for ``ada_example``, ``adaexample``,
    ``example_ada`` or ``AE``: the words before a comma spell the handle, are its
    initials, or one long word of them is in it.
    """
    squeezed = re.sub(r"[^a-z0-9]", "", handle.lower())
    if not squeezed:
        return None
    for text in reversed(texts):
        if len(text) > MAX_FIELD_CHARS:
            continue
        words = [re.sub(r"[^a-z0-9]", "", w.lower()) for w in text.split(",")[0].split()]
        words = [w for w in words if w]
        if not words or len(words) > MAX_FIELD_LINE_WORDS:
            continue
        if (
            "".join(words) in squeezed
            or "".join(w[0] for w in words) == squeezed
            or any(len(w) >= 4 and w in squeezed for w in words)
        ):
            return text
    return None


def _is_visual(seed: Element | None, kinds: ElementKinds) -> bool:
    """Whether a permalink shows a picture (a screenshot, a thumbnail) rather than words."""
    if seed is None:
        return False
    for element in seed.iter():
        if element.tag == "img" or "url(" in (element.get("style") or ""):
            return True
    return False


def _text_before(line: list[Segment], part: Element) -> str:
    out = []
    for segment in line:
        if segment.part is part:
            break
        if segment.kind in {"ui", "seed", "date"}:
            continue
        out.append(segment.text)
    return "".join(out)
