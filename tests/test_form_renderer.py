"""The form renderer that writes plain widgets in Python gives Django's own markup."""

import pytest
from django import forms
from django.forms.renderers import DjangoTemplates

from blogsite.formrenderer import FastDjangoTemplates


class EveryPlainWidget(forms.Form):
    name = forms.CharField(max_length=80, help_text="Shown with your comment")
    email = forms.EmailField(required=False)
    url = forms.URLField(required=False, assume_scheme="https")
    secret = forms.CharField(widget=forms.PasswordInput)
    count = forms.IntegerField(min_value=0)
    query = forms.CharField(widget=forms.TextInput(attrs={"type": "search", "autofocus": True}))
    phone = forms.CharField(widget=forms.TextInput(attrs={"type": "tel", "disabled": False}))
    token = forms.CharField(widget=forms.HiddenInput)
    agree = forms.BooleanField(required=False)
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 4, "data-x": '"<&>'}))
    kind = forms.ChoiceField(choices=[("a", "A & B"), ("b", "<b>")])  # a template widget


HOSTILE = "\"><script>alert(1)</script> & 'quoted'"


@pytest.mark.parametrize(
    "data",
    [
        None,  # unbound: initial values, no errors
        {"name": HOSTILE, "email": "not an address", "url": "javascript:alert(1)",
         "secret": "x", "count": "-3", "query": HOSTILE, "phone": "1", "token": HOSTILE,
         "agree": "on", "body": f"{HOSTILE}\nsecond line", "kind": "c"},  # errors everywhere
        {"name": "Giulia", "email": "giulia@example.com", "url": "example.com", "secret": "s",
         "count": "2", "query": "reclami", "phone": "1", "token": "t", "body": "Grazie!",
         "kind": "a"},  # valid
    ],
)  # fmt: skip
def test_the_same_html_as_djangos_templates(data):
    initial = {"name": "Iniziale <b>", "agree": True}
    # The renderer given to the form renders its fields too (form.render(renderer=) would
    # render the fields with the site's renderer).
    fast = EveryPlainWidget(data, initial=initial, renderer=FastDjangoTemplates()).render()
    django = EveryPlainWidget(data, initial=initial, renderer=DjangoTemplates()).render()
    assert fast == django
    assert "<script>" not in fast


def test_the_site_uses_it(settings):
    assert settings.FORM_RENDERER == "blogsite.formrenderer.FastDjangoTemplates"


def test_plain_widgets_load_no_template():
    loaded = []

    class Watched(FastDjangoTemplates):
        def get_template(self, template_name):
            loaded.append(template_name)
            return super().get_template(template_name)

    EveryPlainWidget(renderer=Watched()).render()
    assert "django/forms/widgets/select.html" in loaded  # a widget with its own template
    assert not [name for name in loaded if name.endswith(("/input.html", "/textarea.html"))]
