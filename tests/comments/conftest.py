"""Fixtures of the comments' tests: a moderator of the Editors group, signed in."""

import pytest

from tests.comments.moderation_factories import make_editor


@pytest.fixture
def editor(db):
    return make_editor(username="editor", email="editor@example.com")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client
