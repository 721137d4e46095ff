"""Settings for the blog, read from the environment with safe local defaults.

Environment variables: DJANGO_DEBUG, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL,
REDIS_URL, SITE_URL, EMAIL_URL (or EMAIL_HOST...), DEFAULT_FROM_EMAIL, AKISMET_API_KEY,
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
SITE_NAME = os.environ.get("SITE_NAME", "Esperienza Cliente")
# Who runs the site and how readers reach them, for the privacy page (the data controller).
SITE_OWNER = os.environ.get("SITE_OWNER", SITE_NAME)
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
    # Old WordPress addresses: /?p=ID and friends by id, then (on a 404 only) the
    # redirect rows the import wrote.
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
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
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
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Blog <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

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

# Accounts (django-allauth).
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email", "username"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
# Readers choose the name shown with their comments at sign-up (posts.models.Profile).
ACCOUNT_SIGNUP_FORM_CLASS = "posts.forms.SignupForm"
# Sign-up spam: no throwaway addresses (SIGNUP_BLOCKED_EMAIL_DOMAINS, posts.accounts), a
# honeypot field in the form above, and the "signup" rate below.
# The header and allauth's messages name the reader as everything else does.
ACCOUNT_USER_DISPLAY = "posts.models.display_name"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# Confirming the address in the browser that signed up signs the reader in and takes them
# back to where they signed up from (the `next` of the sign-up link, e.g. an article).
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# A changed or newly set password, a changed e-mail address: the page says so, and so does an
# e-mail to the account (whoever made the change, the owner hears of it).
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https://") else "http"
# Links in allauth's e-mails on SITE_URL, and the e-mails anyone can trigger capped per
# address and per client (ACCOUNTS_MAILS_*, blogsite/accounts/), which posts' adapter extends.
ACCOUNT_ADAPTER = "posts.accounts.AccountAdapter"
ACCOUNT_FORMS = {"reset_password": "blogsite.accounts.forms.ResetPasswordForm"}
ACCOUNT_RATE_LIMITS = {
    # Every sign-in attempt per client, and failed ones per client and per account: five
    # wrong passwords (or two-factor codes) lock the account for five minutes.
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    # A person who mistypes needs a few tries; a robot making accounts in bulk is cut off.
    "signup": "8/10m/ip,40/d/ip",
    # One confirmation e-mail per address every 3 minutes at most (the earlier link still
    # works); the daily cap is ACCOUNTS_MAILS_PER_ADDRESS.
    "confirm_email": "1/3m/key",
    # A burst guard only: ACCOUNTS_MAILS_* cap the e-mails and say when to try again.
    "reset_password": "20/m/ip",
}
# Two factors (allauth.mfa): an authenticator app (TOTP) and recovery codes.
MFA_ADAPTER = "blogsite.accounts.mfa.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME
# A code of the 30 seconds before or after is accepted too: a phone's clock drifts, and a
# code typed as it changes is not refused (RFC 6238's advice). Each is accepted once.
MFA_TOTP_TOLERANCE = 1

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
# No inline script or style anywhere: every script and stylesheet is a file under static/.
# JSON-LD needs no exception: a <script type="application/ld+json"> is a data block, which
# the browser never runs, so script-src does not apply to it (and cached pages stay free of
# per-request nonces). Images may come from other hosts: imported articles link them.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", "https:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "manifest-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Browser features no page of ours uses, switched off for the page and anything it embeds.
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)
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

# DJANGO_LOG_FORMAT=json: one JSON object a line, for a log collector; "text" otherwise.
LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT", "text").strip().lower()
if LOG_FORMAT not in {"text", "json"}:
    raise ImproperlyConfigured(f'DJANGO_LOG_FORMAT must be "text" or "json", not "{LOG_FORMAT}".')
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "blogsite.logs.RequestIdFilter"},
        "expected_refusals": {"()": "blogsite.logs.ExpectedRefusalFilter"},
    },
    "formatters": {
        "text": {"()": "blogsite.logs.TextFormatter", "format": "%(message)s"},
        "json": {"()": "blogsite.logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id", "expected_refusals"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}
