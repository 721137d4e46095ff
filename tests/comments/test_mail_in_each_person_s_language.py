"""E-mails to a known account go out in the language it chose on its profile.

Moderators and article authors were written to in the site's first language whatever they
read; each now gets the held-comment and new-comment e-mails in their profile's e-mail
language (empty: the site's first), and so do allauth's account e-mails.
"""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comments import services, wording
from comments.models import Comment, Unsubscription
from comments.notifications import notify_moderators
from posts.models import Profile
from posts.services import save_profile
from tests.comments.moderation_factories import make_comment, make_editor
from tests.conftest import make_user

Status = Comment.Status
PASSWORD = "Tr1cky-passphrase!"
LINKS = wording.reason("links", 0.7, "links", count=2, outside=1)


def speaking(user, language):
    save_profile(user=user, display_name=user.get_username(), language=language)
    return user


def sent_to(address):
    [message] = [message for message in mail.outbox if message.to == [address]]
    return message


def held_comment(post):
    return make_comment(
        post=post, status=Status.PENDING, body="Domanda urgente", spam_reasons=[LINKS]
    )


@pytest.mark.django_db
def test_an_italian_and_an_english_moderator_each_read_the_held_comment_in_their_language(
    post,
):
    italian = speaking(make_editor(email="elena@example.com"), "it")
    english = speaking(make_editor(email="emma@example.com"), "en")
    assert notify_moderators(held_comment(post)) == 2

    message = sent_to(italian.email)
    assert message.subject == f"Un commento attende la moderazione: «{post.title}»"
    assert "Perché è stato trattenuto" in message.body
    assert "Contiene 2 link, 1 verso siti non fidati." in message.body
    assert '<html lang="it">' in message.alternatives[0][0]

    message = sent_to(english.email)
    assert message.subject == f'A comment is held for moderation: "{post.title}"'
    assert "Why it was held" in message.body
    assert "Contains 2 links, 1 to sites that are not trusted." in message.body
    assert "Contiene" not in message.body
    assert '<html lang="en">' in message.alternatives[0][0]
    assert "/en/" in message.extra_headers["List-Unsubscribe"]


@pytest.mark.django_db
def test_each_moderator_gets_their_own_unsubscribe_link(post, client):
    first = speaking(make_editor(email="emma@example.com"), "en")
    second = speaking(make_editor(email="eric@example.com"), "en")
    notify_moderators(held_comment(post))
    links = {
        user.email: re.search(
            r"https?://[^/\s]+(/\S+/unsubscribe/\S+/)", sent_to(user.email).body
        )[1]
        for user in (first, second)
    }
    assert links[first.email] != links[second.email]
    assert "placeholder" not in "".join(links.values())
    client.post(links[second.email])
    assert Unsubscription.objects.filter(email=second.email).exists()
    assert not Unsubscription.objects.filter(email=first.email).exists()


@pytest.mark.django_db
def test_a_moderator_without_a_chosen_language_or_profile_reads_the_site_s_first(post):
    blank = speaking(make_editor(email="bianca@example.com"), "")
    no_profile = make_editor(email="nessuno@example.com")
    assert not Profile.objects.filter(user=no_profile).exists()
    notify_moderators(held_comment(post))
    for user in (blank, no_profile):
        message = sent_to(user.email)
        assert message.subject.startswith("Un commento attende la moderazione")
        assert "Contiene 2 link" in message.body


@pytest.mark.django_db
def test_the_article_s_author_reads_a_new_comment_in_their_language(
    post, author, django_capture_on_commit_callbacks
):
    speaking(author, "en")
    comment = make_comment(post=post, author_name="Lucia", body="Articolo utilissimo!")
    with django_capture_on_commit_callbacks(execute=True):
        services.moderate(comment=comment, status=Status.APPROVED)
    message = sent_to(author.email)
    assert message.subject == f'New comment on your article "{post.title}"'
    assert f'Lucia commented on your article "{post.title}"' in message.body
    assert "Read it on the site" in message.body


@pytest.mark.django_db
def test_the_article_s_author_without_a_choice_reads_it_in_the_site_s_first_language(
    post, author, django_capture_on_commit_callbacks
):
    comment = make_comment(post=post, author_name="Lucia")
    with django_capture_on_commit_callbacks(execute=True):
        services.moderate(comment=comment, status=Status.APPROVED)
    assert sent_to(author.email).subject == f"Nuovo commento al tuo articolo «{post.title}»"


