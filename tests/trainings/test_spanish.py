"""
The trainings pages in Spanish (issue 17): every page renders its own words from the
trainings catalogue, while names, sources, money and dates stay exactly as in English.

tests/spanish_pages.py asks for each page at its Spanish address, with Spanish active.
"""

import datetime
import re
from decimal import Decimal

import pytest

from content.models import EducationLevel, Status
from tests.careers.factories import CareerFactory, EducationRequirementFactory, RoleFactory
from tests.spanish_pages import get_in_spanish
from tests.trainings.factories import ProviderFactory, TrainingFactory
from trainings.models import Training

pytestmark = pytest.mark.django_db


def spanish(client, path, **params):
    return get_in_spanish(client, path, params)


@pytest.fixture
def career():
    return CareerFactory(slug="care-management-care-coordination", title="Care Management")


@pytest.fixture
def role(career):
    role = RoleFactory(career=career, slug="care-coordinator", name="Care coordinator", order=1)
    EducationRequirementFactory(role=role, level=EducationLevel.HIGH_SCHOOL)
    return role


@pytest.fixture
def training(role, career):
    provider = ProviderFactory(
        name="Bronx Community College",
        address="2155 University Avenue",
        city="Bronx",
        county="Bronx",
        zip_code="10453",
    )
    return TrainingFactory(
        provider=provider,
        title="Community Health Worker Certificate",
        slug="chw",
        kind=Training.Kind.CERTIFICATE,
        delivery=Training.Delivery.HYBRID,
        schedule=Training.Schedule.EVENING,
        length_weeks=12,
        length_hours=1,
        cost_low=Decimal("400"),
        cost_high=Decimal("1250.50"),
        funding_notes="",
        languages="en,es",
        next_start_date=None,
        source_url="https://bronx.example.edu/chw-source",
        checked_on=datetime.date(2026, 11, 20),
        featured=True,
        roles=[role],
        careers=[career],
    )


@pytest.fixture
def online(role):
    return TrainingFactory(
        title="Care Coordination Online",
        slug="online",
        delivery=Training.Delivery.ONLINE,
        is_free=True,
        cost_low=None,
        cost_high=None,
        checked_on=None,
        next_start_date=datetime.date(2027, 2, 1),
        roles=[role],
    )


def test_list_page_is_in_spanish(client, training, online):
    html = spanish(client, "/trainings/").content.decode()
    for words in (
        "Encuentre una capacitación",
        "Buscar y filtrar",
        "Más filtros",
        "Mostrar capacitaciones",
        "2 capacitaciones encontradas",
        "Las capacitaciones destacadas aparecen primero.",
        "Comparar las elegidas",
        "Capacitaciones por condado",
        "Código postal",
        "Cualquier tipo",
        "A menos de 25 millas",  # the distance choices are translated when rendered
        "Híbrida (en línea y presencial)",
        "En línea: desde cualquier lugar de Nueva York",
        "Gratis",
        "12 semanas, 1 hora",  # ngettext: one hour, several weeks
    ):
        assert words in html, words
    for english in ("Find a training", "Show trainings", "trainings found", "More filters"):
        assert english not in html, english
    # Names and money are as in English; only the words around them change.
    assert "Community Health Worker Certificate" in html
    assert "De $400 a $1,250.50" in html


def test_one_result_uses_the_singular(client, training):
    html = spanish(client, "/trainings/", q="community").content.decode()
    assert "1 capacitación encontrada" in html
    assert "Filtrado por:" in html
    assert "(quitar este filtro)" in html


def test_a_form_error_is_in_spanish_with_the_field_label(client, training):
    response = spanish(client, "/trainings/", max_weeks="0", sort="distance")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Hay un problema" in html
    assert "Aún no hay resultados" in html
    assert "Duración máxima (semanas):" in html
    assert "There is a problem" not in html


def test_notices_and_pagination_messages_are_in_spanish(client, training):
    html = spanish(client, "/trainings/", sort="distance", page="7").content.decode()
    assert "Para ordenar por distancia hace falta un código postal" in html
    assert "Solo hay 1 página de resultados, así que esta es la última." in html


def test_nothing_within_the_distance_says_so_in_spanish(client, training):
    # Albany is far from the Bronx provider: nothing within 5 miles, the nearest shown.
    html = spanish(client, "/trainings/", zip="12207", miles="5").content.decode()
    assert "No hay nada a menos de 5 millas; las más cercanas son:" in html
    assert "Distancia" in html


def test_no_results_offers_to_widen_in_spanish(client, training):
    html = spanish(client, "/trainings/", q="zzzz").content.decode()
    assert "Ninguna capacitación coincide con todos estos filtros." in html
    assert "empiece de nuevo sin filtros</a>" in html


