"""What a batch of items shares: the rows read ahead for it in one query (ReadAhead) and the
rows its items leave to be inserted together when it ends (Pending)."""

from collections.abc import Callable, Iterable

IN_QUERY_SIZE = 500  # keys per `__in` query (SQLite builds may allow only 999 parameters)


class ReadAhead:
    """The rows of a batch read in one query per IN_QUERY_SIZE keys (WordPress ids, old
    paths), handed out by key.

    Each key is handed out once: a key asked again later in the batch (an id repeated in
    the file) is read from the database again, so a row that a failed item wrote and undid
    is never taken for a current one.
    """

    def __init__(self, keys: Iterable, read: Callable[[list], dict]):
        self._read = read
        self._keys = set(keys)
        self._rows: dict = {}
        keys = list(self._keys)
        for start in range(0, len(keys), IN_QUERY_SIZE):
            self._rows.update(read(keys[start : start + IN_QUERY_SIZE]))

    def take(self, keys: Iterable) -> dict:
        """key -> row for those of `keys` that have one."""
        keys = list(keys)
        known = all(key in self._keys for key in keys)
        self._keys.difference_update(keys)
        rows = {key: self._rows.pop(key) for key in keys if key in self._rows}
        return rows if known else self._read(keys)


class Pending:
    """Rows the items of a batch leave to be inserted together when the batch ends (one
    INSERT per kind, or per thread depth for comments, instead of one per article), in
    the batch's transaction. An item that fails takes its own rows back (undo()), so
    nothing of it is written.
    """

    def __init__(self):
        self._rows: dict[str, list] = {}
        self._inserts: dict[str, Callable[[list], object]] = {}
        self._undo: list[Callable[[], object]] = []
        self.state: dict = {}  # what handlers keep for the batch (undone with on_undo)

    def add(self, name: str, rows: list, insert: Callable[[list], object]) -> None:
        """Leave `rows` to insert(rows of every item) when the batch ends."""
        self._inserts.setdefault(name, insert)
        self._rows.setdefault(name, []).extend(rows)

    def on_undo(self, callback: Callable[[], object]) -> None:
        """Call `callback` if the current item fails (to forget what it noted in state)."""
        self._undo.append(callback)

    def mark(self):
        return {name: len(rows) for name, rows in self._rows.items()}, len(self._undo)

    def undo(self, mark) -> None:
        """Drop what was left after `mark` (from mark()): the failed item's rows."""
        lengths, undo_at = mark
        for name, rows in self._rows.items():
            del rows[lengths.get(name, 0) :]
        while len(self._undo) > undo_at:
            self._undo.pop()()

    def flush(self) -> None:
        for name, rows in self._rows.items():
            if rows:
                self._inserts[name](rows)
        self._rows.clear()
        self._undo.clear()
        self.state.clear()
