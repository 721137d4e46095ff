"""Accounts and storage the articles' and media tests share."""

import pytest
from django.contrib.auth.models import Group

from tests.conftest import make_user


def staff_in(group_name, **overrides):
    user = make_user(is_staff=True, **overrides)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def writer():
    return staff_in("Authors", username="scrittrice")


@pytest.fixture
def editor():
    return staff_in("Editors", username="redattrice")


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploads go to a folder of the test's own (the media modules use it for every test)."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path
