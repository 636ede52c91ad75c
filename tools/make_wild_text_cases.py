"""Make plain-text cases from the wild corpus pages, with four HTML-to-text converters.

The wild pages (``../shared/corpus/wild/``) are third-party text: the cases made here
are written to a cache directory outside the repository, never committed.  Each case
is an excerpt of one converter's output that keeps three lines of the article above a
labelled post and runs down past its byline, labelled with the posts whose text
starts inside it.  A post counts as one the text still shows when the excerpt holds
its ``@handle`` (Facebook: its id): without it, what is left is a link, not a post.

The converters, as ``../shared/corpus/README.md`` describes them: trafilatura
``extract()`` defaults; html2text as Markdown with links and as plain text (links and
emphasis ignored); BeautifulSoup ``get_text("\\n")`` after dropping script and style.
They are development tools (``pip install -e ".[corpus]"``), never runtime
dependencies.

Usage::

    python tools/make_wild_text_cases.py [--wild DIR] [--out FILE]

prints the path of the JSON-lines file it wrote (``text_cases.jsonl`` records, the
format of the first corpus).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_WILD = ROOT / ".." / "shared" / "corpus" / "wild"
DEFAULT_OUT = Path(tempfile.gettempdir()) / "tweetresolve-wild-text-cases.jsonl"

#: Lines of the article kept above a post's first line.
LINES_ABOVE = 3
#: How far below a post's first line its byline is looked for.
LINES_BELOW = 14

#: Markdown escapes and list markers, undone before comparing a line with a label.
_MD_NOISE = re.compile(r"\\(?=[!-/:-@\[-`{-~])|^[>\s]*(?:[-*+]\s+)?")
#: A Markdown link, reduced to its shown text for comparing: "[shown](url)".
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\s]*(?:\s+\"[^\"]*\")?\)")
_SPACES = re.compile(r"\s+")


def _converters() -> dict[str, Callable[[str], str]]:
    import html2text  # noqa: PLC0415 - development tool: imported only when run
    import trafilatura  # noqa: PLC0415 - development tool: imported only when run
    from bs4 import BeautifulSoup  # noqa: PLC0415 - development tool: imported only when run

    def markdown(page: str) -> str:
        converter = html2text.HTML2Text()
        converter.body_width = 0
        converter.unicode_snob = True
        converter.ignore_images = True
        return str(converter.handle(page))

    def plain(page: str) -> str:
        converter = html2text.HTML2Text()
        converter.body_width = 0
        converter.unicode_snob = True
        converter.ignore_images = True
        converter.ignore_links = True
        converter.ignore_emphasis = True
        return str(converter.handle(page))

    def soup(page: str) -> str:
        tree = BeautifulSoup(page, "lxml")
        for element in tree(["script", "style"]):
            element.decompose()
        return str(tree.get_text("\n"))

    def extract(page: str) -> str:
        return str(trafilatura.extract(page) or "")

    return {
        "trafilatura 2.3.1 extract() defaults": extract,
        "html2text 2025.4.15 body_width=0 unicode_snob ignore_images": markdown,
        "html2text 2025.4.15 body_width=0 unicode_snob ignore_images ignore_links "
        "ignore_emphasis": plain,
        "beautifulsoup4 get_text('\\n') after dropping script/style": soup,
    }


def _shown(line: str) -> str:
    """A line as a reader sees it: link syntax, escapes and list markers gone."""
    return _SPACES.sub(" ", _MD_NOISE.sub("", _MD_LINK.sub(r"\1", line))).strip()


def _read_page(path: Path) -> str:
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    return data.decode("utf-8", errors="replace")


def _start_line(lines: list[str], probe: str, after: int = -1) -> int:
    for number in range(after + 1, len(lines)):
        if probe in _shown(lines[number]):
            return number
    return -1


def _shows(excerpt: str, post: dict[str, Any]) -> bool:
    """Whether plain text can name the post: its ``@handle`` is in the excerpt (or, for
    Facebook, whose byline has no handle, the post id in the date link)."""
    lowered = excerpt.lower().replace("\\_", "_")
    if post["platform"] == "facebook":
        return bool(post.get("post_id")) and post["post_id"] in excerpt
    handle = (post.get("author_handle") or "").lstrip("@").lower()
    return bool(handle) and not post.get("author_handle_from_url") and "@" + handle in lowered


def cases_of_page(label: dict[str, Any], text: str, converter: str) -> Iterator[dict[str, Any]]:
    """The excerpts of one converter's text, one per labelled post whose start it shows."""
    lines = text.splitlines()
    posts = [p for p in label["posts"] if p.get("text_start") and p.get("form") != "link-only"]
    starts = []
    claimed: dict[str, int] = {}  # posts that start alike ("[Ad]") take the next copy
    for post in posts:
        probe = _SPACES.sub(" ", post["text_start"])[:24].strip()
        found = _start_line(lines, probe, claimed.get(probe, -1)) if len(probe) >= 8 else -1
        claimed[probe] = found if found >= 0 else len(lines)
        starts.append(found)
    for post, first in zip(posts, starts, strict=True):
        if first < 0:
            continue
        top = max(0, first - LINES_ABOVE)
        # Down to the next post's first line, at most LINES_BELOW lines.
        later = [s for s in starts if s > first]
        bottom = min([first + LINES_BELOW, *[s - LINES_ABOVE for s in later]])
        bottom = max(bottom, first + 1)
        excerpt = "\n".join(lines[top:bottom])
        if not _shows(excerpt, post):
            continue
        # Every post of the page that the excerpt shows: its text starts here, or its
        # byline (handle and date) stands here without its text (labelled without it).
        shown = [post]
        excerpt_lines = excerpt.splitlines()
        flat = _SPACES.sub(" ", excerpt)
        for other in label["posts"]:
            if other is post or other.get("form") == "link-only" or not _shows(excerpt, other):
                continue
            probe = _SPACES.sub(" ", other.get("text_start") or "")[:24].strip()
            own = _SPACES.sub(" ", post["text_start"])[:24].strip()
            if probe and probe != own and _start_line(excerpt_lines, probe) >= 0:
                shown.append(other)
            elif (
                other.get("date_text")
                and (other["date_text"], other["author_handle"])
                != (post.get("date_text"), post.get("author_handle"))
                and _SPACES.sub(" ", other["date_text"]) in flat
            ):
                shown.append({**other, "text_start": None})
        yield {
            "source": {
                "file": label["file"],
                "repo": label["source"]["repo"],
                "commit": label["source"]["commit"],
                "path": label["source"]["path"],
                "page_url": label.get("page_url"),
                "converter": converter,
            },
            "lang": label.get("lang"),
            "text": excerpt,
            "posts": shown,
            "has_byline": True,
            "text_start_line": first - top,
        }


def make_cases(wild: Path) -> list[dict[str, Any]]:
    """Every case of every wild page and converter."""
    converters = _converters()
    cases: list[dict[str, Any]] = []
    with (wild / "labels.jsonl").open(encoding="utf-8") as handle:
        labels = [json.loads(line) for line in handle if line.strip()]
    for label in labels:
        if not label["posts"]:
            continue
        page = _read_page(wild / "pages" / label["file"])
        for converter, convert in converters.items():
            try:
                text = convert(page)
            except Exception:
                continue
            cases.extend(cases_of_page(label, text, converter))
    return cases


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--wild", type=Path, default=DEFAULT_WILD)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    cases = make_cases(args.wild)
    with args.out.open("w", encoding="utf-8") as handle:
        for case in cases:
            handle.write(json.dumps(case, ensure_ascii=False) + "\n")
    print(args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
