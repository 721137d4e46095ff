"""`manage.py load_demo`: the demo site, written through the same services as everything else.

It lives in the project (blogsite), not in posts: the demo spans articles, comments and
reactions, and posts never imports the apps that depend on it.
"""

from collections import Counter
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from blogsite.roles import AUTHORS
from comments import services as comment_services
from comments.demo import COMMENTS, WAITING
from comments.models import Comment
from comments.moderation import TrustEvidence
from comments.spam import pipeline as spam
from posts import services as post_services
from posts.demo.frontmatter import read_articles
from posts.demo.people import AUTHORS as DEMO_AUTHORS
from posts.demo.people import TAGS
from posts.languages import language_codes
from posts.models import Post, Profile, Tag, display_name
from posts.reactions.models import ReactionKind
from posts.reactions.services import cast_reaction
from posts.reactions.voters import anonymous_voter

DEMO_READER_IP = "203.0.113.7"  # TEST-NET-3 (RFC 5737): no real reader's address


class Command(BaseCommand):
    help = (
        "Load the demo authors, tags, articles, comments and reactions. Idempotent: rows are "
        "found by username or slug and only created when missing; existing rows, including "
        "anything edited in the admin, are left as they are. Comments and reactions come "
        "with their article, so they are only added when the article itself is created."
    )

    @transaction.atomic
    def handle(self, *args, **options):
        self.created, self.kept = Counter(), Counter()
        self.verbose = options["verbosity"] >= 2
        # Dates are relative to the first load, at a plausible hour, so a fresh site looks
        # current: "days_ago" in each article's header.
        self.today = timezone.localtime().replace(hour=9, minute=30, second=0, microsecond=0)
        authors = {data["username"]: self.ensure_author(data) for data in DEMO_AUTHORS}
        tags = self.ensure_tags()
        kinds = {kind.code: kind for kind in ReactionKind.objects.filter(active=True)}
        # Italian first, so that a translation finds the article it translates.
        articles = sorted(read_articles(), key=lambda article: article.language != "it")
        # The demo is written in Italian and English: a site serving other languages
        # (SITE_LANGUAGES) gets the part it serves.
        articles = [article for article in articles if article.language in language_codes()]
        for article in articles:
            self.ensure_post(article, authors, tags, kinds)
        created = ", ".join(
            f"{self.created[key]} {key}"
            for key in ("authors", "tags", "articles", "comments", "reactions")
        )
        kept = ", ".join(f"{self.kept[key]} {key}" for key in ("authors", "tags", "articles"))
        self.stdout.write(f"Demo content: created {created}; already present, left as is: {kept}.")

    def log(self, message):
        if self.verbose:
            self.stdout.write(f"  {message}")

    def ensure_author(self, data):
        user, created = get_user_model().objects.get_or_create(
            username=data["username"], defaults={**data, "is_staff": True}
        )
        if created:
            user.set_unusable_password()  # an admin sets a real one when the author joins
            user.save(update_fields=["password"])
            user.groups.add(Group.objects.get(name=AUTHORS))
            Profile.objects.get_or_create(
                user=user, defaults={"display_name": user.get_full_name()}
            )
            self.created["authors"] += 1
            self.log(f"author {user.username}")
        else:
            self.kept["authors"] += 1
        return user

    def ensure_tags(self):
        """Each demo tag in Italian and in English, linked as translations.

        Return {(language, Italian slug): tag}: the articles name their tags by the Italian
        slug, whatever their language.
        """
        tags = {}
        served = language_codes()
        for it_name, it_slug, it_text, en_name, en_slug, en_text in TAGS:
            if "it" in served:
                tags["it", it_slug] = self.ensure_tag(it_name, it_slug, it_text, language="it")
            if "en" in served:
                tags["en", it_slug] = self.ensure_tag(en_name, en_slug, en_text, language="en")
            if ("it", it_slug) in tags and ("en", it_slug) in tags:
                link_translations(tags["it", it_slug], tags["en", it_slug])
        return tags

    def ensure_tag(self, name, slug, description, *, language):
        # An editor may have created the tag by hand, with the same name or slug.
        tag = Tag.objects.filter(Q(slug=slug) | Q(name=name), language=language).first()
        if tag is None:
            tag = post_services.create_tag(
                name=name, slug=slug, description=description, language=language
            )
            self.created["tags"] += 1
            self.log(f"tag {slug} ({language})")
        else:
            self.kept["tags"] += 1
        return tag

    def ensure_post(self, article, authors, tags, kinds):
        if Post.objects.filter(slug=article.slug, language=article.language).exists():
            self.kept["articles"] += 1
            return
        published_at = (
            None
            if article.status == Post.Status.DRAFT
            else self.today - timedelta(days=article.days_ago)
        )
        translation_key = None
        if article.translation_of:
            original = Post.objects.filter(slug=article.translation_of, language="it").first()
            if (
                original is not None
                and not original.translations().filter(language=article.language).exists()
            ):
                translation_key = ensure_key(original)
        post = post_services.create_post(
            translation_key=translation_key,
            title=article.title,
            slug=article.slug,
            author=authors[article.author],
            lead=article.lead,
            body=article.body,
            language=article.language,
            status=article.status,  # a publication date in the future schedules it
            published_at=published_at,
            # Written when it was published: no "updated on <today>" line on demo articles.
            updated_at=published_at,
            tags=[tags[article.language, slug] for slug in article.tags],
        )
        self.created["articles"] += 1
        self.log(f"article {post.slug} ({post.status})")
        for thread in COMMENTS.get(post.slug, []):
            root = self.add_comment(post, thread)
            for reply in thread.get("replies", []):
                self.add_comment(post, reply, parent=root)
        for data in WAITING.get(post.slug, []):
            self.add_waiting_comment(post, data)
        self.add_reactions(post, article.reactions, kinds)

    def add_comment(self, post, data, parent=None):
        user = post.author if data.get("by_author") else None
        comment = comment_services.create_comment(
            post=post,
            parent=parent,
            user=user,
            author_name=display_name(user) if user else data["name"],
            author_email=user.email if user else data["email"],
            body=data["body"],
            status=Comment.Status.APPROVED,
            submitted_at=min(post.published_at + timedelta(hours=data["hours"]), timezone.now()),
            language=post.language,
        )
        self.created["comments"] += 1
        return comment

    def add_waiting_comment(self, post, data):
        """A comment decided as a reader's is: the spam check and the moderation rules set
        its status and reasons. Without Akismet, which must not learn from invented readers."""
        comment = comment_services.build_comment(
            post=post,
            author_name=data["name"],
            author_email=data["email"],
            author_url=data.get("url", ""),
            body=data["body"],
            ip_address=DEMO_READER_IP,
            language=post.language,
            submitted_at=timezone.now() - timedelta(hours=data["hours"]),
        )
        verdict = spam.check_comment(comment_services.candidate_for(comment), use_akismet=False)
        comment_services.apply_rules(comment, verdict=verdict, trust=TrustEvidence())
        comment_services.save_new_comment(comment, announce=False)
        self.created["comments"] += 1
        self.log(f"comment by {comment.author_name} on {post.slug} ({comment.status})")

    def add_reactions(self, post, counts, kinds):
        if not post.is_published:
            return  # readers cannot react to what they cannot see
        total = sum(counts.values())
        voters = (anonymous_voter(f"demo-reader-{post.pk}-{n}") for n in range(total))
        for code, count in counts.items():
            if code not in kinds:  # an editor may have retired a kind
                continue
            for _ in range(count):
                cast_reaction(post=post, kind=kinds[code], voter=next(voters))
                self.created["reactions"] += 1


def ensure_key(obj):
    """Give obj a translation_key if it has none (an update: nothing else of it changes)."""
    if obj.translation_key is None:
        obj.ensure_translation_key()
        type(obj).objects.filter(pk=obj.pk).update(translation_key=obj.translation_key)
    return obj.translation_key


def link_translations(original, translation):
    """Link translation to original, unless an editor has linked either elsewhere."""
    if translation.translation_key is not None:
        return
    key = ensure_key(original)
    taken = type(original).objects.filter(translation_key=key, language=translation.language)
    if not taken.exists():
        type(translation).objects.filter(pk=translation.pk).update(translation_key=key)
        translation.translation_key = key
