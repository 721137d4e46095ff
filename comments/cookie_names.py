"""The names of the cookies a commenter's browser keeps (set and read by comments.cookies).

Defined once, here, in a module that imports nothing, so that settings.py can build the
page cache's PAGE_CACHE_BYPASS_COOKIES from the same names: a reader holding one gets their
own page, never the stored one, whatever the cookies are called.
"""

OWN_COOKIE = "comments_mine"  # the ids of their own comments, held ones included
CONFIRMED_COOKIE = "comments_confirmed"  # the e-mail addresses they confirmed
AUTHOR_COOKIE = "comments_author"  # "remember me": name, e-mail, website

COOKIES = (OWN_COOKIE, CONFIRMED_COOKIE, AUTHOR_COOKIE)
