"""The trainings' own text in Spanish (issue 17): after load_content every published
training has Spanish wherever it has English, the Spanish file names only real rows and
real fields, numbers match the English, staff's Spanish is kept, and the page prints it."""

import io
import json

import pytest
from django.core.management import call_command
from django.utils.html import escape

from content.i18n import missing_translations, translated_fields
from tests.spanish_pages import check_spanish_rows, get_in_spanish, numbers
from trainings import content
from trainings.models import Training

pytestmark = pytest.mark.django_db

SPANISH = json.loads(content.TRANSLATIONS["es"][0].read_text(encoding="utf-8"))["trainings"]


def test_every_published_training_has_spanish_wherever_it_has_english():
    call_command("load_content", stdout=io.StringIO())
    fields = translated_fields(Training)
    assert {"description", "prerequisites", "funding_notes"} <= set(fields)
    trainings = list(Training.objects.published())
    assert len(trainings) == len(content.read_fixture()["trainings"])
    filled = 0
    for training in trainings:
        # Over every registered translated field, so a new field or row without Spanish fails.
        assert not missing_translations(training, "es"), (training.slug, training.title)
        filled += sum(bool(getattr(training, f"{name}_en")) for name in fields)
    assert filled > len(trainings)  # descriptions and more were checked, not empty fields


def test_the_spanish_file_names_only_trainings_and_fields_the_english_has():
    """A Spanish row with a wrong slug, or a misspelt field, would be skipped silently."""
    english = {row["slug"]: row for row in content.read_fixture()["trainings"]}
    check_spanish_rows(SPANISH, english, Training)
    for row in SPANISH:
        for name in set(row) - {"slug"}:
            assert english[row["slug"]].get(name), (row["slug"], name)  # no English, no Spanish
    counts = content.load()["trainings.Training"]
    assert counts["translated"] == len(SPANISH)


def test_spanish_numbers_are_the_english_ones():
    content.load()
    for training in Training.objects.all():
        for name in translated_fields(Training):
            english = numbers(getattr(training, f"{name}_en"))
            assert english == numbers(getattr(training, f"{name}_es")), (training.slug, name)


def test_staff_spanish_survives_a_rerun_and_force_sets_it_back():
    content.load()
    Training.objects.filter(slug="hunter-msw-two-year").update(
        description_es="Editado por el personal.", prerequisites_es=""
    )
    content.load()
    training = Training.objects.get(slug="hunter-msw-two-year")
    assert training.description_es == "Editado por el personal."
    assert training.prerequisites_es.startswith("Una licenciatura de una universidad acreditada")
    content.load(force=True)
    training.refresh_from_db()
    assert training.description_es.startswith("Una maestría en Trabajo Social (MSW)")


def test_the_spanish_page_prints_the_spanish_text_not_marked_english(client):
    content.load()
    training = Training.objects.get(slug="1199seiu-career-pathways-training-program")
    response = get_in_spanish(client, training.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="es"' in html
    main = html[html.index("<main") :]
    for name in ("description", "prerequisites", "funding_notes"):
        assert escape(getattr(training, f"{name}_es")) in main, name
        assert escape(getattr(training, f"{name}_en")) not in main, name
    assert 'lang="en"' not in main  # nothing on the page falls back to English
    english = client.get(training.get_absolute_url()).content.decode()
    assert escape(training.description_en) in english
    assert escape(training.description_es) not in english
