"""The queue's bulk actions: one per BulkAction of comments.transitions, each one service call
for the whole selection. Sent by the queue's script, they answer JSON (answers.bulk_answer)
and the rows change in place; as a plain form, a message and the queue again."""

from django.contrib import admin, messages
from django.utils.translation import ngettext

from comments import services
from comments.models import Comment
from comments.transitions import BULK_ACTIONS, BulkAction

from .answers import bulk_answer, wants_json


def moderate_selected(modeladmin, request, queryset, action: BulkAction):
    """Move the selected comments the action applies to; say how many moved and how many
    were left as they were."""
    selected = list(queryset.select_related("post"))
    eligible = [comment for comment in selected if action.applies_to(comment.status)]
    # One service call: the spam filter learns the whole selection in one update.
    changed = len(
        services.moderate_many(comments=eligible, status=action.target, moderator=request.user)
    )
    skipped = len(selected) - changed
    label = Comment.Status(action.target).label
    said = [
        (
            ngettext(
                "%(count)d comment moved to %(status)s.",
                "%(count)d comments moved to %(status)s.",
                changed,
            )
            % {"count": changed, "status": label},
            messages.SUCCESS if changed else messages.WARNING,
        )
    ]
    if skipped:
        said.append(
            (
                ngettext(
                    "%(count)d comment left as it was.",
                    "%(count)d comments left as they were.",
                    skipped,
                )
                % {"count": skipped},
                messages.INFO,
            )
        )
    if wants_json(request):
        return bulk_answer(modeladmin, request, said, [comment.pk for comment in selected])
    for message, level in said:
        modeladmin.message_user(request, message, level)
    return None


def bulk_action(action: BulkAction):
    """The admin action for one BulkAction, named as it (the name the action form posts)."""

    def run(modeladmin, request, queryset):
        return moderate_selected(modeladmin, request, queryset, action)

    run.__name__ = action.name
    return admin.action(description=action.description, permissions=["change"])(run)


ACTIONS = [bulk_action(action) for action in BULK_ACTIONS]
