"""templates/admin/edit_inline/tabular.html is Django's, copied because it has no block to
extend, with two column headers named. A Django upgrade that changes the original must not
leave the copy serving the old markup unnoticed: apart from its opening comment and the two
headers, the copy is line for line the installed Django's."""

import difflib
from pathlib import Path

import django

OURS = Path(__file__).resolve().parents[1] / "templates/admin/edit_inline/tabular.html"
DJANGOS = Path(django.__file__).parent / "contrib/admin/templates/admin/edit_inline/tabular.html"


def changed_lines():
    ours = OURS.read_text(encoding="utf-8").splitlines()
    djangos = DJANGOS.read_text(encoding="utf-8").splitlines()
    diff = difflib.unified_diff(djangos, ours, lineterm="", n=0)
    removed, added = [], []
    for line in diff:
        if line.startswith(("---", "+++", "@@")):
            continue
        (removed if line.startswith("-") else added).append(line[1:].strip())
    return removed, added


def test_the_copy_differs_from_djangos_only_in_the_two_named_headers():
    removed, added = changed_lines()
    assert removed == [
        '<th class="original"></th>',
        "<th>{% if inline_admin_formset.formset.can_delete and "
        'inline_admin_formset.has_delete_permission %}{% translate "Delete?" %}{% endif %}</th>',
    ]
    headers = [line for line in added if line.startswith("<th")]
    assert len(headers) == 2
    assert all('class="visually-hidden"' in line for line in headers)
    # Everything else added is the opening comment and djhtml's fmt markers.
    rest = [line for line in added if not line.startswith("<th")]
    assert rest[0] == "{# fmt:off #}" and rest[-1] == "{# fmt:on #}"
    assert rest[1] == "{% comment %}" and rest[-2] == "{% endcomment %}"
