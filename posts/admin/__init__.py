# One module per concept; Django's autodiscovery imports this package.
from . import post, reaction  # noqa: F401
