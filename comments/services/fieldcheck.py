"""Model.clean_fields() for the rows written by the thousand (an import's comments), at the
cost of what can actually be wrong.

clean_fields() runs every field through to_python(), validate() and each validator, about
twenty-five calls a comment. Most values are certainly valid as they stand and their
check would change nothing: a str within its max_length (and among its choices, when it
has some), an aware datetime, a bool, an int within its field's range. Those are taken as
they are; every other value (an e-mail, a web address, an IP address, anything of an
unexpected type or too long) goes through the field's own clean(), so a bad field raises
the same ValidationError, with the same field name and message, as clean_fields() would.
"""

import functools
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models

# Fields whose values need their real check whatever they look like.
ALWAYS_CHECKED = (models.EmailField, models.URLField, models.GenericIPAddressField)


def _text_check(field):
    if any(not isinstance(v, MaxLengthValidator) for v in field.validators):
        return None
    choices = {str(value) for value, _label in field.flatchoices} if field.choices else None
    limit, blank = field.max_length, field.blank

    def check(value):
        return (
            type(value) is str
            and (blank or value != "")
            and (limit is None or len(value) <= limit)
            and (choices is None or value in choices)
        )

    return check


def _integer_check(field):
    low, high = None, None
    for validator in field.validators:
        if isinstance(validator, MinValueValidator) and not callable(validator.limit_value):
            low = validator.limit_value
        elif isinstance(validator, MaxValueValidator) and not callable(validator.limit_value):
            high = validator.limit_value
        else:
            return None
    if field.choices:
        return None

    def check(value):
        return (
            type(value) is int
            and (low is None or value >= low)
            and (high is None or value <= high)
        )

    return check


def _quick_check(field):
    """A function telling whether a value is valid as it stands for `field` (None: always
    clean it)."""
    if isinstance(field, ALWAYS_CHECKED):
        return None
    if isinstance(field, models.CharField | models.TextField):
        return _text_check(field)
    if isinstance(field, models.DateTimeField) and not field.validators and not field.choices:
        return lambda value: isinstance(value, datetime) and value.tzinfo is not None
    if isinstance(field, models.BooleanField) and not field.validators:
        return lambda value: value is True or value is False
    if isinstance(field, models.IntegerField):
        return _integer_check(field)
    return None


@functools.cache
def _checks(model, exclude: frozenset) -> tuple:
    return tuple(
        (field, _quick_check(field))
        for field in model._meta.concrete_fields
        if field.name not in exclude and not field.generated
    )


def clean_fields(instance, exclude=()) -> None:
    """instance.clean_fields(exclude): the same errors, with the certainly valid values
    taken as they are."""
    errors = {}
    for field, quick in _checks(type(instance), frozenset(exclude)):
        raw = getattr(instance, field.attname)
        if quick is not None and quick(raw):
            continue
        if field.blank and raw in field.empty_values:
            continue
        try:
            setattr(instance, field.attname, field.clean(raw, instance))
        except ValidationError as error:
            errors[field.name] = error.error_list
    if errors:
        raise ValidationError(errors)
