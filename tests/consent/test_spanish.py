"""
The cookie banner, the cookies page and the confirmations in Spanish (issue 17). The
categories' names and descriptions are database content (translated elsewhere); this file
checks the words the consent app itself writes.

tests/spanish_pages.py asks for each page at its Spanish address, with Spanish active.
"""

import pytest
from django.test import Client

from tests.consent.helpers import SAVE_URL, shows_banner
from tests.spanish_pages import get_in_spanish, post_in_spanish

pytestmark = pytest.mark.django_db


def choose_in_spanish(client, action, **extra):
    data = {"action": action, "source": "banner", "next": "/"}
    return post_in_spanish(client, SAVE_URL, data, **extra)


def test_banner_is_in_spanish(client):
    response = get_in_spanish(client, "/trainings/")
    assert shows_banner(response)
    html = response.content.decode()
    for words in (
        "Cookies en este sitio.",
        "Usamos cookies necesarias para que el sitio funcione.",
        "solo se instalan si usted acepta.",
        ">Aceptar todas</button>",
        ">Rechazar todas</button>",
        ">Elegir cookies</a>",
    ):
        assert words in html, words
    assert "Accept all" not in html
    assert "Cookies on this site" not in html


def test_cookies_page_is_in_spanish(client, analytics_ga):
    analytics_ga[0].category.cookies.update(party="third")
    html = get_in_spanish(client, "/cookies/").content.decode()
    for words in (
        "<h1>Las cookies y sus opciones</h1>",
        "Las cookies son pequeños archivos",
        "Usted aún no ha elegido.",
        "<strong>Siempre activas.</strong>",
        "¿Permitir las cookies ",
        '<label for="id_category_analytics_0">Sí</label>',
        "Finalidad",
        "Proveedor",
        "Duración",
        # A provider with no Spanish of its own is shown in English, marked as such.
        '<span lang="en">Google</span> (de terceros)',
        "Este sitio web",
        "Por ahora no instalamos cookies de esta categoría.",
        "Guardar mis opciones",
    ):
        assert words in html, words
    # The heading puts "cookies" first, as Spanish does; the category name follows it.
    assert '<h2 id="category-necessary">Cookies ' in html
    for english in ("Always on", "Save my choices", "third party", "Purpose", "This website"):
        assert english not in html, english


def test_cookies_page_names_the_visitors_choice_in_spanish(client):
    choose_in_spanish(client, "reject_all")
    html = get_in_spanish(client, "/cookies/").content.decode()
    assert "Usted eligió el " in html
    assert "(rechazar todas)" in html
    assert "Su identificador de consentimiento es <code>" in html


def test_gpc_notice_is_in_spanish():
    html = get_in_spanish(Client(HTTP_SEC_GPC="1"), "/cookies/").content.decode()
    assert "Respetamos su señal de exclusión voluntaria." in html


def test_confirmation_message_is_in_spanish(client):
    response = choose_in_spanish(client, "accept_all")
    assert response.status_code == 303
    html = get_in_spanish(client, "/trainings/").content.decode()
    assert "Usted aceptó todas las cookies." in html
    assert "Cambiar la configuración de cookies</a>." in html


def test_confirmation_for_the_script_is_in_spanish(client):
    response = choose_in_spanish(client, "custom", HTTP_ACCEPT="application/json")
    data = response.json()
    assert data["message"] == "Guardamos sus opciones de cookies."
    assert data["change_text"] == "Cambiar la configuración de cookies"


def test_bad_choice_is_refused_in_spanish(client):
    response = choose_in_spanish(client, "maybe", HTTP_ACCEPT="application/json")
    assert response.status_code == 400
    assert response.json()["errors"]["action"] == [
        "Elija Aceptar todas, Rechazar todas o Guardar mis opciones."
    ]
