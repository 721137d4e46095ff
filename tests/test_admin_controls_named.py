"""Every box of the admin has a name assistive technology reads: the date and time of a date
field (Django writes "Date:" and "Time:" as bare text beside them) and the boxes the admin
shows as table cells (a tabular inline, a changelist's editable columns), whose column
header is no label; and a tabular inline's headers themselves, two of which Django leaves
empty. tests/browser/test_admin_accessibility.py audits whole pages."""

import re

import pytest
from django.contrib.auth.models import Permission

from posts.reactions.models import ReactionKind
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def test_an_article_s_date_and_time_boxes_have_their_labels(boss_client):
    page = boss_client.get("/admin/posts/post/add/").content.decode()
    assert '<label class="datetime-label" for="id_published_at_0">Data:</label>' in page
    assert '<label class="datetime-label" for="id_published_at_1">Ora:</label>' in page
    assert 'id="id_published_at_0"' in page and 'id="id_published_at_1"' in page


def test_a_third_party_admin_s_date_boxes_have_them_too(boss_client):
    page = boss_client.get("/admin/socialaccount/socialtoken/add/").content.decode()
    assert '<label class="datetime-label" for="id_expires_at_0">Data:</label>' in page


def test_editable_columns_are_named_after_their_field_and_row(boss_client):
    kind = ReactionKind.objects.order_by("position").first()
    page = boss_client.get("/admin/reactions/reactionkind/").content.decode()
    position = re.search(r'<input[^>]*name="form-0-position"[^>]*>', page).group(0)
    assert f'aria-label="Posizione: {kind}"' in position


def test_a_tabular_inline_s_boxes_are_named_after_their_field(boss_client):
    page = boss_client.get("/admin/reactions/reactionkind/add/").content.decode()
    label = re.search(r'<input[^>]*name="labels-0-label"[^>]*>', page).group(0)
    language = re.search(r'<input[^>]*name="labels-0-language"[^>]*>', page).group(0)
    assert 'aria-label="Etichetta"' in label
    assert 'aria-label="Lingua"' in language


def test_a_tabular_inline_s_delete_boxes_are_named_after_their_row(boss_client):
    kind = ReactionKind.objects.order_by("position").first()
    label = kind.labels.first()  # the rows in the model's order, as the inline shows them
    page = boss_client.get(f"/admin/reactions/reactionkind/{kind.pk}/change/").content.decode()
    delete = re.search(r'<input[^>]*name="labels-0-DELETE"[^>]*>', page).group(0)
    assert f'aria-label="Elimina: {label}"' in delete


def test_a_tabular_inline_names_every_column_even_for_an_editor_who_cannot_delete(client):
    editor = make_user(username="editor", is_staff=True)
    editor.user_permissions.set(
        Permission.objects.filter(
            codename__in=["view_reactionkind", "change_reactionkind", "change_reactionkindlabel"]
        )
    )
    client.force_login(editor)
    kind = ReactionKind.objects.order_by("position").first()
    page = client.get(f"/admin/reactions/reactionkind/{kind.pk}/change/").content.decode()
    header = re.search(r"<table>\s*<thead>(.*?)</thead>", page, re.DOTALL).group(1)
    names = [
        re.sub(r"<[^>]+>|\s+", " ", cell).strip()
        for cell in re.findall(r"<th[^>]*>(.*?)</th>", header, re.DOTALL)
    ]
    assert names[0] == "Oggetto" and names[-1] == "Cancellare?"
    assert all(names)
