"""The peer of bench/comments_page.py: the same article page rendered by django-comments-xtd.

Run by comments_page.py with the interpreter of its own venv (bench/.peer-venv, where
django-comments-xtd 2.10.13 and the Django it needs are installed), never with ours:
    bench/.peer-venv/bin/python bench/xtd_peer.py 10 200 1000

It writes a minimal Django project into a temporary directory (settings, an Article model,
a detail view and a template that shows the article, its comment count, every comment
threaded with xtd's own `render_xtdcomment_tree` and its comment form), creates the SQLite
database, seeds each size with the same threading shape as ours (a third top-level, the
rest replies, every second reply of a thread answering the reply before it), GETs each page
with the test Client and prints one JSON line per size: median and p95 ms, queries, shown.
"""

import json
import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

RUNS = int(os.environ.get("BENCH_RUNS", "30"))
WITH_USERS = os.environ.get("BENCH_USERS", "1") != "0"  # as in comments_page.py
WARMUP = 3

SETTINGS = """
SECRET_KEY = "peer-bench-only"
DEBUG = False
ALLOWED_HOSTS = ["testserver"]
INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.sites",
    "django_comments_xtd",
    "django_comments",
    "articles",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
ROOT_URLCONF = "peerblog.urls"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [BASE / "templates"],
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
    ]},
}]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE / "peer.sqlite3"}}
SITE_ID = 1
USE_TZ = True
LANGUAGE_CODE = "it"
COMMENTS_APP = "django_comments_xtd"
COMMENTS_XTD_MAX_THREAD_LEVEL = 2
COMMENTS_XTD_CONFIRM_EMAIL = False
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
"""

URLS = """
from django.urls import include, path

from articles.views import ArticleDetailView

urlpatterns = [
    path("articolo/<slug:slug>/", ArticleDetailView.as_view(), name="article"),
    path("comments/", include("django_comments_xtd.urls")),
]
"""

MODELS = """
from django.db import models
from django.urls import reverse


class Article(models.Model):
    title = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    body = models.TextField()
    published_at = models.DateTimeField()
    allow_comments = models.BooleanField(default=True)

    def get_absolute_url(self):
        return reverse("article", kwargs={"slug": self.slug})
"""

VIEWS = """
from django.views.generic import DetailView

from articles.models import Article


class ArticleDetailView(DetailView):
    model = Article
    template_name = "article.html"
"""

TEMPLATE = """{% load comments comments_xtd %}<!doctype html>
<html lang="it"><head><title>{{ object.title }}</title></head><body>
<article><h1>{{ object.title }}</h1><p>{{ object.published_at|date:"j F Y" }}</p>
<div>{{ object.body|linebreaks }}</div></article>
{% get_comment_count for object as comment_count %}
<h2>{{ comment_count }} commenti</h2>
{% render_xtdcomment_tree for object %}
{% render_comment_form for object %}
</body></html>
"""


def write_project(base: Path) -> None:
    (base / "peerblog").mkdir()
    (base / "peerblog" / "__init__.py").write_text("")
    settings = "from pathlib import Path\nBASE = Path(__file__).resolve().parent.parent\n"
    (base / "peerblog" / "settings.py").write_text(settings + SETTINGS)
    (base / "peerblog" / "urls.py").write_text(URLS)
    (base / "articles").mkdir()
    (base / "articles" / "__init__.py").write_text("")
    (base / "articles" / "models.py").write_text(MODELS)
    (base / "articles" / "views.py").write_text(VIEWS)
    (base / "templates").mkdir()
    (base / "templates" / "article.html").write_text(TEMPLATE)


def seed(size, users):
    from articles.models import Article
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from django_comments_xtd.models import XtdComment

    article = Article.objects.create(
        title=f"Articolo con {size} commenti",
        slug=f"bench-{size}",
        body="Un articolo di prova.",
        published_at=timezone.now() - timedelta(days=1),
    )
    content_type = ContentType.objects.get_for_model(Article)
    start = timezone.now() - timedelta(hours=size)

    def add(n, parent_id, **fields):
        return XtdComment.objects.create(
            content_type=content_type,
            object_pk=str(article.pk),
            site_id=1,
            parent_id=parent_id,
            is_public=True,
            submit_date=start + timedelta(minutes=n),
            **fields,
        )

    top_count = max(size // 3, 1)
    tops = [
        add(
            n,
            0,
            user=users[n % len(users)] if WITH_USERS and n % 4 == 0 else None,
            user_name=f"Lettore {n}",
            user_email=f"lettore{n}@example.com",
            user_url="https://example.com/" if n % 5 == 0 else "",
            comment=f"Commento {n} con un link https://example.org/{n}\nsu due righe.",
        )
        for n in range(top_count)
    ]
    per_thread = {}
    for n in range(size - top_count):
        top = tops[n % top_count]
        thread = per_thread.setdefault(n % top_count, [])
        parent = thread[-1] if len(thread) % 2 else top
        thread.append(
            add(
                top_count + n,
                parent.pk,
                user_name=f"Risposta {n}",
                user_email=f"risposta{n}@example.com",
                comment=f"Risposta {n}.",
            )
        )
    assert XtdComment.objects.filter(object_pk=str(article.pk)).count() == size
    return article


def measure(client, url):
    from pagetiming import time_page  # bench/, beside this script

    page = time_page(client, url, runs=RUNS, warmup=WARMUP)
    content = page.pop("content")
    return {**page, "shown": content.count(b'id="c')}


def main(sizes):
    with tempfile.TemporaryDirectory(prefix="xtd-peer-") as tmp:
        base = Path(tmp)
        write_project(base)
        sys.path.insert(0, str(base))
        os.environ["DJANGO_SETTINGS_MODULE"] = "peerblog.settings"
        import django

        django.setup()
        from django.contrib.auth import get_user_model
        from django.core.management import call_command
        from django.test import Client
        from django.test.utils import setup_test_environment

        call_command("migrate", run_syncdb=True, verbosity=0)
        setup_test_environment()
        User = get_user_model()
        users = [User.objects.create_user(f"bench{n}", f"b{n}@example.com", "x") for n in range(5)]
        client = Client()
        for size in sizes:
            article = seed(size, users)
            result = measure(client, article.get_absolute_url())
            print(json.dumps({"size": size, **result}), flush=True)


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]])
