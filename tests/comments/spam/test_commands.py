"""spam_train and spam_evaluate on small labelled CSV files."""

import csv
import re
import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from comments.management.commands.spam_evaluate import ceiling
from comments.spam.models import ClassifierState

SPAM = [
    "Check out my channel http://promo.example.xyz/sub",
    "subscribe to my channel please!!! http://clicks.example.xyz",
    "Free gift cards here http://gift.example.xyz/?ref=99",
    "Visit my blog for free money http://money.example.xyz",
]
HAM = [
    "Bellissimo articolo, grazie per gli esempi.",
    "Non sono d'accordo sul punto tre, ma il resto è chiaro.",
    "Lo condivido con il mio team di assistenza.",
    "Great article, the second example helped a lot.",
]
LAST_LINE = re.compile(
    r"^precision=\d\.\d{4} recall=\d\.\d{4} f1=\d\.\d{4} fpr=\d\.\d{4} "
    r"median_ms=\d+\.\d{3} p95_ms=\d+\.\d{3}$"
)


def write_csv(path, rows, header=("id", "author", "content", "label")):
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for n, (content, label) in enumerate(rows):
            writer.writerow([n, "someone", content, label][-len(header) :])
    return path


@pytest.fixture
def labelled_csv(tmp_path):
    rows = [(text.replace("'", "&#39;"), "spam") for text in SPAM]
    rows += [(text.replace("'", "&#39;"), "ham") for text in HAM]
    return write_csv(tmp_path / "labelled.csv", rows)


@pytest.mark.django_db
def test_spam_train_trains_the_stored_model(labelled_csv):
    out = StringIO()
    call_command("spam_train", str(labelled_csv), "--reset", stdout=out)
    assert "Trained on 8 comments (4 spam, 4 ham)" in out.getvalue()
    assert ClassifierState.objects.get().version == 2


@pytest.mark.django_db
def test_spam_evaluate_prints_the_figures_and_ends_with_the_summary_line(labelled_csv):
    call_command("spam_train", str(labelled_csv), "--reset", stdout=StringIO())
    version = ClassifierState.objects.get().version
    out = StringIO()
    call_command("spam_evaluate", str(labelled_csv), stdout=out)
    lines = out.getvalue().strip().splitlines()
    assert LAST_LINE.match(lines[-1]), lines[-1]
    assert "confusion matrix" in out.getvalue()
    values = dict(pair.split("=") for pair in lines[-1].split())
    assert float(values["recall"]) == 1.0
    assert float(values["fpr"]) == 0.0
    assert ClassifierState.objects.get().version == version  # scoring did not train


@pytest.mark.django_db
@pytest.mark.parametrize("as_site", [False, True])
def test_spam_train_as_site_stores_the_files_as_the_sites_teaching(labelled_csv, as_site):
    # The starting model alone may only hold a comment; what the site taught may hide it.
    from comments.spam import store
    from comments.spam.classifier import extract_features

    out = StringIO()
    options = {"as_site": True} if as_site else {}
    call_command("spam_train", str(labelled_csv), "--reset", stdout=out, **options)
    taught = "the site's teaching" if as_site else "the starting model"
    assert f"as {taught}" in out.getvalue()
    model = store.get_model()
    prior, site = model.split_decision(extract_features(SPAM[0]))
    if as_site:
        assert (model.weights, prior) == ({}, 0.0)
        assert site > 0
    else:
        assert (model.taught, site) == ({}, 0.0)
        assert prior > 0


@pytest.mark.django_db
def test_spam_train_can_export_the_model(labelled_csv, tmp_path):
    target = tmp_path / "model.json.gz"
    call_command("spam_train", str(labelled_csv), "--export", str(target), stdout=StringIO())
    assert target.stat().st_size > 100


@pytest.mark.django_db
def test_a_missing_column_is_a_clear_error(tmp_path):
    path = write_csv(tmp_path / "bad.csv", [("hi", "spam")], header=("text", "label"))
    with pytest.raises(CommandError, match=r"missing column\(s\) content; found text, label"):
        call_command("spam_train", str(path))


@pytest.mark.django_db
def test_a_bad_label_is_a_clear_error_with_its_line(tmp_path):
    path = write_csv(tmp_path / "bad.csv", [("hi", "spam"), ("ciao", "maybe")])
    with pytest.raises(CommandError, match=r"line 3: label must be 'spam' or 'ham', not 'maybe'"):
        call_command("spam_evaluate", str(path))


