"""What a shared cache in front of the app (nginx, a CDN) may do with an anonymous page.

The page cache (blogsite.pagecache) knows when a stored page goes stale: a write bumps a
generation, and every app server sees it at once. A cache in front cannot see those bumps,
so it may keep a page only briefly: `s-maxage` (FRONT_CACHE_SHARED_MAX_AGE) seconds, then
`stale-while-revalidate` more while it fetches the page again in the background. Their sum
(plus a second: nginx counts whole seconds) bounds how long a reader may still see a removed
comment or an unpublished article (at most 10 s is promised: `check` refuses more).
`stale-if-error` lets the copy stand in while the app cannot answer (a database outage's
503, every app server down).

Browsers get `max-age=0`: they ask again every time (a cheap 304 from the front).
"""

from django.core import checks

from blogsite.appsettings import AppSettings, Int

front_cache_settings = AppSettings(
    "FRONT_CACHE_",
    SHARED_MAX_AGE=Int(2, minimum=0),
    STALE_WHILE_REVALIDATE=Int(6, minimum=0),
    STALE_IF_ERROR=Int(86400, minimum=0),
)

# What the site promises: a change shows on every page within this many seconds.
MAX_LAG_SECONDS = 10


def lag() -> int:
    """The longest a cache in front may serve a page after it changed, in seconds: its
    lifetime, the stale window, and one more for nginx counting in whole seconds."""
    shared = front_cache_settings
    return shared.SHARED_MAX_AGE + shared.STALE_WHILE_REVALIDATE + 1


def public_cache_control() -> str:
    """The Cache-Control of a page every anonymous reader shares."""
    return (
        f"public, max-age=0, s-maxage={front_cache_settings.SHARED_MAX_AGE}, "
        f"stale-while-revalidate={front_cache_settings.STALE_WHILE_REVALIDATE}, "
        f"stale-if-error={front_cache_settings.STALE_IF_ERROR}"
    )


@checks.register
def check_front_cache_lag(app_configs=None, **kwargs):
    try:
        seconds = lag()
    except ValueError:
        return []  # a bad value is reported by the app settings' own check
    if seconds <= MAX_LAG_SECONDS:
        return []
    return [
        checks.Error(
            f"FRONT_CACHE_SHARED_MAX_AGE + FRONT_CACHE_STALE_WHILE_REVALIDATE + 1 is {seconds} "
            f"s: a change could take longer than {MAX_LAG_SECONDS} s to reach readers.",
            id="blogsite.E020",
        )
    ]
