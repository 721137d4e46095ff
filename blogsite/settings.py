"""Settings for the blog, read from the environment with safe local defaults.

Environment variables: DJANGO_DEBUG, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL,
REDIS_URL, SITE_URL, EMAIL_URL (or EMAIL_HOST...), DEFAULT_FROM_EMAIL, SERVER_EMAIL
(the sender of error reports to ADMINS; DEFAULT_FROM_EMAIL by default), AKISMET_API_KEY,
TASKS_BACKEND ("immediate" or "database"), DJANGO_SECURE_SSL_REDIRECT, DJANGO_LOG_LEVEL,
DJANGO_LOG_FORMAT ("text" or "json").
App settings (COMMENTS_*, REACTIONS_*, SPAM_*, SUBSCRIPTIONS_*, PRIVACY_*, ACCOUNTS_*) are
declared, typed, in each app's conf.py (see blogsite/appsettings.py) and checked by
`manage.py check`.
"""

import json
import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

# Modules of names that import nothing: the cookies the page cache must not serve a copy to.
from comments import cookie_names as comment_cookie_names
from posts import cookie_names as posts_cookie_names
from posts.reactions import cookie_names as reaction_cookie_names

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not env_bool("DJANGO_ALLOW_INSECURE_KEY", False):
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off "
            "(set DJANGO_DEBUG=1 for local development)."
        )
    # Only for local development and tests: never used with debug off.
    SECRET_KEY = "django-insecure-local-development-key-do-not-use-in-production"

SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# The name in e-mail subjects and on replies a moderator writes as the site.
# Empty: the catalogue's name in each language (blogsite.sitename).
SITE_NAME = os.environ.get("SITE_NAME", "")
# Who runs the site and how readers reach them, for the privacy page (the data controller).
SITE_OWNER = os.environ.get("SITE_OWNER", SITE_NAME)  # empty: the blog's name
SITE_CONTACT_EMAIL = os.environ.get("SITE_CONTACT_EMAIL", "")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1],testserver")
_site_host = urlsplit(SITE_URL).hostname
if _site_host and _site_host not in ALLOWED_HOSTS:
    ALLOWED_HOSTS.append(_site_host)
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS") or (
    [SITE_URL] if SITE_URL.startswith("https://") else []
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.redirects",  # old WordPress addresses (editable in the admin)
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "csp",
    "django_tasks",
    "blogsite.taskapp.TasksDatabaseConfig",  # django_tasks_db, its name translated
    "allauth",
    "allauth.account",
    "allauth.mfa",  # two factors (TOTP, recovery codes), required of staff by a setting
    "allauth.socialaccount",
    # Any OpenID Connect provider (Google, Microsoft, GitLab, Keycloak...) is then added from
    # the admin as a "Social application" with provider "openid_connect": no code change.
    "allauth.socialaccount.providers.openid_connect",
    "blogsite",
    "posts",
    "posts.reactions",
    "posts.subscriptions",
    "comments",
    "comments.spam",
    # Above posts and comments: the move-in from WordPress and back out.
    "wordpress",
]

MIDDLEWARE = [
    # First, so every log line a request causes carries its id.
    "blogsite.logs.RequestIdMiddleware",
    "blogsite.middleware.ForwardedForMiddleware",
    # A view's database outage (unreachable, read-only) is a 503 with the reader's text.
    "blogsite.outage.DatabaseOutageMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise, which serves its own precompressed .br/.gz files.
    "django.middleware.gzip.GZipMiddleware",
    "csp.middleware.CSPMiddleware",
    "blogsite.middleware.PermissionsPolicyMiddleware",
    # Before anything reads the session or the database: NUL is a 400, never a 500.
    "blogsite.middleware.RejectNulMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Old WordPress addresses in the query string (/?p=12) name one article whatever the
    # reader's language: answered before the home page's language redirect.
    "wordpress.middleware.WordPressQueryAddressMiddleware",
    "blogsite.middleware.PreferredLanguageMiddleware",
    # A 404 whose path is another language's words (/en/articoli/...): 301 to this one's.
    "blogsite.addresses.OtherLanguageAddressMiddleware",
    # After the home page's language redirect, before CSRF, auth and messages: a stored
    # page is answered without them.
    "blogsite.pagecache.PageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "blogsite.personal.PersonalPageMiddleware",
    "blogsite.reader.ReaderMiddleware",  # request.reader: who the reader is, read once
    "django.contrib.messages.middleware.MessageMiddleware",
    # Staff without an authenticator app are sent to add one before the admin (when
    # ACCOUNTS_STAFF_MFA_REQUIRED).
    "blogsite.accounts.mfa.StaffTwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Old WordPress addresses on a 404 or a page's temporary redirect, then the redirect
    # rows the import wrote.
    "wordpress.middleware.WordPressIdRedirectMiddleware",
    "django.contrib.redirects.middleware.RedirectFallbackMiddleware",
]

