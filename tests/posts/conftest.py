import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def default_language():
    """Start every test in Italian: a request to /en/ leaves English active in the thread."""
    translation.activate("it")
    yield
    translation.deactivate()
