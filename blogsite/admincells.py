"""Forms the admin shows as table cells: a tabular inline's rows, a changelist's editable
columns. The column's header is the box's only label there, and assistive technology does not
tie a header to the boxes under it (axe: label, critical), so each box is named after its
field, and its row's object when it has one ("Position: like").

Part of blogsite's foundation, which the apps' admins import (blogsite/admin/ is the roof)."""

from django import forms
from django.forms.formsets import DELETION_FIELD_NAME


def name_cell(form, field):
    """Name a box after its field, and its row's object when the row is saved."""
    row = str(form.instance) if form.instance.pk is not None else ""
    field.widget.attrs.setdefault(
        "aria-label", f"{field.label}: {row}" if row else str(field.label)
    )


class NamedCellsForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            name_cell(self, field)


class NamedCellsInlineFormSet(forms.BaseInlineFormSet):
    """A tabular inline's "Delete" boxes too, which the formset adds to each form after the
    form has named its own."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if DELETION_FIELD_NAME in form.fields:
            name_cell(form, form.fields[DELETION_FIELD_NAME])
