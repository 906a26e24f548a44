"""Posting admin change forms as a browser would: every value the form shows, as shown."""

from django import forms

from content.editing import VERSION_FIELD


def _add(data, form):
    for bound in form:
        value = bound.value()
        if isinstance(bound.field, forms.BooleanField):
            if value:
                data[bound.html_name] = "on"
        elif isinstance(value, list | tuple):
            data[bound.html_name] = [str(v) for v in value]
        elif value is not None:
            data[bound.html_name] = str(value)


def form_data(response):
    """The POST data of the change form in `response` (a GET of a change page)."""
    context = response.context
    data = {}
    _add(data, context["adminform"].form)
    for inline in context["inline_admin_formsets"]:
        _add(data, inline.formset.management_form)
        for form in inline.formset.forms:
            _add(data, form)
    if context.get("content_version"):
        data[VERSION_FIELD] = context["content_version"]
    return data


def change_form_data(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return form_data(response)