@pytest.mark.django_db
def test_a_missing_or_binary_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="no such file"):
        call_command("spam_train", str(tmp_path / "nope.csv"))
    binary = tmp_path / "model.bin"
    binary.write_bytes(b"\xff\xfe\x00\x81garbage")
    with pytest.raises(CommandError, match="not UTF-8"):
        call_command("spam_evaluate", str(binary))
    empty = write_csv(tmp_path / "empty.csv", [])
    with pytest.raises(CommandError, match="no labelled comments"):
        call_command("spam_train", str(empty))


PEER_LINE = re.compile(r"^(this filter|online logistic regression|bogofilter) +precision=")


@pytest.mark.django_db
def test_spam_evaluate_online_learns_each_label_and_prints_the_second_half(labelled_csv):
    before = ClassifierState.objects.filter().first()
    out = StringIO()
    call_command("spam_evaluate", str(labelled_csv), "--online", stdout=out)
    lines = out.getvalue().strip().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("second half"))
    assert lines[start].startswith("second half (4 comments")
    assert LAST_LINE.match(lines[start - 1]), lines[start - 1]  # the whole file
    assert LAST_LINE.match(lines[start + 1]), lines[start + 1]
    state = ClassifierState.objects.get()
    assert state.spam_learned + state.ham_learned == 8
    assert before is None or state.version > before.version


@pytest.mark.django_db
def test_spam_evaluate_online_prints_bogofilter_and_an_online_regression_beside_ours(
    labelled_csv,
):
    out = StringIO()
    call_command("spam_evaluate", str(labelled_csv), "--online", stdout=out)
    lines = out.getvalue().strip().splitlines()
    names = [line.split("  ")[0] for line in lines if PEER_LINE.match(line)]
    assert names[:2] == ["this filter", "online logistic regression"]
    bogofilter = [line for line in lines if line.startswith("bogofilter")]
    assert len(bogofilter) == 1
    if shutil.which("bogofilter"):
        assert PEER_LINE.match(bogofilter[0])
    else:
        assert "absent: Bogofilter is not installed" in bogofilter[0]


def test_the_ceiling_is_the_best_threshold_with_at_most_one_percent_of_the_ham_over_it():
    # 200 ham scored 0.0 .. 0.199 and 10 spam: five above every ham, five at the ham's level.
    scored = [(n / 1000, False) for n in range(200)]
    scored += [(0.9, True)] * 5 + [(0.1, True)] * 5
    f1, recall, fpr, threshold = ceiling(scored)
    # Two ham (1 %) may be over the threshold: 0.198 and above take no spam of the second five,
    # so the best is the first five alone.
    assert (round(f1, 4), recall, fpr, threshold) == (round(10 / 15, 4), 0.5, 0.0, 0.9)
    scored += [(0.95, False)] * 3  # three ham above every spam: over 1 % at any threshold
    assert ceiling(scored)[0] == 0.0
    assert ceiling([(0.5, True)]) is None  # no ham: nothing to measure against


def test_tied_scores_fall_on_the_same_side_of_the_threshold():
    scored = [(0.9, True), (0.9, False)] + [(0.1, False)] * 50
    # Marking 0.9 marks the ham at 0.9 too (2 % of the ham): no threshold passes.
    assert ceiling(scored)[0] == 0.0


@pytest.mark.django_db
def test_spam_evaluate_online_prints_the_ceiling_of_its_ranking(labelled_csv):
    out = StringIO()
    call_command("spam_evaluate", str(labelled_csv), "--online", stdout=out)
    line = out.getvalue().strip().splitlines()[-1]
    assert line.startswith("ceiling of this ranking"), line
    assert re.search(r"f1=\d\.\d{4} recall=\d\.\d{4} fpr=0\.0000", line), line


@pytest.mark.django_db
def test_spam_evaluate_chronological_replays_oldest_first(tmp_path):
    header = ("id", "date", "content", "label")
    rows = [("2015-05-02T10:00:00", "newer, learned second"), ("2013-01-01T08:00:00", "older")]
    path = tmp_path / "dated.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for n, (date, content) in enumerate(rows):
            writer.writerow([n, date, content, "ham"])
    out = StringIO()
    call_command("spam_evaluate", str(path), "--online", "--chronological", stdout=out)
    assert "scored then learned one by one, oldest first" in out.getvalue()
    undated = write_csv(tmp_path / "undated.csv", [("hi", "ham")])
    with pytest.raises(CommandError, match="--chronological needs a 'date' on every row"):
        call_command("spam_evaluate", str(undated), "--online", "--chronological")
