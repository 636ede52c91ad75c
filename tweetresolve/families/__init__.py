"""Embed families that span platforms: placeholders, posts in page data, site-made cards.

The platform modules read each platform's own embed code.  The families here read
what sites build around it, the same way for every platform: elements their own
code will turn into an embed (:mod:`~tweetresolve.families.placeholders`, form
``placeholder``), posts that exist only in the page's JSON data
(:mod:`~tweetresolve.families.pagedata`, form ``data``), and posts a site draws
itself, recognised by their structure (:mod:`~tweetresolve.families.cards`, form
``card``).
"""
