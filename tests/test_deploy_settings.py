"""The settings module: safe defaults locally, strict and clean in production."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "x" * 20 + "-production-secret-key-with-enough-entropy-0123456789",
    "DJANGO_ALLOWED_HOSTS": "blog.example.com",
    "SITE_URL": "https://blog.example.com",
    "ACCOUNTS_STAFF_MFA_REQUIRED": "true",
}


def run_manage(*args, env):
    base = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    base.pop("SITE_URL", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "blogsite.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_reports_no_issue_with_production_variables():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_while_staff_sign_in_without_a_second_factor():
    env = {**PRODUCTION_ENV, "ACCOUNTS_STAFF_MFA_REQUIRED": "false"}
    result = run_manage("check", "--deploy", env=env)
    assert "blogsite.W001" in result.stderr + result.stdout
    assert "ACCOUNTS_STAFF_MFA_REQUIRED=true" in result.stderr + result.stdout


def test_settings_refuse_to_start_without_a_secret_key_when_debug_is_off():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SECRET_KEY"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


@pytest.mark.django_db
def test_the_sites_framework_follows_site_url_and_site_name(settings):
    from django.contrib.sites.models import Site

    site = Site.objects.get_current()
    assert site.domain == urlsplit(settings.SITE_URL).netloc
    assert settings.SITE_NAME == ""  # by default, the catalogue's name in the first language
    assert site.name == "Blog sulla customer experience"


def test_app_settings_can_come_from_the_environment():
    env = {
        "DJANGO_DEBUG": "1",
        "REACTIONS_IP_HOURLY_LIMIT": "0",
        "COMMENTS_HOLD_ALL": "true",
        "COMMENTS_RATE_LIMIT": "3/m",
    }
    code = (
        "from django.conf import settings as s; "
        "print(repr((s.REACTIONS_IP_HOURLY_LIMIT, s.COMMENTS_HOLD_ALL, s.COMMENTS_RATE_LIMIT)))"
    )
    result = run_manage("shell", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    assert "(0, True, '3/m')" in result.stdout


def test_error_reports_to_the_admins_have_their_own_sender_or_the_site_s():
    code = "from django.conf import settings as s; print(repr(s.SERVER_EMAIL))"
    both = {"DJANGO_DEBUG": "1", "DEFAULT_FROM_EMAIL": "noreply@blog.example.com"}
    own = run_manage("shell", "-c", code, env={**both, "SERVER_EMAIL": "errors@blog.example.com"})
    assert own.returncode == 0, own.stderr
    assert "'errors@blog.example.com'" in own.stdout
    inherited = run_manage("shell", "-c", code, env=both)
    assert "'noreply@blog.example.com'" in inherited.stdout
