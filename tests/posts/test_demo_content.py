import re
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils.html import escape

from comments.demo import WAITING
from comments.models import Comment
from posts.demo.frontmatter import parse, read_articles
from posts.models import Post, Tag
from posts.reactions.models import Reaction

pytestmark = pytest.mark.django_db

WAITING_NAMES = [data["name"] for items in WAITING.values() for data in items]


def load_demo():
    out = StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def counts():
    return {
        model.__name__: model.objects.count()
        for model in (get_user_model(), Tag, Post, Comment, Reaction)
    }


@pytest.fixture
def demo():
    return load_demo()


def test_loading_the_demo_publishes_at_least_eight_italian_articles(demo):
    published = Post.objects.published()
    assert published.count() >= 8
    assert published.filter(language="it").count() >= 8
    assert published.filter(language="en").exists()


def test_loading_the_demo_creates_described_tags_including_servizio_clienti(demo):
    assert Tag.objects.count() >= 5
    tag = Tag.objects.get(slug="servizio-clienti")
    assert tag.name == "servizio clienti"
    assert not Tag.objects.filter(description="").exists()
    assert Post.objects.published().tagged(tag).count() >= 3


def test_loading_the_demo_creates_two_named_authors_in_the_authors_group(demo):
    authors = get_user_model().objects.filter(groups__name="Authors")
    assert authors.count() == 2
    for user in authors:
        assert user.first_name and user.last_name
        assert not user.has_usable_password()
        assert user.posts.exists()


def test_the_demo_has_exactly_one_scheduled_and_one_draft_hidden_from_readers(demo, client):
    scheduled = Post.objects.get(status=Post.Status.SCHEDULED)
    draft = Post.objects.get(status=Post.Status.DRAFT)
    for post in (scheduled, draft):
        assert post not in Post.objects.published()
        assert client.get(post.get_absolute_url()).status_code == 404


def test_every_published_demo_article_renders_its_page(demo, client):
    for post in Post.objects.published():
        response = client.get(post.get_absolute_url())
        assert response.status_code == 200, post.slug
        assert escape(post.title) in response.text


def test_loading_the_demo_twice_creates_no_duplicates(demo):
    before = counts()
    output = load_demo()
    assert counts() == before
    assert "created 0 authors, 0 tags, 0 articles, 0 comments, 0 reactions" in output


def test_loading_the_demo_again_leaves_an_article_edited_in_the_admin_as_it_is(demo):
    post = Post.objects.get(slug="resi-senza-attrito")
    post.title = "Resi: la versione rivista dalla redazione"
    post.save()
    Tag.objects.filter(slug="resi").update(description="Scritta a mano.")
    load_demo()
    post.refresh_from_db()
    assert post.title == "Resi: la versione rivista dalla redazione"
    assert Tag.objects.get(slug="resi").description == "Scritta a mano."


def test_demo_comments_are_approved_threads_with_roots_and_depths(demo):
    comments = Comment.objects.exclude(author_name__in=WAITING_NAMES)
    assert comments.count() >= 5
    assert not comments.exclude(status=Comment.Status.APPROVED).exists()
    top_level = comments.filter(parent=None)
    replies = comments.exclude(parent=None)
    assert replies.exists()
    for comment in top_level:
        assert comment.root_id is None  # its own thread
        assert comment.depth == 0
    for reply in replies:
        assert reply.root_id == reply.parent_id
        assert reply.depth == 1
        assert reply.submitted_at > reply.parent.submitted_at
    for comment in comments:
        assert comment.author_email.endswith(("@example.com", "@example.org"))
        assert comment.post.is_published


