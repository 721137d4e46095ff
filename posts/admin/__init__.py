# One module per concept; Django's autodiscovery imports this package.
from . import post, wordpress_import  # noqa: F401
