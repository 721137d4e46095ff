"""Django's SQLite backend, where an out-of-range integer in a read matches no row.

SQLite stores integers in 64 bits and its driver refuses to bind a larger Python int
(OverflowError, a 500). Django range-checks the lookups of its own integer fields, but not
those through a foreign key (`?post=9223372036854775808` in an admin filter, `root_id` in a
thread query), and PostgreSQL simply finds nothing. Here a SELECT that fails so is run again
with those values as floats: they compare as the out-of-range numbers they are, so nothing
equals them and every stored id is below (or above) them, as on PostgreSQL. Writes still
fail: a value that cannot be stored must not be stored as something else.
"""

from collections.abc import Mapping

from django.db.backends.sqlite3 import base

MIN_INTEGER, MAX_INTEGER = -(2**63), 2**63 - 1


def _in_range(value):
    if isinstance(value, int) and not (MIN_INTEGER <= value <= MAX_INTEGER):
        return float(value)
    return value


class SQLiteCursorWrapper(base.SQLiteCursorWrapper):
    def execute(self, query, params=None):
        try:
            return super().execute(query, params)
        except OverflowError:
            if params is None or not query.lstrip()[:6].upper() == "SELECT":
                raise
        if isinstance(params, Mapping):
            params = {name: _in_range(value) for name, value in params.items()}
        else:
            params = [_in_range(value) for value in params]
        return super().execute(query, params)


class DatabaseWrapper(base.DatabaseWrapper):
    def create_cursor(self, name=None):
        return self.connection.cursor(factory=SQLiteCursorWrapper)