def test_the_demo_leaves_the_moderation_queue_with_comments_decided_as_a_readers_are(demo):
    waiting = Comment.objects.filter(author_name__in=WAITING_NAMES)
    assert waiting.count() == len(WAITING_NAMES) >= 3
    pending = waiting.filter(status=Comment.Status.PENDING)
    spam = waiting.filter(status=Comment.Status.SPAM)
    assert pending.count() >= 2 and spam.count() >= 1
    for comment in waiting:
        # The spam check and the moderation rules gave their reasons, as for a reader.
        checks = {reason["check"] for reason in comment.spam_reasons}
        assert "moderation.first-time" in checks, comment.author_name
        assert comment.spam_verdict and comment.spam_score is not None
        assert comment.post.is_published
        domain = comment.author_email.rpartition("@")[2]
        assert domain in ("example.com", "example.net", "example.org") or domain.endswith(
            ".example"
        )
    assert {"links", "phrases"} <= {reason["check"] for reason in spam.get().spam_reasons}


def test_the_demos_waiting_comments_are_not_shown_to_readers(demo, client):
    for comment in Comment.objects.filter(author_name__in=WAITING_NAMES):
        page = client.get(comment.post.get_absolute_url()).content.decode()
        assert escape(comment.body[:40]) not in page


def test_an_author_reply_in_the_demo_is_linked_to_the_articles_author(demo):
    reply = Comment.objects.exclude(user=None).first()
    assert reply is not None
    assert reply.user == reply.post.author
    assert reply.author_name == reply.post.author.get_full_name()


def test_demo_reactions_are_anonymous_readers_on_published_articles_only(demo):
    reactions = Reaction.objects.all()
    assert reactions.count() >= 20
    voters = list(reactions.values_list("voter", flat=True))
    # Cast through the reaction service as anonymous readers would, one reader per vote.
    assert all(voter.startswith("a:") for voter in voters)
    assert len(set(voters)) == len(voters)
    assert not reactions.exclude(post__in=Post.objects.published()).exists()
    assert reactions.values("kind").distinct().count() >= 3


def test_a_demo_article_carries_a_sponsored_link(demo):
    sponsored = [post for post in Post.objects.published() if "sponsored" in post.body_html]
    assert len(sponsored) == 1
    assert re.search(
        r'<a href="https://example\.com/[^"]*" rel="sponsored noopener">[^<]+</a> '
        r'<span class="sponsor-marker">\[sponsor\]</span>',
        sponsored[0].body_html,
    )


def test_every_demo_article_file_is_substantive_and_links_only_to_example_domains():
    articles = read_articles()
    assert len(articles) >= 10
    assert len({article.slug for article in articles}) == len(articles)
    for article in articles:
        words = len(re.findall(r"\w+", article.body))
        assert 300 <= words <= 700, (article.slug, words)
        assert "\n## " in article.body, article.slug
        assert "\n> " in article.body, article.slug
        for url in re.findall(r"\]\((\S+)", article.body):
            assert re.match(r"https://example\.(com|org)/", url), (article.slug, url)


def test_the_front_matter_reader_rejects_a_file_without_a_header():
    with pytest.raises(ValueError, match="header"):
        parse("# Just Markdown\n", source="broken.md")
    with pytest.raises(ValueError, match="missing header fields slug"):
        parse("---\ntitle: T\nauthor: a\nlead: L\ndays_ago: 1\n---\nBody\n", source="x.md")


def test_demo_articles_do_not_claim_to_have_been_updated_today(client, demo):
    for post in Post.objects.published():
        assert not post.was_updated
        assert "Aggiornato il" not in client.get(post.get_absolute_url()).text


def test_every_demo_article_is_in_italian_and_at_least_four_have_an_english_translation(demo):
    english = Post.objects.filter(language="en")
    assert english.count() >= 4
    for post in english:
        italian = post.translations().get()
        assert italian.language == "it"
        assert italian.title != post.title
    assert (
        Post.objects.filter(
            language="it", translation_key__in=english.values("translation_key")
        ).count()
        == english.count()
    )


def test_demo_tags_have_an_english_translation_shown_on_the_english_side(demo, client):
    for tag in Tag.objects.filter(language="it"):
        assert tag.translations().get().language == "en"
    english = Tag.objects.get(slug="customer-service", language="en")
    assert english.translations().get().slug == "servizio-clienti"
    text = client.get("/en/articles/returns-without-friction/").text
    assert ">customer service<" in text and "servizio clienti" not in text
    assert 'hreflang="it" href="http' in text and "/articoli/resi-senza-attrito/" in text
