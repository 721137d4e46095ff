"""The Italian admin names allauth's two-factor authenticators and every permission in
Italian: the authenticator model declares no names ("Authenticators", "User:", "Last used
at:" showed), and permissions are stored in English when migrate writes them ("Can add email
address")."""

import re

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import Group, Permission

from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def test_authenticators_in_italian(boss_client):
    index = boss_client.get("/admin/").content.decode()
    assert ">Autenticatori</a>" in index and "Authenticators" not in index
    page = boss_client.get("/admin/mfa/authenticator/add/").content.decode()
    assert "Aggiungi autenticatore" in page
    for label in ("Utente:", "Tipo:", "Creato il:", "Ultimo uso:"):
        assert label in page
    assert "Last used at" not in page and "Created at" not in page
    Authenticator.objects.create(user=make_user(username="anna"), type="totp", data={})
    listing = boss_client.get("/admin/mfa/authenticator/").content.decode()
    assert "Ultimo uso" in listing


@pytest.mark.parametrize("path", ["user", "group"])
def test_permissions_read_in_italian(boss_client, path):
    if path == "user":
        url = f"/admin/auth/user/{make_user(username='anna').pk}/change/"
    else:
        url = f"/admin/auth/group/{Group.objects.get(name='Editors').pk}/change/"
    page = boss_client.get(url).content.decode()
    options = re.findall(r"<option value=\"\d+\"[^>]*>([^<]*)</option>", page)
    assert len(options) >= Permission.objects.count()
    assert not [o for o in options if "Can " in o]
    assert any(o.endswith("| Può aggiungere articolo") for o in options)
    assert any(o.endswith("| Può esportare e cancellare i dati di una persona") for o in options)
