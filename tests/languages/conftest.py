"""A bilingual site: an Italian article with its English translation, and one article in
each language that has none; tags per language, linked by translation_key."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from posts import services
from tests.conftest import make_post, make_tag


@pytest.fixture
def bilingual(db, author):
    tag_key, post_key = uuid.uuid4(), uuid.uuid4()
    tag_it = make_tag(name="servizio clienti", slug="servizio-clienti", translation_key=tag_key)
    tag_en = make_tag(
        name="customer service", slug="customer-service", language="en", translation_key=tag_key
    )
    when = timezone.now() - timedelta(days=1)
    it_post = make_post(
        author=author,
        tags=[tag_it],
        title="Rispondere ai reclami",
        slug="rispondere-ai-reclami",
        body="Un reclamo gestito bene.",
        translation_key=post_key,
        published_at=when,
    )
    en_post = make_post(
        author=author,
        tags=[tag_en],
        title="Answering complaints",
        slug="answering-complaints",
        lead="A complaint handled well.",
        body="A complaint handled well keeps a customer.",
        language="en",
        translation_key=post_key,
        published_at=when,
    )
    it_only = make_post(
        author=author,
        tags=[tag_it],
        title="Solo in italiano",
        slug="solo-in-italiano",
        body="Un reclamo senza traduzione.",
        published_at=when - timedelta(hours=1),
    )
    en_only = make_post(
        author=author,
        tags=[tag_en],
        title="Only in English",
        slug="only-in-english",
        body="A complaint without a translation.",
        language="en",
        published_at=when - timedelta(hours=2),
    )
    category_key = uuid.uuid4()
    category_it = services.create_category(
        name="Assistenza", slug="assistenza", translation_key=category_key
    )
    category_en = services.create_category(
        name="Support", slug="support", language="en", translation_key=category_key
    )
    it_post.categories.add(category_it)
    it_only.categories.add(category_it)
    en_post.categories.add(category_en)
    en_only.categories.add(category_en)
    return {
        "category_it": category_it,
        "category_en": category_en,
        "tag_it": tag_it,
        "tag_en": tag_en,
        "it": it_post,
        "en": en_post,
        "it_only": it_only,
        "en_only": en_only,
    }
