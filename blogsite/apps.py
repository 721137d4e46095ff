from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BlogsiteConfig(AppConfig):
    name = "blogsite"
    verbose_name = _("Site")
