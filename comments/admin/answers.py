"""The queue's answers to its script (static/js/moderation-queue.js): what a row's button or
a quick reply changed, as JSON, so the row and the counts are updated in place.

Without the script the same views answer as plain forms do: a message and a redirect to
the view of the queue the moderator came from; a page about one comment (reply, ban) keeps
that view to return to.
"""

from django.contrib import messages
from django.http import JsonResponse, QueryDict
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse

from comments.models import Comment

from .filters import counts_with_all, statuses_in_view

# The columns a move can change, sent again for a row that stays in its view.
CHANGING_COLUMNS = ("spam_score_mark", "reasons_summary", "row_actions")


def wants_json(request) -> bool:
    """Whether the queue's script sent the request (it asks for JSON; browsers never do)."""
    return "application/json" in request.headers.get("Accept", "")


def queue_filters(request) -> str:
    """The query string of the queue's view the request came from (Django's convention)."""
    source = request.POST if request.method == "POST" else request.GET
    return source.get("_changelist_filters", "")


def queue_url(filters: str) -> str:
    url = reverse("admin:comments_comment_changelist")
    return f"{url}?{filters}" if filters else url


def answer(modeladmin, request, *, message: str, level=messages.SUCCESS, comment=None, status=200):
    """Answer the script with JSON, or a plain form with a message and the queue."""
    filters = queue_filters(request)
    if not wants_json(request):
        modeladmin.message_user(request, message, level)
        return redirect(queue_url(filters))
    data = {
        "message": message,
        "level": messages.DEFAULT_TAGS[level],
        "counts": counts_with_all(Comment.objects.count_by_status()),
    }
    if comment is not None:
        data.update(row_answer(modeladmin, request, comment, filters))
    return JsonResponse(data, status=status)


def row_answer(modeladmin, request, comment, filters: str) -> dict:
    """What changed in a comment's row: its status, whether the view still lists it, and
    the cells a move can change."""
    view = modeladmin.queue_view(request, filters)
    return {
        "comment": comment.pk,
        "status": comment.status,
        "in_view": comment.status in statuses_in_view(QueryDict(filters).get("status")),
        "cells": {name: str(modeladmin.column(name, view)(comment)) for name in CHANGING_COLUMNS},
    }


def bulk_answer(modeladmin, request, said, pks) -> JsonResponse:
    """Answer a bulk action sent by the script: its messages, the counts and every selected
    row (the action posts to the queue's own address, whose query string is the view)."""
    filters = request.GET.urlencode()
    comments = Comment.objects.filter(pk__in=pks).select_related("post")
    return JsonResponse(
        {
            "message": " ".join(message for message, _level in said),
            "level": messages.DEFAULT_TAGS[said[0][1]],
            "counts": counts_with_all(Comment.objects.count_by_status()),
            "rows": [row_answer(modeladmin, request, comment, filters) for comment in comments],
        }
    )


def comment_page(modeladmin, request, template, *, comment, form, title, **extra):
    """A page about one comment of the queue (comment_page.html), returning to its view."""
    filters = queue_filters(request)
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": title,
        "opts": modeladmin.opts,
        "original": comment,
        "form": form,
        "has_view_permission": True,
        "changelist_filters": filters,
        "queue_url": queue_url(filters),
        **extra,
    }
    return TemplateResponse(request, template, context)
