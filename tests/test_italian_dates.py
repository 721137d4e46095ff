"""Dates read as Italian writes them, in the admin too: "8 dicembre 2026", never Django's
capitalised "Martedì 08 Dicembre 2026" next to the site's "8 dicembre 2026"."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.utils import formats, translation

WHEN = datetime(2026, 12, 8, 9, 5, tzinfo=ZoneInfo("Europe/Rome"))


def test_italian_date_formats_write_months_in_lower_case():
    with translation.override("it"):
        assert formats.date_format(WHEN) == "8 dicembre 2026"
        assert formats.date_format(WHEN, "DATETIME_FORMAT") == "8 dicembre 2026 09:05"
        assert formats.date_format(WHEN, "MONTH_DAY_FORMAT") == "8 dicembre"
        assert formats.date_format(WHEN, "YEAR_MONTH_FORMAT") == "dicembre 2026"
        assert formats.get_format("SHORT_DATE_FORMAT") == "d/m/Y"  # the rest is Django's
    with translation.override("en"):
        assert formats.date_format(WHEN) == "Dec. 8, 2026"
