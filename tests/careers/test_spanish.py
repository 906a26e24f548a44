"""
The careers pages in Spanish: each page, rendered with Spanish active, says its own words
in Spanish and not in English, while every figure stays the one the English page shows
(the same Wage row, "$58,130" and "$27.95 por hora"), and months read "marzo de 2026".

The URL carries the language: each page is requested at its /es/ address.
"""

import html as htmllib
import re

import pytest
from django.utils import translation

from careers.content import load
from careers.models import Role
from tests.db import loaded_once
from wages.content import load_starting_wages
from wages.models import Wage
from wages.templatetags.wages import money

pytestmark = pytest.mark.django_db

CAREER = "/careers/care-management-care-coordination/"
COMPARE = CAREER + "compare/"
STATE = "3600000"


def load_wages_and_careers():
    load_starting_wages()
    load()


content = loaded_once(load_wages_and_careers)


def spanish(client, url, status=200):
    url = url if url.startswith("/es/") else "/es" + url
    response = client.get(url)
    assert response.status_code == status, url
    return response.content.decode()


def text(html):
    """The visible words of a page, tags dropped and spaces collapsed."""
    body = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", body)).split())


def assert_spanish(html, present, absent):
    words = text(html)
    for phrase in present:
        assert phrase in words, phrase
    for phrase in absent:
        assert phrase not in words, phrase


def role(slug="care-coordinator"):
    return Role.objects.select_related("career").get(slug=slug)


def state_wage(code):
    return Wage.objects.select_related("area").get(soc_code=code, area__code=STATE)


def test_start_page_is_in_spanish(client, content):
    html = spanish(client, "/")
    assert_spanish(
        html,
        [
            "Encuentre su camino hacia una carrera",
            "Elija lo que quiere hacer",
            "Busque capacitación",
        ],
        ["Find your way into a health-care career", "Select what you want to do", "Find training"],
    )


def test_career_list_and_title_finder_are_in_spanish(client, content):
    html = spanish(client, "/careers/")
    assert_spanish(
        html,
        [
            "¿Vio un título de puesto y no sabe bien qué es?",
            "Título del puesto",
            "Buscar la función",
            "Compare las funciones",
        ],
        ["Saw a job title and not sure what it is?", "Find the role", "Compare the roles"],
    )


def test_a_title_found_says_which_role_it_usually_is_in_spanish(client, content):
    html = spanish(client, "/careers/?q=care+navigator")
    # The title in Spanish (careers/fixtures/care_management.es.json), found by its English.
    assert_spanish(html, ["Navegador(a) de atención suele ser un puesto de"], ["is usually a"])
    assert re.search(r"<h3>\d+ títulos? de puesto coinciden?</h3>", html)


def test_a_title_not_found_and_a_too_long_query_get_spanish_messages(client, content):
    html = spanish(client, "/careers/?q=zzzzqqqq")
    assert_spanish(html, ["No encontramos ningún título de puesto como"], ["none comes close"])

    html = spanish(client, "/careers/?q=" + "a" * 500)
    assert_spanish(
        html,
        ["Revise su búsqueda", "Es más largo que cualquier título de puesto que conocemos"],
        ["Please check your search", "That is longer than any job title"],
    )


def test_career_page_is_in_spanish_with_the_english_figures(client, content):
    html = spanish(client, CAREER)
    assert_spanish(
        html,
        [
            "El salario de un vistazo",
            "Qué son estas funciones",
            "Definición de la fuente (el original está en inglés).",
            "Dónde trabajan",
            "Busque un empleador cerca de usted",
            "Empleadores que contratan para la función de",
            "Mediana del salario",
        ],
        [
            "Pay at a glance",
            "What the roles are",
            "Definition, quoted.",
            "Where they work",
            "Employers hiring",
        ],
    )
    wage = state_wage(role().soc_code)
    # The figure is the row's, written the US way; only the words around it are Spanish.
    with translation.override("es"):
        hourly = money(wage.hourly_median, "hourly")
    assert hourly == money(wage.hourly_median, "hourly").replace("/hr", " por hora")
    words = text(html)
    assert hourly in words
    assert f"{money(wage.annual_median)} al año" in words
    assert "/hr" not in words and " a year" not in words


def test_pay_a_source_states_says_when_it_was_checked_in_spanish(client, content):
    words = text(spanish(client, CAREER))
    # "Según X, fuente revisada en diciembre de 2026": month and year in the Spanish order.
    assert re.search(r"Según .+?, fuente revisada en [a-záéíóú]+ de \d{4}\.", words)
    assert "As stated by" not in words


def test_compare_page_is_in_spanish(client, content):
    html = spanish(client, COMPARE)
    assert_spanish(
        html,
        [
            "Compare las funciones:",
            "Definición",
            "Mediana del salario en el estado de Nueva York",
            "Empleos en el estado de Nueva York",
            "Ocupación de la BLS que usamos",
            "Lugares de trabajo",
        ],
        ["Compare the roles:", "Median pay in New York State", "BLS occupation used"],
    )
    wage = state_wage(role().soc_code)
    words = text(html)
    assert f"{money(wage.annual_p25)} a {money(wage.annual_p75)} al año" in words
    assert f"{wage.employment:,}" in words


def test_role_page_is_in_spanish(client, content):
    html = spanish(client, role().get_absolute_url())
    assert_spanish(
        html,
        [
            "Datos breves: salario y empleos en el estado de Nueva York",
            "Salario anual en el estado de Nueva York",
            "Salario en su zona",
            "Su código postal",
            "Ver el salario en mi zona",
            "Estudios que se suelen exigir",
        ],
        ["Quick facts", "Pay in your area", "Show pay in my area", "Typical required education"],
    )


def test_role_pay_page_is_in_spanish_for_a_zip_code(client, content):
    found = role()
    html = spanish(client, f"{found.pay_url}?zip=12207")  # Albany
    assert_spanish(
        html,
        [
            "salario en Nueva York, por zona",
            "El código postal 12207 está en",
            "Salario en cada zona de Nueva York",
            "Mediana por hora",
        ],
        ["pay in New York, by area", "ZIP code 12207 is in", "Median an hour"],
    )


def test_zip_code_outside_new_york_and_bad_input_get_spanish_messages(client, content):
    found = role()
    html = spanish(client, f"{found.pay_url}?zip=90210")
    assert_spanish(html, ["El código postal 90210 no está en Nueva York."], ["is not in New York"])

    html = spanish(client, f"{found.pay_url}?zip=abc", status=400)
    assert_spanish(
        html,
        ["Revise el código postal", "Escriba un código postal de 5 dígitos"],
        ["Please check the ZIP code", "Enter a 5-digit ZIP code"],
    )

    html = spanish(client, f"{found.pay_url}?area=9999999", status=400)
    assert_spanish(html, ["No tenemos cifras para esa zona."], ["We have no figures"])


def test_occupation_json_ld_uses_spanish_for_our_own_words(client, content):
    html = spanish(client, role().get_absolute_url())
    data = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[1]
    assert "Lo habitual, aunque no siempre se exige" in data
    assert "Typical, but not always required" not in data


def test_english_pages_keep_their_english(client, content):
    html = client.get(COMPARE).content.decode()
    assert_spanish(html, ["Compare the roles:", "Median pay in New York State"], ["Compare las"])