def test_detail_page_is_in_spanish_with_facts_unchanged(client, training):
    response = spanish(client, "/trainings/chw/")
    assert response.status_code == 200
    html = response.content.decode()
    for words in (
        "De un vistazo",
        "Cómo se imparte",
        "Credencial obtenida",
        "Idioma de enseñanza",
        "Inglés, Español",
        "Próximo inicio</dt><dd>La institución no lo indica</dd>",
        "Cómo pagarla</dt><dd>La institución no lo indica</dd>",
        "Funciones para las que le prepara",
        "Sobre la institución",
        "colegio comunitario",
        "Comparar esta capacitación con otras",
        "Los detalles cambian: consulte con la institución antes de inscribirse.",
        'Página del programa<span class="visually-hidden"> Community Health Worker',
    ):
        assert words in html, words
    # The source and the date it was checked are the same facts as in English.
    assert 'Fuente: <a href="https://bronx.example.edu/chw-source"' in html
    assert 'Última verificación: <time datetime="2026-11-20">' in html
    assert "2155 University Avenue" in html
    for english in ("At a glance", "Last verified", "Not stated by the provider", "Source:"):
        assert english not in html, english


def test_detail_description_is_one_spanish_sentence(client, online):
    html = spanish(client, "/trainings/online/").content.decode()
    assert "Certificado (Certificate of completion) de Provider" in html
    assert ", en línea." in html
    assert "Última verificación: aún no verificado." in html
    assert "Disponible desde cualquier lugar de Nueva York" in html
    # The start date goes through the one date helper, not a hand-made English format.
    assert '<time datetime="2027-02-01">' in html


def test_compare_page_is_in_spanish(client, training, online):
    html = spanish(client, "/trainings/compare/", ids=["chw", "online", "gone"]).content.decode()
    for words in (
        "<h1>Compare capacitaciones</h1>",
        "2 capacitaciones lado a lado",
        "No encontramos 1 de las capacitaciones que eligió (gone).",
        "Institución",
        "Quién puede inscribirse",
        "Última verificación",
        "Aún no",
        "Volver a todas las capacitaciones",
    ):
        assert words in html, words
    assert "side by side" not in html


def test_compare_errors_and_empty_page_are_in_spanish(client, training):
    response = spanish(client, "/trainings/compare/", ids=["a", "b", "c", "d"])
    assert response.status_code == 400
    assert "Puede comparar hasta 3 capacitaciones a la vez; usted eligió 4." in (
        response.content.decode()
    )
    html = spanish(client, "/trainings/compare/").content.decode()
    assert "Elija hasta 3 capacitaciones para comparar" in html


def test_guide_is_in_spanish(client, training, online):
    html = spanish(client, "/trainings/guide/").content.decode()
    for words in (
        "¿No sabe qué programa de capacitación le conviene más?",
        "Lo que tiene ahora",
        "¿Qué estudios y licencias tiene ahora?",
        "Aún sin diploma de escuela secundaria ni diploma de equivalencia",
        "Diploma de escuela secundaria (high school) o GED",  # content's EducationLevel
        "Aún no lo sé",
        "Hasta $2,000",
        "Si no lo sabe, buscamos a menos de 25 millas.",
        "Ver mis sugerencias",
    ):
        assert words in html, words
    assert "How can you study?" not in html


def test_guide_answers_are_in_spanish(client, training, online):
    html = spanish(client, "/trainings/guide/", have="none", budget="500").content.decode()
    for words in (
        "Funciones que podrían convenirle",
        "Su primer paso: un diploma de equivalencia de la escuela secundaria.",
        "24 créditos universitarios",
        "Una función de nivel inicial",
        "Estudios habituales (aunque no siempre): Diploma de escuela secundaria",
        "Capacitaciones que coinciden",
        "Las capacitaciones que no publican su costo quedan fuera de una búsqueda por presupuesto.",
    ):
        assert words in html, words
    assert "Roles that could suit you" not in html


def test_career_page_lists_its_featured_trainings_in_spanish(client, training, career):
    html = spanish(client, career.get_absolute_url()).content.decode()
    # The title has no Spanish yet: once content is translated it prints in English,
    # marked lang="en" (i18n-content's fallback), inside the Spanish sentence.
    assert re.search(r'Buscar capacitaciones para (<span lang="en">)?Care Management', html)


def test_english_stays_english(client, training):
    html = client.get("/trainings/chw/").content.decode()
    assert "At a glance" in html
    assert "De un vistazo" not in html
    assert Training.objects.get(slug="chw").status == Status.PUBLISHED


def test_the_providers_own_words_are_quoted_in_english_and_marked_so(client, role):
    # Length and schedule notes are what the provider's page says, in English: on a Spanish
    # page they stay as written, inside lang="en" so a screen reader reads them as English.
    training = TrainingFactory(
        title="Quoted MSW",
        length_weeks=None,
        length_hours=None,
        length_note="60 credits over two years",
        schedule_note="Full-time or part-time",
        roles=[role],
    )
    page = spanish(client, training.get_absolute_url()).content.decode()
    assert '<span lang="en">60 credits over two years</span>' in page
    assert '<span lang="en">Full-time or part-time</span>' in page
    english = client.get(training.get_absolute_url()).content.decode()
    assert "60 credits over two years" in english and 'lang="en">60 credits' not in english
    training.length_note = "<b>12</b> weeks"
    training.save()
    page = spanish(client, training.get_absolute_url()).content.decode()
    assert "&lt;b&gt;12&lt;/b&gt; weeks" in page  # still escaped
