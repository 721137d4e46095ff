"""The moderation word lists and the unsubscribed addresses."""

from django.contrib import admin

from comments.models import ModerationTerm, Unsubscription


@admin.register(ModerationTerm)
class ModerationTermAdmin(admin.ModelAdmin):
    list_display = ["value", "kind", "list", "note", "created_at"]
    list_filter = ["list", "kind"]
    search_fields = ["value", "note"]


@admin.register(Unsubscription)
class UnsubscriptionAdmin(admin.ModelAdmin):
    """Who asked not to be e-mailed; deleting a row lets the e-mails through again."""

    list_display = ["email", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["email"]
    readonly_fields = ["created_at"]
    date_hierarchy = "created_at"
