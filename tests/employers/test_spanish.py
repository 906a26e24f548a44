"""
The employers pages in Spanish (issue 17): the search, its errors and the employer page
speak Spanish; names, addresses, phone numbers and sources stay exactly as they are.

tests/spanish_pages.py asks for each page at its Spanish address, with Spanish active.
"""

import datetime
import json
import re

import pytest

from employers.models import EmployerKind
from tests.careers.factories import RoleFactory
from tests.employers.factories import EmployerFactory, LocationFactory
from tests.spanish_pages import get_in_spanish

pytestmark = pytest.mark.django_db

URL = "/employers/"


def spanish(client, path, **params):
    return get_in_spanish(client, path, params)


@pytest.fixture
def employer():
    role = RoleFactory(name="Care coordinator", slug="care-coordinator")
    employer = EmployerFactory(
        name="Hudson Health Home",
        slug="hudson-health-home",
        kind=EmployerKind.HEALTH_HOME,
        description="",
        source_name="State list of Health Homes",
        source_url="https://health.example.gov/health-homes/",
        checked_on=datetime.date(2026, 3, 5),
        roles=[role],
    )
    LocationFactory(employer=employer, name="Manhattan office", zip_code="10001")
    LocationFactory(employer=employer, name="Second office", zip_code="10011")
    LocationFactory(
        employer=employer,
        name="Albany office",
        city="Albany",
        county="Albany",
        zip_code="12208",
        phone="518-555-0100",
    )
    return employer


def test_search_page_is_in_spanish(client, employer):
    response = spanish(client, URL)
    assert response.status_code == 200
    html = response.content.decode()
    for words in (
        "Encuentre un empleador cerca de usted",
        "Distancia desde el código postal",
        "A menos de 25 millas",
        "Cualquier condado",
        "Tipo de empleador",
        "Cualquier lugar de trabajo",
        "Nombre del empleador",
        "Borrar todo",
        "1 empleador</h2>",
        "Health Home (agencia principal)",
        "(y 2 sedes más)",
        "Empleadores por condado",
    ):
        assert words in html, words
    for english in ("Find an employer near you", "Kind of employer", "more locations"):
        assert english not in html, english
    assert "Hudson Health Home" in html


def test_search_near_a_zip_code_is_in_spanish(client, employer):
    html = spanish(client, URL, zip="10001", miles="5").content.decode()
    assert "1 empleador, el más cercano primero" in html
    assert "millas:" in html
    assert "(y 1 sede más dentro de la distancia)" in html


def test_no_match_and_page_notice_are_in_spanish(client, employer):
    html = spanish(client, URL, q="nobody").content.decode()
    assert "0 empleadores</h2>" in html
    assert "Ningún empleador coincide con su búsqueda." in html
    html = spanish(client, URL, page="x").content.decode()
    assert "Ese número de página no es un número entero, así que esta es la página 1." in html


def test_form_errors_are_in_spanish(client, employer):
    response = spanish(client, URL, miles="7", kind="bakery", role="chef")
    assert response.status_code == 400
    html = response.content.decode()
    assert "<title>Error: Encuentre un empleador cerca de usted" in html
    assert "Hay un problema con su búsqueda" in html
    assert "Elija una distancia de 5, 10, 25 o 50 millas." in html
    assert "No conocemos ese tipo de empleador. Elija uno de la lista." in html
    assert "No conocemos esa función. Elija una de la lista." in html
    assert "Choose" not in html


def test_employer_page_is_in_spanish_with_facts_unchanged(client, employer):
    response = spanish(client, employer.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    for words in (
        "Hudson Health Home: empleos de coordinación y gestión de la atención",
        "Vea los empleos en la página de empleo de Hudson Health Home",
        "(sitio externo)",
        "Funciones para las que contrata",
        "Sedes",
        "Teléfono:",
        "De dónde viene esta información",
        "Las ofertas de empleo cambian a menudo",
    ):
        assert words in html, words
    assert (
        'Fuente: <a href="https://health.example.gov/health-homes/" rel="noopener">'
        "State list of Health Homes</a>." in html
    )
    assert 'Verificado por última vez el <time datetime="2026-03-05">' in html
    assert "518-555-0100" in html
    for english in ("Roles it hires for", "Where this information comes from", "Last verified"):
        assert english not in html, english


def test_employer_without_description_gets_a_spanish_summary(client, employer):
    html = spanish(client, employer.get_absolute_url()).content.decode()
    assert "Hudson Health Home, Health Home (agencia principal) en Nueva York: sus sedes" in html
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    )
    assert data["description"] == "Hudson Health Home, Health Home (agencia principal)."


def test_an_employer_of_another_kind_is_labelled_in_spanish(client):
    EmployerFactory(name="Other Org", slug="other-org", kind=EmployerKind.OTHER)
    html = spanish(client, "/employers/other-org/").content.decode()
    assert '<span class="badge">Otro</span>' in html


def test_a_location_name_in_english_is_marked_as_english_on_a_spanish_page(client):
    employer = EmployerFactory(slug="sede")
    LocationFactory(employer=employer, name="Main campus", city="Albany", county="Albany")
    spanish = client.get(f"/es/employers/{employer.slug}/").content.decode()
    assert '<h3><span lang="en">Main campus</span></h3>' in spanish
    english = client.get(f"/employers/{employer.slug}/").content.decode()
    assert "<h3>Main campus</h3>" in english