@pytest.mark.django_db
def test_telling_the_moderators_takes_as_many_queries_for_six_as_for_two(post):
    def moderators_speaking(*languages):
        for language in languages:
            speaking(make_editor(), language)

    moderators_speaking("it", "en")
    comment = held_comment(post)
    with CaptureQueriesContext(connection) as two:
        assert notify_moderators(comment) == 2
    moderators_speaking("it", "en", "", "en")
    comment = held_comment(post)
    with CaptureQueriesContext(connection) as six:
        assert notify_moderators(comment) == 6
    assert len(six) == len(two)


# --- The profile page and the admin ------------------------------------------------------


@pytest.mark.django_db
def test_the_profile_page_saves_the_chosen_e_mail_language(client, reader):
    client.force_login(reader)
    page = client.get("/accounts/profile/").content.decode()
    assert 'name="language"' in page
    assert "Lingua delle e-mail" in page
    assert "La prima lingua del sito (Italiano)" in page
    response = client.post(
        "/accounts/profile/", {"display_name": "Reader", "bio": "", "language": "en"}
    )
    assert response.status_code == 302
    assert Profile.objects.get(user=reader).language == "en"
    assert 'value="en" selected' in client.get("/accounts/profile/").content.decode()

    client.post("/accounts/profile/", {"display_name": "Reader", "bio": "", "language": ""})
    assert Profile.objects.get(user=reader).language == ""


@pytest.mark.django_db
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_profile_page_names_each_language_in_itself_whatever_the_page_s_language(
    client, reader, prefix
):
    """As the language switcher does: a reader looking for their own language finds
    "English", not the Italian page's "Inglese"; each option says which language it is in."""
    client.force_login(reader)
    page = client.get(f"{prefix}/accounts/profile/").content.decode()
    assert '<option value="en" lang="en">English</option>' in page
    assert '<option value="it" lang="it">Italiano</option>' in page
    assert "Inglese" not in page


@pytest.mark.django_db
def test_the_profile_page_refuses_a_language_the_site_does_not_serve(client, reader):
    client.force_login(reader)
    response = client.post(
        "/accounts/profile/", {"display_name": "Reader", "bio": "", "language": "fr"}
    )
    assert response.status_code == 200
    [error] = response.context["form"].errors["language"]
    assert error == "«fr» non è una delle lingue del sito (l'impostazione SITE_LANGUAGES)."
    assert not Profile.objects.filter(user=reader, language="fr").exists()


@pytest.mark.django_db
def test_the_profile_admin_edits_the_e_mail_language(client):
    boss = make_user(is_staff=True, is_superuser=True)
    EmailAddress.objects.create(user=boss, email=boss.email, verified=True, primary=True)
    profile = save_profile(user=make_user(), display_name="Emma")
    client.force_login(boss)
    url = f"/admin/posts/profile/{profile.pk}/change/"
    assert 'name="language"' in client.get(url).content.decode()
    response = client.post(
        url, {"user": profile.user_id, "display_name": "Emma", "language": "en", "bio": ""}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    profile.refresh_from_db()
    assert profile.language == "en"


# --- Accounts (allauth) ------------------------------------------------------------------


@pytest.mark.django_db
def test_signing_up_on_the_english_pages_chooses_english_e_mails(client):
    response = client.post(
        "/en/accounts/signup/",
        {
            "email": "emma@example.com",
            "username": "emma",
            "display_name": "Emma",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )
    assert response.status_code == 302
    assert Profile.objects.get(user__username="emma").language == "en"
    [message] = mail.outbox
    assert "/en/accounts/confirm-email/" in message.body


@pytest.mark.django_db
def test_a_password_reset_asked_on_the_italian_pages_reaches_an_english_reader_in_english(
    client,
):
    emma = speaking(make_user(username="emma", email="emma@example.com"), "en")
    EmailAddress.objects.create(user=emma, email=emma.email, verified=True, primary=True)
    response = client.post("/accounts/password/reset/", {"email": "EMMA@example.com"})
    assert response.status_code == 302
    [message] = mail.outbox
    assert re.search(r"https?://[^/\s]+/en/accounts/password/reset/key/\S+/", message.body)
    assert "Password Reset" in message.subject
    assert "Customer experience blog" in message.from_email


@pytest.mark.django_db
def test_an_account_without_a_chosen_language_gets_account_mail_in_the_page_s_language(
    client,
):
    anna = make_user(username="anna", email="anna@example.com")
    EmailAddress.objects.create(user=anna, email=anna.email, verified=True, primary=True)
    client.post("/en/accounts/password/reset/", {"email": "anna@example.com"})
    [message] = mail.outbox
    assert re.search(r"https?://[^/\s]+/en/accounts/password/reset/key/\S+/", message.body)
    assert "Password Reset" in message.subject