# Reverse proxies in front of the app whose X-Forwarded-For is trusted (0: none, the
# default, so a client cannot forge its address).
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))

ROOT_URLCONF = "blogsite.urls"
WSGI_APPLICATION = "blogsite.wsgi.application"
ASGI_APPLICATION = "blogsite.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "blogsite.context_processors.site",
                "blogsite.pagecache.csrf_context",  # last: overrides the CSRF token
            ],
        },
    },
    {
        # One template only: a comment of an article page (comments/rendering.py says why
        # it is Jinja2). A site overrides it with templates/comments/comment.html.
        "NAME": "comments",
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,  # comments/jinja2/
        "OPTIONS": {
            "environment": "comments.templating.environment",  # escapes as Django does
            "autoescape": True,
            "trim_blocks": True,
            "lstrip_blocks": True,
            "keep_trailing_newline": True,
        },
    },
]

# Django's plain input widgets written in Python (the same markup, without a template per
# field): see blogsite/formrenderer.py.
FORM_RENDERER = "blogsite.formrenderer.FastDjangoTemplates"

# Database: an SQLite file by default, PostgreSQL (or anything dj-database-url knows) via
# DATABASE_URL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django's SQLite backend, where a read with an out-of-range id matches no row instead
    # of failing (blogsite/sqlite3/base.py).
    DATABASES["default"]["ENGINE"] = "blogsite.sqlite3"
    # WAL and a busy timeout let runserver's threads and the task worker share the file.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory by default, Redis via REDIS_URL (shared by all app processes, which
# the rate limits and reaction caps rely on).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # RedisCache that degrades (logged) instead of answering 500 when Redis is down.
            "BACKEND": "blogsite.cache_backend.FailsafeRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "blogsite"),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1.0},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "blogsite",
        }
    }

# The page cache (blogsite/pagecache.py), in the cache above: shared by all app servers.
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE_ENABLED", "1") not in ("0", "false", "no")
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "600"))  # seconds, at most
PAGE_CACHE_COUNTS_LAG = int(os.environ.get("PAGE_CACHE_COUNTS_LAG", "10"))  # reaction counts
# Readers holding one of these cookies get their own page, uncached: their session (signed
# in), one-off messages, their comments and remembered details, their vote. Built from the
# names each owner defines once (tests/test_page_cache_cookies.py checks that every cookie
# the site sets is here or harmless); nginx's bypass in front is generated from this list.
SESSION_COOKIE_NAME = "sessionid"  # Django's default, named here for the list below
MESSAGES_COOKIE_NAME = "messages"  # django.contrib.messages' CookieStorage.cookie_name
PAGE_CACHE_BYPASS_COOKIES = (
    SESSION_COOKIE_NAME,
    MESSAGES_COOKIE_NAME,
    *comment_cookie_names.COOKIES,
    *reaction_cookie_names.COOKIES,
    *posts_cookie_names.COOKIES,
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "blogsite.accounts.passwords.MinimumLengthValidator"},  # its message translated
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# The content languages (SITE_LANGUAGES=fr,en for a French blog with English beside it): the
# first is served at /, each other one under /<code>/. Italian first, English second unless told.
SITE_LANGUAGES = env_list("SITE_LANGUAGES", "it,en")
_unknown_languages = [code for code in SITE_LANGUAGES if code not in LANG_INFO or "-" in code]
if _unknown_languages or not SITE_LANGUAGES or len(set(SITE_LANGUAGES)) != len(SITE_LANGUAGES):
    raise ImproperlyConfigured(
        f"SITE_LANGUAGES={','.join(SITE_LANGUAGES)}: give distinct language codes Django "
        f"knows, without a region (it, en, fr, de...); unknown: {', '.join(_unknown_languages)}."
    )
