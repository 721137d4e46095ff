"""A reader asking others to look at their own work is not promoting anything.

"Can you check my code?", "see my traceback above", "guarda il mio codice": on a blog with
tutorials these are questions, where "check out my channel" is spam. Likewise a reader who
pastes two files of one repository cites one source; two outside hosts, or one link written
twice as an anchor and its address, are still link spam's shape.
"""

import pytest

from comments.spam import checks
from comments.spam.phrases import find_phrases
from comments.spam.pipeline import Candidate, check_comment

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "text",
    [
        "Getting a shape error on the last cell, can someone please check my code if I post it?",
        "See my traceback below, it fails on the merge.",
        "Look at my first attempt: the loop never ends.",
        "Please check my answer above, the index must be reset first.",
        "Ho lo stesso errore, guarda il mio codice qui sotto.",
        "Guardate la mia domanda di ieri, è la stessa cosa.",
    ],
)
def test_asking_others_to_look_at_ones_own_work_is_no_promotional_phrase(text):
    assert find_phrases(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Check out my channel, new video every day",
        "please check my website for cheap essays",
        "check my new song",
        # Nouns that also start a sales pitch are not the reader's own work.
        "Check out my data science course",
        "check out my case study",
        "Guarda il mio canale, carico ogni giorno",
    ],
)
def test_asking_for_an_audience_still_is(text):
    assert find_phrases(text)


def test_a_question_about_ones_code_is_not_hidden_on_a_new_site():
    text = (
        "I get ValueError: shapes (3,) and (4,) not aligned on the last cell. Could someone "
        "please check my code if I paste it here?"
    )
    assert check_comment(Candidate(content=text)).verdict in ("ham", "hold")


def link_score(content):
    finding = checks.check_links(checks.Sample(Candidate(content=content)))
    return finding.reason.score


TWO_FILES = (
    "The links in the article are broken, these work:\n"
    'trips = pd.read_csv("https://raw.githubusercontent.com/example-org/bikes/main/trips.csv")\n'
    'stations = pd.read_csv("https://raw.githubusercontent.com/example-org/bikes/main/st.csv")'
)


def test_two_files_of_one_outside_host_are_weaker_evidence_than_two_hosts():
    two_hosts = TWO_FILES.replace("raw.githubusercontent.com/example-org/bikes/main/st", "x.to/st")
    assert link_score(TWO_FILES) < link_score(two_hosts) == 0.95


def test_one_link_written_twice_is_still_link_spams_shape():
    text = (
        "Great post, keep posting. https://phones.example/db.php "
        '<a href="https://phones.example/db.php">phone directory</a>'
    )
    assert link_score(text) >= 0.95


def test_code_citing_two_files_of_one_repository_is_not_hidden_on_a_new_site():
    assert check_comment(Candidate(content=TWO_FILES)).verdict in ("ham", "hold")


def test_a_sites_bare_name_beside_a_page_of_it_is_still_link_spams_shape():
    text = "Www.shop.example/joanna Beauty by Joanna www.shop.example"
    assert link_score(text) >= 0.95
