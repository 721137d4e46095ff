"""The reactions settings (REACTIONS_*), with their defaults and types."""

from blogsite.appsettings import AppSettings, Bool, Int
from posts.reactions.cookie_names import VOTER_COOKIE_NAME  # noqa: F401 (re-exported)

reaction_settings = AppSettings(
    "REACTIONS_",
    # New anonymous votes accepted per IP address, per article, per clock hour (0: no cap).
    IP_HOURLY_LIMIT=Int(20, minimum=0),
    REQUIRE_LOGIN=Bool(False),  # only signed-in readers may react
)

# The anonymous voter cookie: a long random id, signed, never readable by scripts (its
# name, VOTER_COOKIE_NAME, in posts.reactions.cookie_names: the page cache's list reads it).
VOTER_COOKIE_SALT = "posts.reactions.voter"
VOTER_COOKIE_MAX_AGE = 60 * 60 * 24 * 365 * 2  # two years
