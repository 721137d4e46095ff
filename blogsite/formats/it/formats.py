"""Django's Italian formats, with the month and weekday as Italian writes them in a date.

Django's own write "Martedì 08 Dicembre 2026" (its "F" is the month's name standing alone,
capitalised in its Italian catalogue); Italian writes "8 dicembre 2026", as the site's pages
do. "E" is the name used inside a date, lower case.
"""

from django.conf.locale.it.formats import *  # noqa: F403 (the rest as Django has it)

DATE_FORMAT = "j E Y"  # 25 ottobre 2006
DATETIME_FORMAT = "j E Y H:i"  # 25 ottobre 2006 14:30
MONTH_DAY_FORMAT = "j E"  # 25 ottobre
YEAR_MONTH_FORMAT = "E Y"  # ottobre 2006
