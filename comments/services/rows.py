"""bulk_create() for comments by the thousand (an import), without its per-value cost.

QuerySet.bulk_create() compiles each value of each row on its own (a check for
expressions, a placeholder asked of the field, ...): for the twenty-five fields of a
comment that is most of an import's time in the database layer. Comments hold plain
values only, so the statement is written once per batch size, and each value is what
bulk_create() would send: the field's pre_save() (auto_now) then get_db_prep_save(), or
the value itself where those give it back unchanged (a str of a text field, an int of an
integer field or of a foreign key to an integer id). The
rows' ids come back from the INSERT (RETURNING, as bulk_create() reads them on SQLite and
PostgreSQL); a backend that cannot return them gets bulk_create() itself.
"""

from django.db import connections, models, router

# Fields whose pre_save() and get_db_prep_save() give back a value of this type unchanged.
TEXT_FIELDS = (models.CharField, models.TextField, models.EmailField, models.URLField)
INTEGER_FIELDS = (
    models.IntegerField,
    models.BigIntegerField,
    models.SmallIntegerField,
    models.PositiveIntegerField,
    models.PositiveBigIntegerField,
    models.PositiveSmallIntegerField,
)


def insert_rows(model, objs: list) -> None:
    """Insert unsaved rows of `model` (ids from the database) and set their ids, as
    model.objects.bulk_create(objs) does for rows of plain values."""
    if not objs:
        return
    connection = connections[router.db_for_write(model)]
    opts = model._meta
    if (
        not connection.features.can_return_rows_from_bulk_insert
        or list(opts.db_returning_fields) != [opts.pk]
        or any(getattr(field, "get_placeholder", None) for field in opts.concrete_fields)
    ):
        model.objects.bulk_create(objs)
        return
    fields = [field for field in opts.concrete_fields if field is not opts.pk]
    quote = connection.ops.quote_name
    head = "INSERT INTO {} ({}) VALUES ".format(
        quote(opts.db_table), ", ".join(quote(field.column) for field in fields)
    )
    returning = f" RETURNING {quote(opts.db_table)}.{quote(opts.pk.column)}"
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    prepared = [(field, _plain_type(field)) for field in fields]
    size = max(connection.ops.bulk_batch_size(fields, objs), 1)
    for obj in objs:
        # What bulk_create() checks first: no unsaved related row, and ids of related rows
        # saved since they were assigned.
        obj._prepare_related_fields_for_save(operation_name="bulk_create")
    with connection.cursor() as cursor:
        for start in range(0, len(objs), size):
            batch = objs[start : start + size]
            params = [
                value
                if type(value := getattr(obj, field.attname)) is plain
                else field.get_db_prep_save(field.pre_save(obj, True), connection)
                for obj in batch
                for field, plain in prepared
            ]
            cursor.execute(head + ", ".join([row] * len(batch)) + returning, params)
            ids = connection.ops.fetch_returned_insert_rows(cursor)
            for obj, (pk,) in zip(batch, ids, strict=True):
                setattr(obj, opts.pk.attname, pk)
                obj._state.adding = False
                obj._state.db = connection.alias


def _plain_type(field):
    """The type of the values `field` sends as they are (None: prepare each one)."""
    if type(field) in TEXT_FIELDS:
        return str
    if type(field) in INTEGER_FIELDS:
        return int
    if type(field) is models.ForeignKey and type(field.target_field) in (
        models.AutoField,
        models.BigAutoField,
    ):
        return int
    return None
