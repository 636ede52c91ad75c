"""Embed families that span platforms: placeholders and posts in page data.

The platform modules read each platform's own embed code.  The families here read
what sites build around it, the same way for every platform: elements their own
code will turn into an embed (:mod:`~tweetresolve.families.placeholders`, form
``placeholder``) and posts that exist only in the page's JSON data
(:mod:`~tweetresolve.families.pagedata`, form ``data``).
"""
