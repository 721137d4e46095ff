"""Settings for the test suite: the real settings, with test-only speed-ups.

The database still comes from DATABASE_URL (SQLite by default, PostgreSQL in CI).
"""

import os

os.environ.setdefault("DJANGO_ALLOW_INSECURE_KEY", "1")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DJANGO_SECURE_COOKIES", "0")

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SECURE_HSTS_SECONDS = 0
# Live-server threads must not keep connections open, or PostgreSQL cannot drop the test DB.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
# Several checkouts may run their suites against one PostgreSQL server at once: each names
# its own test database (pytest-django's default is "test_" + the database's name).
if os.environ.get("TEST_DATABASE_NAME"):
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}  # noqa: F405
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Many tests change rows behind the ORM's back (QuerySet.update) to set up a case, which no
# signal announces; the page cache's own tests (tests/test_page_cache*.py) turn it on.
PAGE_CACHE_ENABLED = False
