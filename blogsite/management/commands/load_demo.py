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
from comments.demo import COMMENTS
from comments.models import Comment
from posts import services as post_services
from posts.demo.frontmatter import read_articles
from posts.demo.people import AUTHORS as DEMO_AUTHORS
from posts.demo.people import TAGS
from posts.models import Post, Profile, Tag, display_name
from posts.reactions.models import ReactionKind
from posts.reactions.services import cast_reaction
from posts.reactions.voters import anonymous_voter


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
        tags = {slug: self.ensure_tag(name, slug, text) for name, slug, text in TAGS}
        kinds = {kind.code: kind for kind in ReactionKind.objects.filter(active=True)}
        for article in read_articles():
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

    def ensure_tag(self, name, slug, description):
        # An editor may have created the tag by hand, with the same name or slug.
        tag = Tag.objects.filter(Q(slug=slug) | Q(name=name), language="it").first()
        if tag is None:
            tag = post_services.create_tag(
                name=name, slug=slug, description=description, language="it"
            )
            self.created["tags"] += 1
            self.log(f"tag {slug}")
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
        post = post_services.create_post(
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
            tags=[tags[slug] for slug in article.tags],
        )
        self.created["articles"] += 1
        self.log(f"article {post.slug} ({post.status})")
        for thread in COMMENTS.get(post.slug, []):
            root = self.add_comment(post, thread)
            for reply in thread.get("replies", []):
                self.add_comment(post, reply, parent=root)
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
