"""Reaction kinds' labels are rows per language: a new language is data, not a migration."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from posts.reactions.models import ReactionKind, ReactionKindLabel

pytestmark = pytest.mark.django_db


def test_the_label_follows_the_active_language():
    kind = ReactionKind.objects.get(code="disagree")
    with translation.override("it"):
        assert kind.label == "Non sono d'accordo"
    with translation.override("en"):
        assert kind.label == "I disagree"


def test_a_third_language_is_one_more_label_row(settings):
    settings.LANGUAGES = [*settings.LANGUAGES, ("de", "German")]
    kind = ReactionKind.objects.get(code="useful")
    label = ReactionKindLabel(kind=kind, language="de", label="Nützlich")
    label.full_clean()
    label.save()
    kind = ReactionKind.objects.with_labels().get(pk=kind.pk)
    with translation.override("de"):
        assert kind.label == "Nützlich"


def test_a_language_without_a_label_falls_back_to_italian_then_to_the_code():
    kind = ReactionKind.objects.create(code="bravo", emoji="👏")
    ReactionKindLabel.objects.create(kind=kind, language="it", label="Bravo!")
    assert kind.label_in("en") == "Bravo!"
    bare = ReactionKind.objects.create(code="senza-etichetta")
    assert bare.label_in("en") == "senza-etichetta"


def test_a_label_in_a_language_the_site_does_not_have_is_refused_with_a_message():
    kind = ReactionKind.objects.get(code="useful")
    with pytest.raises(ValidationError, match="«xx» non è una delle lingue del sito"):
        ReactionKindLabel(kind=kind, language="xx", label="?").full_clean()


def test_the_admin_edits_the_labels_inline(admin_client):
    kind = ReactionKind.objects.get(code="funny")
    page = admin_client.get(f"/admin/reactions/reactionkind/{kind.pk}/change/")
    assert page.status_code == 200
    assert "Divertente" in page.text and "Funny" in page.text
    listing = admin_client.get("/admin/reactions/reactionkind/")
    assert "en: Funny · it: Divertente" in listing.text
