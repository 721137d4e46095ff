"""Password rules as Django's, with every message in the reader's language."""

from django.contrib.auth import password_validation
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's, with its error in the words Django's catalogues translate: Django 5.2 wrote
    it anew with %d, a message no Italian catalogue has yet, so Italian readers were told in
    English that their password was too short."""

    def get_error_message(self):
        return ngettext(
            "This password is too short. It must contain at least %(min_length)d character.",
            "This password is too short. It must contain at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}
