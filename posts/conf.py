"""The reactions settings, read in one place with their defaults.

REACTIONS_IP_HOURLY_LIMIT: new anonymous votes accepted per IP address, per article, per
clock hour (0 = no cap). REACTIONS_REQUIRE_LOGIN: only signed-in readers may react.
"""

from django.conf import settings

# The anonymous voter cookie: a long random id, signed, never readable by scripts.
VOTER_COOKIE_NAME = "reactions_voter"
VOTER_COOKIE_SALT = "posts.reactions.voter"
VOTER_COOKIE_MAX_AGE = 60 * 60 * 24 * 365 * 2  # two years


def ip_hourly_limit() -> int:
    return int(getattr(settings, "REACTIONS_IP_HOURLY_LIMIT", 20))


def require_login() -> bool:
    return bool(getattr(settings, "REACTIONS_REQUIRE_LOGIN", False))
