# One module per concept; Django's autodiscovery imports this package.
from . import post  # noqa: F401
