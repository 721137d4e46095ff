"""People's public profiles in the admin: display name, short bio and photo of authors."""

from django.contrib import admin

from posts.models import Profile


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["display_name", "user"]
    search_fields = ["display_name", "user__email"]
    raw_id_fields = ["user"]
    fields = ["user", "display_name", "bio", "avatar"]