LANGUAGE_CODE = SITE_LANGUAGES[0]
# Django's own catalogues translate these names ("French" is "Francese" in Italian).
LANGUAGES = [(code, _(LANG_INFO[code]["name"])) for code in SITE_LANGUAGES]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The reader's choice of language (set by the switcher) outlives the browser session.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "Europe/Rome")
USE_I18N = True
USE_TZ = True
# Italian dates as Italian writes them ("8 dicembre 2026"), in the admin too.
FORMAT_MODULE_PATH = ["blogsite.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Files nobody may download: WordPress exports uploaded in the admin (e-mail addresses, IP
# addresses, drafts). Outside MEDIA_ROOT, with no URL; on several hosts, a private bucket.
PRIVATE_ROOT = Path(os.environ.get("PRIVATE_ROOT", BASE_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_ROOT, "base_url": None},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# Tests and `make run` serve files straight from the finders (no collectstatic needed).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

SITE_ID = 1

# E-mail: the console by default; SMTP through EMAIL_HOST and friends.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# An address alone is sent under the blog's name in the e-mail's language (blogsite.mail);
# "Name <address>" is used as it is.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@localhost")
# The sender of the error reports mailed to ADMINS: an address the admins' mail server
# accepts may not be the readers' noreply one.
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Background work (notifications, Akismet reports): run immediately by default; with
# TASKS_BACKEND=database they are queued and run by `manage.py db_worker`.
TASKS = {
    "default": {
        "BACKEND": (
            "django_tasks_db.DatabaseBackend"
            if os.environ.get("TASKS_BACKEND") == "database"
            else "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}

# Accounts (django-allauth, two factors): blogsite/settings_accounts.py; these two depend
# on the site.
from blogsite.settings_accounts import *  # noqa: E402, F403

ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https://") else "http"
MFA_TOTP_ISSUER = SITE_NAME

AKISMET_API_KEY = os.environ.get("AKISMET_API_KEY", "")
AKISMET_BLOG_URL = os.environ.get("AKISMET_BLOG_URL", SITE_URL)

# The apps' own settings (defaults in posts/conf.py, comments/conf.py, comments/spam/conf.py,
# blogsite/accounts/conf.py)
# can be set from the environment too: a JSON value (20, true, ["a.example"]) or a plain
# string ("5/m"). E.g. REACTIONS_IP_HOURLY_LIMIT=0 COMMENTS_HOLD_ALL=true.
APP_SETTING_PREFIXES = (
    "FRONT_CACHE_",
    "COMMENTS_",
    "REACTIONS_",
    "SPAM_",
    "AKISMET_",
    "SUBSCRIPTIONS_",
    "PRIVACY_",
    "SIGNUP_",
    "ACCOUNTS_",
    "PAGE_CACHE_",
)
for _name, _value in os.environ.items():
    if _name.startswith(APP_SETTING_PREFIXES) and _name not in globals():
        try:
            globals()[_name] = json.loads(_value)
        except ValueError:
            globals()[_name] = _value

# Security: strict with debug off; `manage.py check --deploy` is clean in production.
SESSION_COOKIE_HTTPONLY = True
# A refused CSRF check shows the site's page, translated, with the typed text to send again.
CSRF_FAILURE_VIEW = "blogsite.views.csrf_failure"
CSRF_COOKIE_HTTPONLY = False  # the reactions JS reads the token from the cookie
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Content-Security-Policy and Permissions-Policy: blogsite/settings_policies.py.
from blogsite.settings_policies import *  # noqa: E402, F403

LANGUAGE_COOKIE_SAMESITE = "Lax"
if not DEBUG:
    LANGUAGE_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# Logging (text or JSON lines, request ids, quiet refusals): blogsite/settings_logging.py.
from blogsite.settings_logging import *  # noqa: E402, F403
