"""People's public profiles in the admin: display name, e-mail language, and
the short bio and photo of authors."""

from django.contrib import admin

from posts.models import Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["display_name", "user", "language"]
    list_filter = ["language"]
    search_fields = ["display_name", "user__email"]
    raw_id_fields = ["user"]
    fields = ["user", "display_name", "language", "bio", "avatar"]
