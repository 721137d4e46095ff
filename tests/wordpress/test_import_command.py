"""manage.py import_wordpress: a table at the end, a clear error for a bad file."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from posts.models import Post


def test_the_command_imports_and_ends_with_a_table_and_every_skip_reason(
    db, wxr_file, media_dir, media_root
):
    out = StringIO()
    call_command("import_wordpress", str(wxr_file), media_dir=str(media_dir), stdout=out)
    text = out.getvalue()
    assert Post.objects.filter(wordpress_id=10).exists()
    header = text.splitlines()[0].split()
    assert header == ["tipo", "creati", "aggiornati", "invariati", "saltati"]
    assert any(line.split()[:2] == ["articoli", "9"] for line in text.splitlines())
    assert "Nel cestino" in text  # the skipped post, with its reason
    assert "mancante.jpg" in text  # the missing file


def test_a_dry_run_from_the_command_writes_nothing(db, wxr_file, media_root):
    out = StringIO()
    call_command("import_wordpress", str(wxr_file), dry_run=True, stdout=out)
    assert not Post.objects.exists()
    assert "Prova: non è stato scritto nulla." in out.getvalue()


def test_the_language_option_wins_over_the_file(db, wxr_file, media_root):
    call_command("import_wordpress", str(wxr_file), language="en", stdout=StringIO())
    assert set(Post.objects.values_list("language", flat=True)) == {"en"}


def test_broken_xml_stops_with_the_line_and_keeps_the_items_before_it(db, tmp_path, wxr_file):
    text = wxr_file.read_text(encoding="utf-8")
    cut = text.index("<title>日本語のタイトル</title>")
    broken = tmp_path / "broken.xml"
    broken.write_text(text[:cut] + "<title>A & B</title>" + text[cut:], encoding="utf-8")
    line = text[:cut].count("\n") + 1
    with pytest.raises(CommandError, match=f"riga {line}"):
        call_command("import_wordpress", str(broken), stdout=StringIO())
