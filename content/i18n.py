"""
Content in English and Spanish (django-modeltranslation). Each app lists its translated
fields in its `translation.py` through `translate()` below; every field there has an `_en`
and an `_es` column, English is the default, and an empty Spanish column falls back to
English (pages mark that text `lang="en"`: content/templatetags/translated.py).
"""

from django.utils.html import format_html
from django.utils.translation import get_language
from modeltranslation.translator import NotRegistered, TranslationOptions, translator

DEFAULT_LANGUAGE = "en"


def translate(model, *fields):
    """Register `fields` of `model` for translation, and of its history model too.

    The history model (django-simple-history) gets the same `_en`/`_es` columns, so every
    history entry keeps both languages and a revert restores both.
    """
    options = type(f"{model.__name__}Translation", (TranslationOptions,), {"fields": fields})
    translator.register(model, options)
    history = getattr(model, "history", None)
    if history is not None and hasattr(history, "model"):
        translator.register(history.model, options)
        _track_in_history(model, history.model)


def _track_in_history(model, history_model):
    """Make simple-history treat the new language columns as the fields they are.

    simple-history listed the model's fields when the model was made, before the language
    columns existed: its diffs ("what changed") and the model it rebuilds from an entry (a
    revert) would leave them out, and a revert would empty the Spanish.
    """
    columns = [f for f in model._meta.fields if getattr(f, "translated_field", None) is not None]
    history_model.tracked_fields = [*history_model.tracked_fields, *columns]
    descriptor = history_model.__dict__.get("history_object")
    if descriptor is not None:
        descriptor.fields_included = [*descriptor.fields_included, *columns]
    rebuild = history_model.instance.fget

    def instance(entry):
        obj = rebuild(entry)
        for column in columns:
            setattr(obj, column.attname, getattr(entry, column.attname))
        return obj

    history_model.instance = property(instance)


def translated_fields(model):
    """The names of `model`'s translated fields (e.g. ["title", "summary"]); [] if none."""
    try:
        return list(translator.get_options_for_model(model).fields)
    except NotRegistered:
        return []


def is_translated_model(model):
    """A model of ours with translated fields (its history model does not count)."""
    return bool(translated_fields(model)) and not model.__name__.startswith("Historical")


def missing_translations(obj, language="es"):
    """The translated fields of `obj` that have English text and no text in `language`."""
    missing = []
    for name in translated_fields(type(obj)):
        english = getattr(obj, f"{name}_{DEFAULT_LANGUAGE}", None)
        other = getattr(obj, f"{name}_{language}", None)
        if english and not (other or "").strip():
            missing.append(name)
    return missing


def active_language():
    """The language of the page being rendered, without region ("es"; English by default)."""
    return (get_language() or DEFAULT_LANGUAGE).split("-")[0]


def quoted_english(text):
    """`text` quoted as its English source wrote it (a provider's own words), escaped and, on a
    page in another language, marked `lang="en"` so screen readers pronounce it as English."""
    if not text or active_language() == DEFAULT_LANGUAGE:
        return text
    return format_html('<span lang="{}">{}</span>', DEFAULT_LANGUAGE, text)
