from urllib.parse import urlsplit

from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def sync_site_with_settings(sender, using="default", apps=None, **kwargs):
    """Keep the sites framework's domain and name equal to SITE_URL and the blog's name.

    allauth's e-mails and the site's own replies use them; the default is "example.com".
    """
    from django.conf import settings
    from django.contrib.sites.models import Site

    from blogsite.sitename import site_name_in

    domain = urlsplit(settings.SITE_URL).netloc or "127.0.0.1:8000"
    Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID,
        defaults={"domain": domain, "name": site_name_in(settings.LANGUAGE_CODE)},
    )
    Site.objects.clear_cache()


class BlogsiteConfig(AppConfig):
    name = "blogsite"
    verbose_name = _("Site")

    def ready(self):
        # Imported for what they register: the settings check, the <id:...> converter.
        from blogsite import checks, ids, pagekeys  # noqa: F401 (PAGE_CACHE_* settings)
        from blogsite.personal_data import accounts, conf, registry  # noqa: F401 (settings)
        from blogsite.roles import sync_roles

        registry.register(accounts.SOURCE)

        # After django.contrib.sites has created its default "example.com" row.
        post_migrate.connect(sync_site_with_settings, sender=apps.get_app_config("sites"))
        # post_migrate is sent once per app with models, in INSTALLED_APPS order; by the
        # last one, auth has created every app's permissions.
        last = [config for config in apps.get_app_configs() if config.models_module][-1]
        post_migrate.connect(sync_roles, sender=last)
