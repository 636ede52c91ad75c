"""What single lines and links of a candidate card say: a permalink standing alone on
its line or introducing the text, a reply context, a headline, a platform's button, the
name above the text, the user an account link shows.

Small predicates over the lines of :mod:`~tweetresolve.families.card_lines`, used by
:func:`~tweetresolve.families.card_parts.read_container`.  Nothing here keys on a class
name.
"""

from __future__ import annotations

import re

from tweetresolve.families.card_lines import (
    FOLLOW_LABEL,
    MAX_FIELD_CHARS,
    MAX_FIELD_LINE_CHARS,
    MAX_FIELD_LINE_WORDS,
    MAX_LABEL_CHARS,
    MIN_TEXT_CHARS,
    PLATFORM_LABEL,
    SEPARATORS,
    ElementKinds,
    Segment,
    collapse,
    is_date_text,
    part_text,
    parts_of,
)
from tweetresolve.html import Element
from tweetresolve.records import PostRef

__all__ = [
    "header_line",
    "is_dated_by_seed",
    "is_headline",
    "is_own_account",
    "is_platform_button",
    "is_reply_context",
    "is_visual",
    "lead_in",
    "name_like_handle",
    "same_handle",
    "shown_user",
    "stands_alone",
    "text_before",
    "width",
]

# A link introducing the text without a colon is one or two words ("tweets", "schreibt").
_MAX_BARE_LEAD_WORDS = 2

# Longest link label that introduces a post's text ("tweets:", "schreibt auf X:").
_MAX_LEAD_LABEL = 30

# Most words before the handles of a reply context ("En respuesta a @bo").
_MAX_REPLY_WORDS = 4

# Words between the handles of a reply context: "@bo and @cy", "@bo und @cy".
_HANDLE_JOINERS = frozenset({"and", "und", "et", "y", "e", "en", "ed", "i", "&"})

# A display name shown without a handle has at most this many words.
_MAX_NAME_WORDS = 6

# A permalink label this wide is a headline, not a call to action ("View on Instagram",
# "Ver esta publicación en Instagram" are narrower).  CJK characters count twice.
_MIN_HEADLINE_WIDTH = 40

# The longest label of a link that introduces a post without a colon ("posts", "schreibt").
_MAX_BARE_LEAD_LABEL = 16


def same_handle(shown: str, from_url: str) -> bool:
    shown, from_url = shown.lower(), from_url.lower()
    return shown == from_url or shown.split("@")[0] == from_url.split("@")[0]


def is_reply_context(line: list[Segment]) -> bool:
    """A line naming handles after at most a few words ("Replying to @bo @cy",
    "En réponse à @bo"); words after the handles make it a sentence."""
    at = next((i for i, s in enumerate(line) if s.kind == "handle"), None)
    if at is None:
        return False
    before = collapse("".join(s.text for s in line[:at]))
    after = collapse("".join(s.text for s in line[at:] if s.kind != "handle"))
    words = len(before.strip(SEPARATORS).split())
    rest = [w for w in after.strip(SEPARATORS).split() if w.lower() not in _HANDLE_JOINERS]
    return words <= 2 or (words <= _MAX_REPLY_WORDS and not rest)


def stands_alone(line: list[Segment], seed: Element, chosen: set[Element]) -> bool:
    """Whether a permalink is a field of its line rather than words of a sentence.

    A link showing the date may share its line with the name and handle; a link with
    words ("View post", "apparently hates this") must be alone on its line.
    """
    label = part_text(seed, line)
    if not label or is_date_text(label):
        return True
    others = collapse("".join(s.text for s in line if s.part is not seed))
    return len(others.strip(SEPARATORS)) <= 2


def lead_in(lines: list[list[Segment]], *, need_colon: bool) -> tuple[int, str, str] | None:
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
            len(label.split()) > _MAX_BARE_LEAD_WORDS or width(label) > _MAX_BARE_LEAD_LABEL
        ):
            return None  # "thanked the crews": words of a sentence, not a verb for "posts"
        before = collapse("".join(s.text for s in line[:at] if s.kind != "seed"))
        after = collapse("".join(s.text for s in line[at:] if s.kind != "seed"))
        if len(after) < MIN_TEXT_CHARS or len(before) > MAX_FIELD_CHARS:
            return None
        return number, before.strip(SEPARATORS), after.lstrip(SEPARATORS)
    return None


def is_own_account(profile: Element, ref: PostRef | None, user: str | None) -> bool:
    """Whether a profile link is the account of the post: same platform, same name when
    the permalink names one (a LinkedIn activity URL names none)."""
    if ref is None or ref.platform not in {"facebook", "linkedin"} or not user:
        return False
    host = (profile.get("href") or "").lower()
    if ref.platform not in host:
        return False
    return ref.handle is None or ref.handle.lower() == user.lower()


def shown_user(shown: str, *, keep_case: bool = False) -> str:
    """A shown account name without its mark: "@ada" and Reddit's "u/ada" are "ada"."""
    user = shown.lstrip("@＠")
    user = user[2:] if user.startswith("u/") else user
    return user if keep_case else user.lower()


def is_dated_by_seed(
    lines: list[list[Segment]],
    seed: Element | None,
    date_el: Element | None,
    date_line: int | None,
) -> bool:
    """Whether the card's date is the permalink's own text."""
    if seed is None or date_el is None or date_line is None:
        return False
    return any(s.part is date_el and s.kind == "seed" for s in lines[date_line])


def header_line(lines: list[list[Segment]], texts: list[str], field_lines: set[int]) -> int | None:
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


def is_platform_button(line: list[Segment], text: str) -> bool:
    """Whether a line is one link labelled with a platform's name ("View on Twitter")."""
    anchors = {s.anchor for s in line if s.text.strip()}
    if len(anchors) != 1 or None in anchors or len(text) > MAX_LABEL_CHARS:
        return False
    return PLATFORM_LABEL.search(text) is not None


def width(text: str) -> int:
    """How wide a text shows: CJK characters (one word each) count twice."""
    return len(text) + sum(1 for c in text if c >= "\u2e80")


def is_headline(lines: list[list[Segment]], seed: Element) -> bool:
    """Whether the permalink shows a headline (long words) beside text of its own."""
    for number, element in parts_of(lines, "seed"):
        if element is seed:
            label = part_text(seed, lines[number])
            return width(label) >= _MIN_HEADLINE_WIDTH and not is_date_text(label)
    return False


def name_like_handle(texts: list[str], handle: str) -> str | None:
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


def is_visual(seed: Element | None, kinds: ElementKinds) -> bool:
    """Whether a permalink shows a picture (a screenshot, a thumbnail) rather than words."""
    if seed is None:
        return False
    for element in seed.iter():
        if element.tag == "img" or "url(" in (element.get("style") or ""):
            return True
    return False


def text_before(line: list[Segment], part: Element) -> str:
    out = []
    for segment in line:
        if segment.part is part:
            break
        if segment.kind in {"ui", "seed", "date"}:
            continue
        out.append(segment.text)
    return "".join(out)
