"""Comments come over with their threads, statuses and kinds; importing is not trust."""

from comments.conf import comment_settings
from comments.models import Comment, ConfirmedEmail
from comments.moderation import TrustEvidence
from comments.services import submit_comment
from posts.models import Post
from wordpress.importer import run_import


def test_a_ten_level_thread_attaches_below_the_deepest_allowed_level(imported):
    max_depth = int(comment_settings.MAX_DEPTH)
    thread = {c.wordpress_id: c for c in Comment.objects.filter(wordpress_id__range=(100, 109))}
    assert len(thread) == 10
    assert thread[100].parent is None
    assert thread[101].parent == thread[100]
    assert max(c.depth for c in thread.values()) == max_depth - 1
    assert {c.root_id for c in thread.values() if c.parent} == {thread[100].pk}


def test_statuses_kinds_authors_and_addresses_are_kept(imported):
    by_id = {c.wordpress_id: c for c in Comment.objects.all()}
    assert by_id[111].status == Comment.Status.PENDING
    assert by_id[112].status == Comment.Status.SPAM
    assert by_id[113].status == Comment.Status.TRASH
    assert by_id[110].kind == Comment.Kind.PINGBACK
    assert by_id[110].ip_address == "198.51.100.7"
    assert by_id[115].user.profile.wordpress_id == 1
    assert by_id[102].author_url == "https://lettore2.example.com/"


def test_a_javascript_author_url_is_never_stored_and_html_becomes_text(imported):
    sly = Comment.objects.get(wordpress_id=114)
    assert sly.author_url == ""
    assert "javascript" not in sly.body and "<" not in sly.body_html.replace("<p>", "").replace(
        "</p>", ""
    )
    assert sly.body == "Guarda qui e qui"


def test_imported_addresses_earn_no_trust_for_whoever_types_them(imported):
    assert not ConfirmedEmail.objects.exists()
    post = Post.objects.get(wordpress_id=10)
    comment = submit_comment(
        post=post,
        body="Scrivo con l'indirizzo di un commentatore approvato.",
        name="Lettore 1",
        email="lettore1@example.com",
        trust=TrustEvidence(),
    )
    assert comment.status != Comment.Status.APPROVED


def test_train_spam_teaches_the_classifier_from_approved_and_spam_comments(
    db, wxr_file, media_dir, media_root
):
    report = run_import(wxr_file, media_dir=media_dir, options={"train_spam": True})
    # Approved (10 thread + pingback + 2) and spam (1): pending and trash teach nothing.
    assert report.total("spam training", "created") == 14


def test_replies_listed_before_their_parents_and_parent_cycles_still_import(
    db, wxr_file, tmp_path, media_root
):
    text = wxr_file.read_text(encoding="utf-8")
    # The thread's first comment answers its last: a cycle a damaged export can carry.
    start = text.index("<wp:comment><wp:comment_id>100</wp:comment_id>")
    end = text.index("</wp:comment>", start) + len("</wp:comment>")
    first = text[start:end].replace(
        "<wp:comment_parent>0</wp:comment_parent>", "<wp:comment_parent>109</wp:comment_parent>"
    )
    # ...and it is listed last, after its replies.
    text = text[:start] + text[end:]
    text = text.replace("</item>", first + "</item>", 1)
    damaged = tmp_path / "damaged.xml"
    damaged.write_text(text, encoding="utf-8")
    report = run_import(damaged)
    thread = {c.wordpress_id: c for c in Comment.objects.filter(wordpress_id__range=(100, 109))}
    assert len(thread) == 10
    assert report.total("comments", "skipped") == 0
    assert sum(1 for c in thread.values() if c.parent_id is None) == 1
