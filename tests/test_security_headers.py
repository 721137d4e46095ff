"""Every page sends a strict Content-Security-Policy, Permissions-Policy and the usual headers."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.conftest import make_post
from tests.test_deploy_settings import PRODUCTION_ENV, run_manage

pytestmark = pytest.mark.django_db

TEMPLATES = Path(settings.BASE_DIR) / "templates"
# A <script> without src, a <style> element, a style="" or an on...="" handler attribute.
INLINE = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|<style\b|\sstyle=\"|\son\w+=")


def directives(header):
    return {
        name: values
        for name, *values in (part.split() for part in header.split(";") if part.strip())
    }


def test_pages_send_a_csp_without_unsafe_inline_and_the_other_security_headers(client, author):
    post = make_post(author=author)
    for url in ["/", post.get_absolute_url(), "/cerca/?q=resi", "/accounts/login/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        policy = directives(response["Content-Security-Policy"])
        assert policy["script-src"] == ["'self'"]
        assert policy["style-src"] == ["'self'"]
        assert policy["object-src"] == ["'none'"]
        assert policy["frame-ancestors"] == ["'none'"]
        assert "camera=()" in response["Permissions-Policy"]
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_no_template_served_over_http_has_inline_script_or_style():
    offenders = []
    for template in TEMPLATES.rglob("*.html"):
        if "email" in template.parts:
            continue  # e-mail clients need inline style, and no CSP applies to a message
        text = template.read_text()
        for found in INLINE.finditer(text):
            offenders.append(f"{template.relative_to(TEMPLATES)}: {found.group(0)}")
    assert offenders == []


def test_the_json_ld_block_is_data_the_policy_need_not_allow(client, author):
    # script-src applies to scripts the browser runs; application/ld+json is never run.
    response = client.get(make_post(author=author).get_absolute_url())
    assert re.search(r'<script type="application/ld\+json">\{', response.text)


def test_html_is_gzipped_for_a_client_that_accepts_it(client, author):
    make_post(author=author)
    response = client.get("/", HTTP_ACCEPT_ENCODING="gzip, br")
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]


def test_the_language_cookie_is_samesite_like_the_session_and_csrf_cookies(client):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie["samesite"] == "Lax"
    assert settings.SESSION_COOKIE_SAMESITE == settings.CSRF_COOKIE_SAMESITE == "Lax"


def test_with_debug_off_the_language_cookie_is_secure_too():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings as s; "
        "print(s.LANGUAGE_COOKIE_SECURE, s.SESSION_COOKIE_SECURE, s.LANGUAGE_COOKIE_SAMESITE)",
        env=PRODUCTION_ENV,
    )
    assert result.stdout.split()[-3:] == ["True", "True", "Lax"], result.stderr
