"""People have names: bylines, author pages, sign-up and the account page never show a login."""

import pytest
from django.contrib.auth.models import Group

from posts.models import Profile
from posts.services import save_profile
from tests.conftest import make_post, make_user
from tests.posts.conftest import staff_in

pytestmark = pytest.mark.django_db

PASSWORD = "Tr1cky-passphrase!"


@pytest.fixture
def named_author():
    user = make_user(username="login-segreto")
    user.groups.add(Group.objects.get(name="Authors"))
    save_profile(
        user=user, display_name="Marta Bianchi", bio="Scrive di assistenza clienti dal 2009."
    )
    return user


def test_bylines_show_the_display_name_never_the_login(client, named_author):
    post = make_post(author=named_author)
    for url in ("/", post.get_absolute_url()):
        page = client.get(url).content.decode()
        assert "Marta Bianchi" in page
        assert ">login-segreto<" not in page


def test_an_author_without_any_name_is_shown_by_username_never_as_anonymous(client):
    post = make_post(author=make_user(username="nudo"))
    page = client.get(post.get_absolute_url()).content.decode()
    assert 'content="nudo"' in page  # article:author
    assert "Anonymous" not in page and "Anonimo" not in page


def test_the_author_page_shows_name_and_bio(client, named_author):
    make_post(author=named_author)
    page = client.get("/autori/login-segreto/").content.decode()
    assert "<h1>Articoli di Marta Bianchi</h1>" in page or "Marta Bianchi</h1>" in page
    assert "Scrive di assistenza clienti dal 2009." in page


def test_the_feed_names_the_author_by_display_name(client, named_author):
    make_post(author=named_author)
    feed = client.get("/feed/atom/").content.decode()
    assert "<name>Marta Bianchi</name>" in feed
    assert "login-segreto" not in feed.split("<entry>", 1)[1].replace("/autori/login-segreto/", "")


def test_a_reader_chooses_a_display_name_at_sign_up(client):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "luca@example.com",
            "username": "luca77",
            "display_name": "Luca da Torino",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    assert Profile.objects.get(user__username="luca77").display_name == "Luca da Torino"


def test_sign_up_without_a_display_name_is_refused_with_a_message(client):
    response = client.post(
        "/accounts/signup/",
        {
            "email": "luca@example.com",
            "username": "luca77",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 200
    assert "display_name" in response.context["form"].errors


def test_a_reader_changes_their_name_on_the_account_page(client, reader):
    client.force_login(reader)
    page = client.get("/accounts/profile/")
    assert page.status_code == 200
    assert 'name="display_name"' in page.content.decode()
    response = client.post(
        "/accounts/profile/", {"display_name": "Nuovo Nome", "bio": ""}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/accounts/profile/"
    assert Profile.objects.get(user=reader).display_name == "Nuovo Nome"
    assert 'aria-current="page"' in response.content.decode()


def test_an_empty_display_name_is_refused_and_the_bio_kept(client, reader):
    client.force_login(reader)
    response = client.post("/accounts/profile/", {"display_name": "  ", "bio": "La mia bio"})
    assert response.status_code == 200
    assert response.context["form"].errors["display_name"]
    assert "La mia bio" in response.content.decode()


def test_the_author_field_lists_only_people_who_may_write(client, named_author):
    editor = staff_in("Editors", username="capo")
    save_profile(user=editor, display_name="La Redattrice")
    make_user(username="lettore-qualsiasi")
    client.force_login(editor)
    form = client.get("/admin/posts/post/add/").context["adminform"].form
    choices = [label for _value, label in form.fields["author"].choices]
    assert "Marta Bianchi" in choices
    assert "La Redattrice" in choices
    assert all("lettore-qualsiasi" not in label for label in choices)
    assert len(choices) == 3  # the empty choice and the two writers


def test_an_editor_sets_an_authors_bio_and_photo_in_the_admin(
    client, named_author, settings, tmp_path
):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    settings.MEDIA_ROOT = tmp_path
    make_post(author=named_author)
    editor = staff_in("Editors", username="capo")
    client.force_login(editor)
    out = io.BytesIO()
    Image.new("RGB", (96, 96)).save(out, format="PNG")
    profile = Profile.objects.get(user=named_author)
    response = client.post(
        f"/admin/posts/profile/{profile.pk}/change/",
        {
            "user": named_author.pk,
            "display_name": "Marta Bianchi",
            "bio": "Nuova bio.",
            "avatar": SimpleUploadedFile("marta.png", out.getvalue()),
        },
    )
    assert response.status_code == 302
    page = client.get("/autori/login-segreto/").content.decode()
    assert "Nuova bio." in page
    assert 'class="author-header__avatar" src="/media/avatars/' in page
