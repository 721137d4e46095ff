# One module per concept; Django's autodiscovery imports this package.
from . import media, post  # noqa: F401
