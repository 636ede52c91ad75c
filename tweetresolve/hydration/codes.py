"""The fixed sets of codes hydration reports: failures and warnings.

A failed lookup is a value, ``Hydration(ok=False, error=<code>)``, never an
exception.  The code is one of :data:`HYDRATION_ERROR_CODES`: the platform's own
answers first, then the network codes the expander uses (same meaning).

>>> "deleted" in HYDRATION_ERROR_CODES and "timeout" in HYDRATION_ERROR_CODES
True
>>> warning_for("deleted")
'hydration_deleted'
"""

from __future__ import annotations

from typing import Final, Literal, get_args

from tweetresolve.expansion.codes import ERROR_CODES

__all__ = [
    "GONE_CODES",
    "HYDRATION_ERROR_CODES",
    "HYDRATION_WARNINGS",
    "HydrationErrorCode",
    "warning_for",
]

#: Every failure code, as a type.
HydrationErrorCode = Literal[
    # What the platform answered.
    "not_found",  # no such post (404, or an empty answer)
    "deleted",  # the platform says the post was deleted (a tombstone)
    "protected",  # the author limits who can see it (protected, private, age-gated)
    "suspended",  # the author's account is suspended
    "rate_limited",  # 429 after every retry, or a Retry-After longer than allowed
    "needs_token",  # the source needs an access token (Meta) that was not given or was refused
    "bad_response",  # not the JSON the source documents (HTML error page, truncated, wrong type)
    "unsupported",  # no source can look this post up (no id, or a platform without one)
    # The network codes of the expander.
    "invalid_url",
    "blocked_address",
    "dns",
    "connect",
    "tls",
    "timeout",
    "network",
    "protocol",
    "http_status",
    "too_many_redirects",
    "redirect_loop",
    "invalid_redirect",
    "unsupported_scheme",
    "body_too_large",
]

#: Every failure code, in documentation order.
HYDRATION_ERROR_CODES: Final[tuple[HydrationErrorCode, ...]] = get_args(HydrationErrorCode)

#: Answers that say the post is gone for good; cached with their own lifetime.
GONE_CODES: Final[frozenset[str]] = frozenset({"not_found", "deleted", "protected", "suspended"})

#: Warnings hydration adds to ``Post.warnings`` when the page and the platform
#: disagree; the page's value is kept.
DISAGREEMENT_WARNINGS: Final[tuple[str, ...]] = (
    "hydration_text_differs",
    "hydration_author_differs",
    "hydration_date_differs",
    "hydration_lang_differs",
)

#: Every warning hydration can add: the disagreements, then ``hydration_<code>``
#: for a failed lookup (``hydration_deleted``, ``hydration_timeout``, …).
HYDRATION_WARNINGS: Final[tuple[str, ...]] = DISAGREEMENT_WARNINGS + tuple(
    f"hydration_{code}" for code in HYDRATION_ERROR_CODES if code != "unsupported"
)

# The expander's codes are all hydration codes too; checked at import, cheaply.
assert set(ERROR_CODES) <= set(HYDRATION_ERROR_CODES)


def warning_for(code: str) -> str:
    """The warning a post gets when its lookup failed with ``code``."""
    return f"hydration_{code}"
