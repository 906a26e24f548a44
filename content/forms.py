"""
Form pieces every app's forms share.

`FragmentCachedBoundField`: a search form's field whose value is one of a bounded set (a
choice, a tick box) renders its whole field group (label, hint, control, every option)
once per content version, language and value, then reuses it (content.pagecache
.cached_fragment). A search page's filters are the same few hundred field groups over and
over; rendering a county list of 63 options through templates on every search cost a
quarter of the page. A field with free text, an error, or a value outside its choices is
rendered as usual, so what a visitor types never becomes a cache key. A form that changes a
field's choices with what was asked (the trainings sort menu, which differs with a ZIP
code) sets `field.fragment_variant`, which the cache key names.

    class SearchForm(forms.Form):
        bound_field_class = FragmentCachedBoundField

`fixed_choices(choices)`: a field's choices as a function returning them, for long lists
that never change per request (63 counties) on a form built for every search.

`TickBoxes`: a group of tick boxes (several answers to one question) that reads an empty
value in the address (`?have=`, as a drop-down menu sent it) as nothing ticked.
"""

from django import forms
from django.forms.boundfield import BoundField

from content.pagecache import cached_fragment


def fixed_choices(choices):
    """`choices` as a function that returns them. Django deep-copies every field of a form
    for each form it builds (django-filter also copies every filter of a FilterSet, with
    the choices it gives its field), and with it each list of choices, pair by pair; a
    function is not copied, and its list is read only where a choice is checked or drawn.
    On the trainings search those copies were about half of reading its filters."""
    choices = tuple(choices)
    return lambda: choices


def _choice_values(choices):
    for value, label in choices:
        if isinstance(label, list | tuple):
            yield from _choice_values(label)
        else:
            yield "" if value is None else str(value)


class TickBoxes(forms.CheckboxSelectMultiple):
    def __init__(self, attrs=None, choices=()):
        # .tick-boxes (site.css): each answer's words wrap beside its box, not under it.
        super().__init__({"class": "tick-boxes", **(attrs or {})}, choices)

    def value_from_datadict(self, data, files, name):
        values = super().value_from_datadict(data, files, name)
        return [value for value in values if value] if isinstance(values, list) else values


class FragmentCachedBoundField(BoundField):
    def as_field_group(self):
        name = self.fragment_name()
        if name is None:
            return super().as_field_group()
        return cached_fragment(name, super().as_field_group)

    def fragment_name(self):
        """What the field group depends on besides content and language, or None when
        it must be rendered afresh."""
        field = self.field
        if not isinstance(field, forms.ChoiceField | forms.BooleanField) or self.errors:
            return None
        value = self.value()
        if isinstance(field, forms.BooleanField):
            picked = "1" if value else ""
        else:
            values = value if isinstance(value, list | tuple) else [value]
            values = ["" if v is None else str(v) for v in values]
            if len(values) > 1:
                return None  # several ticked: too many combinations to keep
            picked = values[0] if values else ""
            if picked and picked not in set(_choice_values(field.choices)):
                return None
        form = type(self.form)
        # A field whose choices a form changes with what was asked names them apart.
        variant = getattr(field, "fragment_variant", "")
        return (
            f"field:{form.__module__}.{form.__qualname__}:{self.auto_id}:{self.html_name}"
            f"{variant}={picked}"
        )
