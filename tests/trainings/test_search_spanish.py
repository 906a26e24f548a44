"""The trainings text search in Spanish (issue 17): a Spanish description is found with or
without accents, in any case, on SQLite (FTS5 over the accent-free search text) and on
PostgreSQL (English and Spanish stemming); run this file with DATABASE_URL=postgres://...
too. English search finds what it did."""

import pytest
from django.utils import translation

from tests.trainings.factories import TrainingFactory
from trainings.models import Training

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainings():
    spanish = TrainingFactory(
        title="Community Health Worker Certificate",
        description="Learn to support patients in the community.",
    )
    spanish.description_es = (
        "Capacitación para coordinadores de atención: aprenda a acompañar a los pacientes "
        "en la comunidad."
    )
    spanish.save()
    other = TrainingFactory(title="Medical Billing", description="Learn billing and coding.")
    return spanish, other


def found(query):
    return set(Training.objects.published().search(query).values_list("title", flat=True))


@pytest.mark.parametrize(
    "query",
    [
        "capacitación",
        "capacitacion",
        "CAPACITACIÓN",
        "coordinadores de atención",
        "coordinadores de atencion",
        "acompañar pacientes",
        "acompanar pacientes",
        "comunidad",
    ],
)
def test_a_spanish_description_is_found_with_or_without_accents(trainings, query):
    assert found(query) == {"Community Health Worker Certificate"}


def test_english_search_is_unchanged(trainings):
    assert found("support patients") == {"Community Health Worker Certificate"}
    assert found("billing") == {"Medical Billing"}
    assert found("capacitaciones inexistentes xyz") == set()


def test_the_search_works_the_same_on_a_spanish_page(trainings):
    with translation.override("es"):
        assert found("capacitacion") == {"Community Health Worker Certificate"}
        assert found("support patients") == {"Community Health Worker Certificate"}


def test_saving_spanish_later_updates_the_index(trainings):
    _spanish, other = trainings
    assert found("facturación médica") == set()
    other.description_es = "Aprenda facturación médica y codificación."
    other.save()
    assert found("facturacion medica") == {"Medical Billing"}
    other.description_es = ""
    other.save()
    assert found("facturacion") == set()
