# One module per concept; Django's autodiscovery imports this package.
from . import media, page, post, profile  # noqa: F401
