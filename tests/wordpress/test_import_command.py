"""manage.py import_wordpress: a table at the end, a clear error for a bad file."""

from io import StringIO

from django.core.management import call_command

from posts.models import Post


def test_the_command_imports_and_ends_with_a_table_and_every_item_it_names(
    db, wxr_file, media_dir, media_root
):
    out = StringIO()
    call_command("import_wordpress", str(wxr_file), media_dir=str(media_dir), stdout=out)
    text = out.getvalue()
    assert Post.objects.filter(wordpress_id=10).exists()
    header = text.splitlines()[0].split()
    assert header == ["tipo", "creati", "aggiornati", "invariati", "saltati"]
    assert any(line.split()[:2] == ["articoli", "10"] for line in text.splitlines())
    # The trashed post, named by id and title, with what happened and which field.
    assert "articoli #18 “Nel cestino”: nota [status]: nel cestino di WordPress" in text
    assert "mancante.jpg" in text  # the missing file


def test_a_dry_run_from_the_command_writes_nothing(db, wxr_file, media_root):
    out = StringIO()
    call_command("import_wordpress", str(wxr_file), dry_run=True, stdout=out)
    assert not Post.objects.exists()
    assert "Prova: non è stato scritto nulla." in out.getvalue()


def test_the_language_option_wins_over_the_file(db, wxr_file, media_root):
    call_command("import_wordpress", str(wxr_file), language="en", stdout=StringIO())
    assert set(Post.objects.values_list("language", flat=True)) == {"en"}


def test_broken_xml_is_imported_around_the_break_with_a_warning_naming_the_line(
    db, tmp_path, wxr_file
):
    text = wxr_file.read_text(encoding="utf-8")
    cut = text.index("<title>日本語のタイトル</title>")
    broken = tmp_path / "broken.xml"
    broken.write_text(text[:cut] + "<title>A & B <b></title>" + text[cut:], encoding="utf-8")
    line = text[:cut].count("\n") + 1
    out = StringIO()
    call_command("import_wordpress", str(broken), stdout=out)
    assert f"riga {line}:" in out.getvalue()
    assert Post.objects.filter(wordpress_id=10).exists()
