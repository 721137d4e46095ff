# One module per concept; Django's autodiscovery imports this package.
from . import media, post, profile, wordpress_import  # noqa: F401
