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

from tweetresolve.families.card_clues import (
    header_line,
    is_dated_by_seed,
    is_headline,
    is_own_account,
    is_platform_button,
    is_reply_context,
    is_visual,
    lead_in,
    name_like_handle,
    same_handle,
    shown_user,
    stands_alone,
    text_before,
)
from tweetresolve.families.card_lines import (
    HANDLE_TEXT,
    MAX_FIELD_LINE_CHARS,
    MAX_FIELD_LINE_WORDS,
    MIN_TEXT_CHARS,
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


# More post links than this on one line make a list of links, not a card's field line
# (and weighing each against the rest of its line would cost the square of their number).
_MAX_LINE_PERMALINKS = 16

# A handle written as text beside a date: "— @city_roads ·".
_LINE_HANDLE = re.compile(r"^[@＠](?P<handle>[A-Za-z0-9_][A-Za-z0-9_.\-]{0,63})$")

# Platforms whose cards show an account name but no display name.
_NAMELESS_PLATFORMS = frozenset({"reddit"})


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
            shown = shown_user(part_text(element, lines[number]))
            if shown and shown == (kinds.profile_user(element) or "").lower():
                handle_el, handle_line = element, number
                break

    name: str | None = None
    handle: str | None = None
    if handle_el is not None and handle_line is not None:
        handle = shown_user(part_text(handle_el, lines[handle_line]), keep_case=True) or None
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

    # A handle written as a line of text ("<b>Ada</b><br>@ada", a newsletter's table).
    if handle_el is None and handle_line is None:
        for number, text in enumerate(texts):
            match = HANDLE_TEXT.match(text)
            if match and (not url_handle or same_handle(match["handle"], url_handle)):
                handle, handle_line = match["handle"], number
                name_lines.add(number)
                break
    # The handle's own line may show the name before it: "Ada Example @ada · 2h".
    if name is None and handle_el is not None and handle_line is not None:
        before = text_before(lines[handle_line], handle_el).strip(SEPARATORS)
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
        if shown_user(shown) == (user or "").lower() or HANDLE_TEXT.match(shown):
            profile_handle = profile_handle or shown_user(shown, keep_case=True)
        elif name is None and len(shown) <= MAX_FIELD_LINE_CHARS and not is_date_text(shown):
            name = shown
            # The post's own account, named and linked (a Facebook page, a LinkedIn
            # member): as telling as a shown handle where the platform shows none.
            named_account = is_own_account(element, ref, user)
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
    dated = is_dated_by_seed(lines, seed, date_el, date_line)
    # The post's own account linked anywhere in the card (an avatar, the name).
    own_account = named_account or _links_own_account(container, ref, kinds)
    first_words = next((n for n, text in enumerate(texts) if any(c.isalpha() for c in text)), None)
    if (
        name is None
        and handle is None
        and dated
        and date_el is not None
        and date_line is not None
        and date_line == first_words
    ):
        # "Museo Ejemplo · <a>2h</a>": the name before the date link on the card's first line.
        before = collapse(text_before(lines[date_line], date_el).strip(SEPARATORS))
        if 0 < len(before) <= MAX_FIELD_LINE_CHARS and not is_date_text(before):
            name = before
    if name is None and handle is None and (dated or own_account):
        header = header_line(lines, texts, field_lines)
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
        and not is_platform_button(line, texts[number])
        and any(c.isalpha() for c in texts[number])
    ]
    # A LinkedIn member's headline ("Editor at Example Gazette") on its own short line
    # under the linked name, before the text.
    if (
        (named_account or account_line in name_lines)
        and ref is not None
        and ref.platform == "linkedin"
        and text_lines
        and account_line is not None
        and texts[account_line] == name  # the name's line shows no headline of its own
        and text_lines[0] == account_line + 1
        and len(texts[text_lines[0]]) <= MAX_FIELD_LINE_CHARS
        and len(texts[text_lines[0]].split()) <= MAX_FIELD_LINE_WORDS
    ):
        text_lines.pop(0)
    # "Replying to @bo": a line of handles above the text is the reply context.
    while len(text_lines) > 1 and is_reply_context(lines[text_lines[0]]):
        text_lines.pop(0)
    # "Bo reposted", "Pinned": a line above the author, when the text follows the author.
    author = min((n for n in (handle_line, *name_lines) if n is not None), default=None)
    context = [n for n in text_lines if author is not None and n < author]
    if context and len(context) < len(text_lines) and all(_is_short(texts[n]) for n in context):
        text_lines = [n for n in text_lines if n not in context]
    text = "\n".join(texts[n] for n in text_lines).strip()

    # A "View on …" link closing a kept byline ("— Ada (@ada) 2h View on X") is a field.
    seed_on_field_line = any(
        number in field_lines
        and (stands_alone(lines[number], element, chosen) or number in name_lines)
        for number, element in parts_of(lines, "seed")
    )
    seed_is_date = is_dated_by_seed(lines, seed, date_el, date_line)
    lead = None
    if seed is not None and not seed_on_field_line:
        lead = lead_in(lines, need_colon=not bare_lead)
    if lead is not None:
        # "Name <a href=permalink>tweets:</a> the text": the link introduces the post.
        number, before, after = lead
        name = before or name or name_like_handle(texts[:number], url_handle)
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
    elif is_visual(seed, kinds):
        ok = has_name or has_handle or has_date
    else:
        # A link with words ("View post") under someone else's handle is a comment
        # linking a post, not the post's card; a link showing a headline beside a
        # teaser is an article list's item that happens to link a post.
        shown_other = bool(url_handle and handle and not same_handle(handle, url_handle))
        identity = has_handle or named_account or (own_account and has_name)
        ok = identity and not shown_other and not is_headline(lines, seed)
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


def _links_own_account(
    container: Element | list[Element], ref: PostRef | None, kinds: ElementKinds
) -> bool:
    """Whether a card links the account of its post (an avatar, the name)."""
    if ref is None or ref.platform not in {"facebook", "linkedin"}:
        return False
    roots = container if isinstance(container, list) else [container]
    return any(
        kinds.anchor_kind(anchor) == "profile"
        and is_own_account(anchor, ref, kinds.profile_user(anchor))
        for root in roots
        for anchor in root.iter("a")
    )


def _is_short(text: str) -> bool:
    """Whether a line is short enough to be a label rather than a post's text."""
    return len(text) <= MAX_FIELD_LINE_CHARS and len(text.split()) <= MAX_FIELD_LINE_WORDS


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
    if holds_texts(seed) or is_visual(seed, kinds):
        return True
    key = kinds.permalink_key(seed) or ("", "")
    if read.permalinks_on_line(block, seed) > _MAX_LINE_PERMALINKS:
        return False
    line = read.line_of(block, seed, key)
    if line is None:
        return True  # not seen as a part (an unusual layout): let the reading decide
    if stands_alone(line, seed, set()):
        return True
    # "— Ada (@ada) 2h <a>View on X</a>": a kept byline closed by the link.
    others = collapse("".join(s.text for s in line if s.kind not in {"seed", "date"}))
    if _NAME_AND_HANDLE.match(others.lstrip(SEPARATORS)):
        return True
    return lead_in([line], need_colon=False) is not None
