"""Forms the admin shows as table cells: a tabular inline's rows, a changelist's editable
columns. The column's header is the box's only label there, and assistive technology does not
tie a header to the boxes under it (axe: label, critical), so each box is named after its
field, and its row's object when it has one ("Position: like").

Part of blogsite's foundation, which the apps' admins import (blogsite/admin/ is the roof)."""

from django import forms


class NamedCellsForm(forms.ModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        row = str(self.instance) if self.instance.pk is not None else ""
        for field in self.fields.values():
            name = f"{field.label}: {row}" if row else str(field.label)
            field.widget.attrs.setdefault("aria-label", name)
