# One module per concept; Django's autodiscovery imports this package.
from . import personal_data, third_party  # noqa: F401
