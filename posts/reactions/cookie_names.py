"""The name of the anonymous voter's cookie (set and read by posts.reactions.voters).

Defined once, here, in a module that imports nothing, so that settings.py can build the
page cache's PAGE_CACHE_BYPASS_COOKIES from it: a reader who voted gets their own page.
"""

VOTER_COOKIE_NAME = "reactions_voter"

COOKIES = (VOTER_COOKIE_NAME,)
