"""Each item of an import in a savepoint of its own: an error undoes that item only (its rows,
its report lines, the rows it left pending, the authors it created) and is reported with
the field and the message that stopped it."""

from django.core.exceptions import ValidationError
from django.db import transaction


def committed(context) -> None:
    """Keep what the report staged once no transaction of the run's is open around it (a
    dry run's one transaction keeps it staged until the run ends)."""
    if len(transaction.get_connection().atomic_blocks) <= context.atomic_depth:
        context.report.commit()


def item_savepoint(context, kind, label, work, *, wordpress_id=None) -> None:
    """Run one item's import in its own savepoint (of its batch's transaction, in the second
    pass): an error undoes all of that item, and the rows it left pending, and nothing else.
    Outside a batch (the first pass) the report keeps what the item did once it commits."""
    pending = context.pending
    mark = pending.mark() if pending is not None else None
    report_mark = context.report.mark()
    known_logins, known_ids = set(context.users_by_login), set(context.users_by_wordpress_id)
    try:
        with transaction.atomic():
            work()
    except BaseException as error:
        if pending is not None:
            pending.undo(mark)
        context.report.undo(report_mark)
        context.terms.clear()  # it may have found a term it created and then undid
        _forget_users_made_by_the_failed_item(context, known_logins, known_ids)
        if isinstance(error, ValidationError | ValueError | TypeError):
            field, reason = _reason(error)
            context.report.skip(kind, label, reason, wordpress_id=wordpress_id, field=field)
        else:
            raise
    if pending is None:
        committed(context)


def _reason(error) -> tuple[str, str]:
    """The field a ValidationError names (the first one) and every message, with fields."""
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        fields = list(error.error_dict)
        messages = [
            f"{name}: {message}"
            for name, errors in error.error_dict.items()
            for e in errors
            for message in e.messages
        ]
        return (fields[0] if fields[0] != "__all__" else ""), "; ".join(messages)
    if isinstance(error, ValidationError):
        return "", "; ".join(error.messages)
    return "", str(error)


def _forget_users_made_by_the_failed_item(context, known_logins, known_ids) -> None:
    """An author created inside an item that failed was rolled back with it: the next item
    naming that login creates it again instead of pointing at a row that is gone."""
    for mapping, known in (
        (context.users_by_login, known_logins),
        (context.users_by_wordpress_id, known_ids),
    ):
        for key in set(mapping) - known:
            context.users.pop(mapping.pop(key), None)
