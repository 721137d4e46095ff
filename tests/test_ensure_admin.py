"""`make run` prints an admin login: the ensure_admin command."""

from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.management import call_command

from posts.models import Profile, display_name
from posts.services import save_profile

pytestmark = pytest.mark.django_db


def run_ensure_admin():
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    return out.getvalue()


def test_ensure_admin_creates_a_superuser_with_the_password_from_the_environment(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "s3cret-from-env")
    output = run_ensure_admin()
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and admin.is_staff
    assert admin.check_password("s3cret-from-env")
    assert "s3cret-from-env" in output
    assert EmailAddress.objects.filter(user=admin, verified=True).exists()


def test_ensure_admin_generates_a_password_once_and_reuses_it(monkeypatch, tmp_path):
    from blogsite.management.commands import ensure_admin

    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    monkeypatch.setattr(ensure_admin, "PASSWORD_FILE", tmp_path / ".admin-password")
    first = run_ensure_admin()
    second = run_ensure_admin()
    password = (tmp_path / ".admin-password").read_text().strip()
    assert len(password) >= 12
    assert password in first and password in second
    assert get_user_model().objects.filter(username="admin").count() == 1
    assert get_user_model().objects.get(username="admin").check_password(password)


def test_the_admin_publishes_under_the_sites_name_shown_in_the_banner(monkeypatch, settings):
    monkeypatch.setenv("ADMIN_PASSWORD", "s3cret-from-env")
    monkeypatch.delenv("ADMIN_NAME", raising=False)
    settings.SITE_NAME = "Redazione"
    output = run_ensure_admin()
    admin = get_user_model().objects.get(username="admin")
    assert display_name(admin) == "Redazione"
    assert "publishes as 'Redazione'" in output


def test_admin_name_sets_the_name_and_a_name_chosen_later_is_kept(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "s3cret-from-env")
    monkeypatch.setenv("ADMIN_NAME", "La Redazione")
    assert "publishes as 'La Redazione'" in run_ensure_admin()
    admin = get_user_model().objects.get(username="admin")
    save_profile(user=admin, display_name="Il Direttore")  # changed in the admin
    monkeypatch.delenv("ADMIN_NAME")
    assert "publishes as 'Il Direttore'" in run_ensure_admin()
    assert Profile.objects.get(user=admin).display_name == "Il Direttore"
