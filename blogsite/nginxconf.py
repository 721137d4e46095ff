"""Render deploy/nginx.conf, the nginx in front of the app servers, from the settings.

What makes a page personal (PAGE_CACHE_BYPASS_COOKIES), which query parameters are
tracking (the page cache's list plus PAGE_CACHE_TRACKING_PARAMETERS) and the language
cookie the home page reads are the app's own settings: the nginx map is generated from them,
so a cookie added to the app is never forgotten in front of it. Used by
`manage.py render_nginx_conf` (production), deploy/serve.py (`make serve`), the tests and
the benches.
"""

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.template import Context, Engine

from blogsite.frontcache import front_cache_settings

TEMPLATE = Path(__file__).resolve().parent.parent / "deploy" / "nginx.conf"
DEFAULT_TRACKING_PARAMETERS = ("utm_*", "fbclid", "gclid", "mc_cid", "mc_eid", "ref")
# Tracking parameters taken off per address; more than this many stay in the cache key (a
# separate entry, still correct).
TRACKING_STEPS = 6
COOKIE_NAME = re.compile(r"^[A-Za-z0-9_.\-]+$")
PARAMETER_PATTERN = re.compile(r"^[A-Za-z0-9_.\-]+\*?$")


@dataclass
class FrontOptions:
    """Where nginx listens and what it passes to; the rest comes from the settings."""

    upstreams: list[str] = field(default_factory=lambda: ["127.0.0.1:8000"])
    listen: str = "80"
    server_name: str = "_"
    cache_dir: str = "/var/cache/nginx/blog"
    cache_zone_size: str = "10m"
    cache_max_size: str = "1g"
    static_root: str = ""
    media_root: str = ""
    tls_certificate: str = ""
    tls_certificate_key: str = ""
    client_max_body_size: str = "64m"
    keepalive: int = 16
    # A whole nginx.conf (events, http, pid and temporary files under run_dir) instead of
    # a server block to include in the system's http {}.
    standalone: bool = False
    run_dir: str = ""
    worker_processes: str = "auto"
    access_log: bool = False
    mime_types: str = "/etc/nginx/mime.types"


def bypass_cookies() -> list[str]:
    names = list(getattr(settings, "PAGE_CACHE_BYPASS_COOKIES", ()))
    for name in names:
        if not COOKIE_NAME.match(name):
            raise ValueError(f"PAGE_CACHE_BYPASS_COOKIES: {name!r} is not a plain cookie name")
    return names


def tracking_parameters() -> list[str]:
    """The page cache's tracking parameters ("prefix*" for a prefix), as the app drops them."""
    try:
        from blogsite.pagekeys import tracking_parameters as of_the_page_cache
    except ImportError:  # a page cache that keys on the whole address: the setting alone
        extra = getattr(settings, "PAGE_CACHE_TRACKING_PARAMETERS", ())
        names = list(DEFAULT_TRACKING_PARAMETERS)
        names += [name for name in extra if name not in DEFAULT_TRACKING_PARAMETERS]
    else:
        names = list(of_the_page_cache())
    for name in names:
        if not PARAMETER_PATTERN.match(name):
            raise ValueError(f"tracking parameter {name!r}: letters, digits, _ . - and a final *")
    return names


def _parameter_regex(names) -> str:
    return "|".join(
        re.escape(name[:-1]) + "[^&=]*" if name.endswith("*") else re.escape(name)
        for name in names
    )


def context(options: FrontOptions) -> dict:
    cookies = bypass_cookies()
    tracking = tracking_parameters()
    sources = ["$args"] + [f"$blog_args_{n}" for n in range(1, TRACKING_STEPS + 1)]
    steps = [
        {"source": source, "target": target, "pre": f"blog_pre_{n}", "post": f"blog_post_{n}"}
        for n, (source, target) in enumerate(zip(sources, sources[1:], strict=False), start=1)
    ]
    return {
        **vars(options),
        "upstreams": list(options.upstreams),
        "run_as_root": options.standalone and os.geteuid() == 0,
        "static_url": "/" + settings.STATIC_URL.strip("/") + "/",
        "media_url": "/" + settings.MEDIA_URL.strip("/") + "/",
        "static_root": str(options.static_root).rstrip("/"),
        "media_root": str(options.media_root).rstrip("/"),
        "bypass_cookies": cookies,
        "bypass_cookie_regex": "(?:^|;) *(?:" + "|".join(re.escape(c) for c in cookies) + ")=",
        "tracking_parameters": tracking,
        "tracking_regex": _parameter_regex(tracking),
        "tracking_steps": steps,
        "tracking_last": sources[-1],
        "language_cookie": settings.LANGUAGE_COOKIE_NAME,
        "shared_max_age": front_cache_settings.SHARED_MAX_AGE,
        "stale_while_revalidate": front_cache_settings.STALE_WHILE_REVALIDATE,
    }


def render(options: FrontOptions) -> str:
    """The nginx configuration for `options`, as text."""
    template = Engine(autoescape=False).from_string(TEMPLATE.read_text())
    return template.render(Context(context(options), autoescape=False))
