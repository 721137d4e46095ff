"""The editor's endpoints in the admin: live preview, autosave, revisions with diff and restore.

All are admin views (staff only, CSRF-protected POSTs) wired by PostAdmin.get_urls; the
page's script is static/js/editor.js (no inline script: the site sends a strict CSP).
"""

import difflib

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from posts.markup import BodyFormat, render_body
from posts.models import Post, Revision
from posts.services import autosave_body, restore_revision

PREVIEW_MAX_CHARS = 200_000


@require_POST
def preview_view(request, model_admin):
    """Render a body with the article's own renderer (posts.markup.render_body), as JSON."""
    if not model_admin.has_add_permission(request) and not model_admin.has_change_permission(
        request
    ):
        raise PermissionDenied
    body = request.POST.get("body", "")[:PREVIEW_MAX_CHARS]
    body_format = request.POST.get("body_format") or BodyFormat.MARKDOWN
    if body_format not in BodyFormat.values:
        body_format = BodyFormat.MARKDOWN
    return JsonResponse({"html": render_body(body, body_format)})


def _post_for(request, model_admin, pk) -> Post:
    post = get_object_or_404(model_admin.get_queryset(request), pk=pk)
    if not model_admin.has_change_permission(request, post):
        raise PermissionDenied
    return post


@require_POST
def autosave_view(request, model_admin, pk):
    """Keep what the author is typing in their autosave slot; the article is untouched."""
    post = _post_for(request, model_admin, pk)
    revision = autosave_body(
        post=post,
        editor=request.user,
        title=request.POST.get("title", post.title),
        lead=request.POST.get("lead", post.lead),
        body=request.POST.get("body", ""),
    )
    return JsonResponse({"saved_at": revision.created_at.isoformat()})


def revisions_view(request, model_admin, pk):
    """The article's revisions, newest first, each with its diff against the one before."""
    post = _post_for(request, model_admin, pk)
    revisions = list(post.revisions.select_related("editor__profile"))
    rows = []
    for index, revision in enumerate(revisions):
        older = revisions[index + 1] if index + 1 < len(revisions) else None
        rows.append({"revision": revision, "diff": _diff(older, revision)})
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "original": post,
        "title": _("Revisions of “%(title)s”") % {"title": post.title},
        "rows": rows,
        "change_url": reverse("admin:posts_post_change", args=[post.pk]),
    }
    return TemplateResponse(request, "admin/posts/post/revisions.html", context)


def _diff(older, newer) -> list[tuple[str, str]]:
    """(css class, line) pairs of a unified diff of title, lead and body."""

    def text(revision):
        if revision is None:
            return []
        return [revision.title, "", revision.lead, "", *revision.body.splitlines()]

    lines = []
    for line in difflib.unified_diff(text(older), text(newer), lineterm="", n=2):
        if line.startswith(("---", "+++")):
            continue
        kind = {"+": "added", "-": "removed", "@": "hunk"}.get(line[:1], "same")
        lines.append((kind, line))
    return lines


@require_POST
def restore_view(request, model_admin, pk, revision_pk):
    post = _post_for(request, model_admin, pk)
    revision = get_object_or_404(Revision, pk=revision_pk, post=post)
    restore_revision(revision=revision, editor=request.user)
    messages.success(request, _("The revision has been restored."))
    return redirect("admin:posts_post_change", post.pk)


def autosave_for(post, user):
    """The user's autosave of post when it differs from what is saved, else None."""
    revision = post.revisions.filter(kind=Revision.Kind.AUTOSAVE, editor=user).first()
    if revision and (revision.body, revision.title, revision.lead) != (
        post.body,
        post.title,
        post.lead,
    ):
        return revision
    return None
