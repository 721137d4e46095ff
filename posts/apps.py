from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PostsConfig(AppConfig):
    name = "posts"
    verbose_name = _("Articles")

    def ready(self):
        from blogsite import pagekeys
        from posts import cache, moves, names

        # What the stored lists read from the address: the page number, the search words.
        pagekeys.register_key_parameters("page", "q")

        cache.connect_receivers()
        names.connect_receivers()
        moves.connect_receivers()

        from blogsite.personal_data import registry
        from posts import personal_data

        registry.register(personal_data.SOURCE)
