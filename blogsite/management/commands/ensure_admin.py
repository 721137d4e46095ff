import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

PASSWORD_FILE = Path(settings.BASE_DIR) / ".admin-password"


class Command(BaseCommand):
    help = (
        "Ensure an 'admin' superuser exists and print its login. The password comes from "
        "ADMIN_PASSWORD, or is generated once and kept in .admin-password (not in git). "
        "Readers see it as ADMIN_NAME (default: the blog's name), the name it publishes under."
    )

    def handle(self, *args, **options):
        password = os.environ.get("ADMIN_PASSWORD") or self.stored_or_new_password()
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username="admin", defaults={"email": "admin@example.com"}
        )
        user.is_staff = user.is_superuser = user.is_active = True
        if created or not user.check_password(password):
            user.set_password(password)
        user.save()
        self.ensure_verified_email(user)
        name = self.ensure_display_name(user)
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin login: username 'admin', password '{password}' "
                f"(publishes as '{name}': ADMIN_NAME)"
            )
        )

    def ensure_display_name(self, user) -> str:
        """Give the admin its public name: ADMIN_NAME when set (every run), else the site's
        name, once (a name chosen later in the admin or on the account page is kept)."""
        from blogsite.sitename import site_name_in
        from posts.models import Profile
        from posts.names import current_display_name
        from posts.services import save_profile

        wanted = os.environ.get("ADMIN_NAME", "").strip()
        chosen = Profile.objects.filter(user=user).values_list("display_name", flat=True).first()
        if wanted and wanted != chosen:
            save_profile(user=user, display_name=wanted)
        elif not wanted and not chosen:
            save_profile(user=user, display_name=site_name_in(settings.LANGUAGE_CODE))
        return current_display_name(user.pk)

    def stored_or_new_password(self):
        if PASSWORD_FILE.exists():
            stored = PASSWORD_FILE.read_text().strip()
            if stored:
                return stored
        password = secrets.token_urlsafe(12)
        PASSWORD_FILE.write_text(password + "\n")
        PASSWORD_FILE.chmod(0o600)
        return password

    def ensure_verified_email(self, user):
        # allauth requires a verified address for login with mandatory verification.
        from allauth.account.models import EmailAddress

        EmailAddress.objects.update_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
