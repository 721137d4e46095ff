"""The name of the cookie of a reader who typed a protected item's password (set and read by
posts.protection).

Defined once, here, in a module that imports nothing, so that settings.py can build the
page cache's PAGE_CACHE_BYPASS_COOKIES from it: such a reader gets their own pages.
"""

UNLOCKED_COOKIE = "posts_unlocked"

COOKIES = (UNLOCKED_COOKIE,)
