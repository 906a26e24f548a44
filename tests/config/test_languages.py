"""
English at today's addresses, Spanish under /es/: the URL alone picks the language; each
page says its language, links its other-language twin (hreflang, the header's switch,
the sitemap); error pages follow the URL; dates and numbers read the Spanish way in
Spanish, with US digits.
"""

import datetime
import re
from html import unescape

import pytest
from django.core.management import call_command
from django.template import Context, Template
from django.utils import translation

from tests.db import loaded_once
from tests.sitemaps import sitemap_paths, sitemap_xml

pytestmark = pytest.mark.django_db


def load_starting_content():
    call_command("load_content", stdout=open("/dev/null", "w"))


content = loaded_once(load_starting_content)


def _switch(html):
    """(href, hreflang, lang, text) of the header's language link."""
    found = re.findall(
        r'<a class="language-switch" href="([^"]*)" hreflang="([^"]*)" lang="([^"]*)">([^<]*)</a>',
        html,
    )
    assert len(found) == 1, found
    href, hreflang, lang, text = found[0]
    return unescape(href), hreflang, lang, text


def _alternates(html):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def test_unprefixed_pages_are_english_whatever_the_browser_asks(client):
    response = client.get("/privacy/", headers={"accept-language": "es"})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en">' in html
    assert "<h1>Privacy notice</h1>" in html
    assert response.headers["Content-Language"] == "en"
    # The URL carries the language: no cookie is read or set, no Vary on the browser's.
    assert "Accept-Language" not in response.headers.get("Vary", "")
    assert "django_language" not in response.cookies


def test_a_language_cookie_does_not_change_the_page(client):
    client.cookies["django_language"] = "es"
    html = client.get("/privacy/").content.decode()
    assert '<html lang="en">' in html


def test_spanish_pages_live_under_es(client):
    response = client.get("/es/privacy/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="es">' in html
    assert "<h1>Aviso de privacidad</h1>" in html
    assert "Saltar al contenido principal" in html
    assert '<meta property="og:locale" content="es_US">' in html
    assert '<meta property="og:locale:alternate" content="en_US">' in html
    assert response.headers["Content-Language"] == "es"
    assert "django_language" not in response.cookies


def test_the_start_page_has_a_spanish_twin(client):
    html = client.get("/es/").content.decode()
    assert '<html lang="es">' in html
    # The start page's title does not repeat the site name after it, in either language.
    assert re.search(r"<title>Health Careers New York[^|<]*</title>", html)


@pytest.mark.parametrize("path", ["/healthz", "/robots.txt", "/sitemap.xml", "/site.webmanifest"])
def test_machine_files_stay_at_one_address(client, path):
    assert client.get(path).status_code == 200
    assert client.get("/es" + path).status_code == 404


def test_admin_stays_unprefixed(client, settings):
    assert client.get("/es/" + settings.ADMIN_URL).status_code == 404


@pytest.mark.parametrize(
    ("path", "lang", "text"),
    [
        ("/no-such-page/", "en", "Page not found"),
        ("/es/no-such-page/", "es", "No se encontró la página"),
    ],
)
def test_the_404_page_speaks_the_language_of_the_url(client, path, lang, text):
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 404
    assert f'<html lang="{lang}">' in html
    assert f"<h1>{text}</h1>" in html


def test_the_400_page_under_es_is_spanish(client):
    # A Host header ALLOWED_HOSTS does not name: Django refuses it with the 400 page.
    response = client.get("/es/privacy/", headers={"host": "evil.example"})
    html = response.content.decode()
    assert response.status_code == 400
    assert '<html lang="es">' in html
    assert "Lo sentimos, no pudimos entender esa solicitud" in html


def test_the_500_page_under_es_is_spanish(rf):
    from config.views import server_error

    request = rf.get("/es/privacy/")
    with translation.override("es"):
        response = server_error(request)
    assert response.status_code == 500
    assert "Lo sentimos, algo falló de nuestro lado" in response.content.decode()


@pytest.mark.parametrize(
    ("path", "other", "name", "code"),
    [
        ("/privacy/", "/es/privacy/", "Español", "es"),
        ("/es/privacy/", "/privacy/", "English", "en"),
    ],
)
def test_hreflang_alternates_and_canonical_point_at_each_language(client, path, other, name, code):
    html = client.get(path).content.decode()
    assert f'<link rel="canonical" href="http://testserver{path}">' in html
    assert _alternates(html) == {
        "en": "http://testserver/privacy/",
        "es": "http://testserver/es/privacy/",
        "x-default": "http://testserver/privacy/",
    }
    assert _switch(html) == (other, code, code, name)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/trainings/?q=care&miles=25", "/es/trainings/?q=care&miles=25"),
        ("/es/trainings/?q=atenci%C3%B3n&page=2", "/trainings/?q=atenci%C3%B3n&page=2"),
        ("/employers/?zip=10001", "/es/employers/?zip=10001"),
    ],
)
def test_the_switch_keeps_the_page_and_its_query(client, path, expected):
    response = client.get(path)
    assert response.status_code == 200
    href = _switch(response.content.decode())[0]
    assert href == expected
    # Following it lands on the same page, in the other language, with the same query.
    there = client.get(href)
    assert there.status_code == 200
    back = _switch(there.content.decode())[0]
    assert client.get(back).status_code == 200
    assert back.split("?")[0] == path.split("?")[0]
    assert sorted(back.split("?")[1].split("&")) == sorted(path.split("?")[1].split("&"))


def test_the_switch_escapes_what_the_query_holds(client):
    html = client.get('/trainings/?q="><script>x</script>').content.decode()
    href = _switch(html)[0]
    assert "<script>" not in href
    assert href.startswith("/es/trainings/?q=")


def test_a_404_offers_no_switch(client):
    html = client.get("/es/no-such-page/").content.decode()
    assert 'class="language-switch"' not in html
    assert not _alternates(html)


def test_the_sitemap_lists_every_page_in_both_languages(content, client):
    xml = sitemap_xml(client)
    paths = sitemap_paths(client)
    english = [p for p in paths if not p.startswith("/es/")]
    assert english
    assert sorted(p for p in paths if p.startswith("/es/")) == sorted("/es" + p for p in english)
    assert 'hreflang="x-default" href="http://testserver/privacy/"' in xml
    assert 'hreflang="es" href="http://testserver/es/privacy/"' in xml


def test_the_spanish_site_map_links_spanish_pages(content, client):
    html = client.get("/es/site-map/").content.decode()
    main = html[html.index('<main id="main"') : html.index("</main>")]
    links = re.findall(r'href="(/[^"]*)"', main)
    assert links
    assert all(h.startswith("/es/") for h in links), [h for h in links if not h.startswith("/es/")]


def test_the_page_cache_keeps_each_language_apart(content, client):
    # Both cached: each answer is rendered once, then served from the cache in its language.
    for _ in range(2):
        assert '<html lang="en">' in client.get("/privacy/").content.decode()
        assert '<html lang="es">' in client.get("/es/privacy/").content.decode()


def _render(template, **context):
    return Template("{% load presentation %}" + template).render(Context(context))


def test_human_date_in_english_is_unchanged():
    with translation.override("en"):
        html = _render("{{ d|human_date }}", d=datetime.date(2026, 3, 5))
        month = _render("{{ d|human_month }}", d=datetime.date(2026, 3, 5))
    assert html == '<time datetime="2026-03-05">March 5, 2026</time>'
    assert month == "March 2026"


def test_human_date_in_spanish():
    with translation.override("es"):
        html = _render("{{ d|human_date }}", d=datetime.date(2026, 3, 5))
        month = _render("{{ d|human_month }}", d=datetime.date(2026, 3, 5))
    assert html == '<time datetime="2026-03-05">5 de marzo de 2026</time>'
    assert month == "marzo de 2026"


def test_spanish_numbers_use_us_digits():
    template = "{% load humanize l10n %}{{ n|intcomma }} {{ x }} {{ x|floatformat:2 }}"
    with translation.override("es"):
        text = Template(template).render(Context({"n": 58130, "x": 27.95}))
    assert text == "58,130 27.95 27.95"


def test_spanish_dates_in_django_s_own_format_filter():
    with translation.override("es"):
        text = Template('{{ d|date:"DATE_FORMAT" }}').render(
            Context({"d": datetime.date(2026, 3, 5)})
        )
    assert text == "5 de marzo de 2026"


def test_the_page_cache_key_names_the_language(rf):
    from content.pagecache import cache_key

    request = rf.get("/privacy/")
    with translation.override("en"):
        english = cache_key(request)
    with translation.override("es"):
        spanish = cache_key(request)
    assert english and spanish
    assert english != spanish


def test_the_hub_diagram_speaks_spanish_on_the_spanish_career_page(content, client):
    html = client.get("/es/careers/care-management-care-coordination/").content.decode()
    assert '<title id="hub-title">El centro de la rueda</title>' in html
    start = html.index('<desc id="hub-desc">')
    desc = html[start : html.index("</desc>", start)]
    assert desc.startswith('<desc id="hub-desc">En el centro: ')
    assert "la persona, su familia o cuidadores" in desc
    assert "el centro de la rueda" in html[html.index('id="hub-caption"') :]


@pytest.mark.parametrize(("path", "target"), [("/es", "/es/"), ("/es/privacy", "/es/privacy/")])
def test_a_missing_slash_is_added_in_spanish_too(client, path, target):
    response = client.get(path)
    assert response.status_code == 301
    assert response["Location"] == target


@pytest.mark.parametrize(
    ("language", "written", "checked", "expected"),
    [
        ("en", False, True, 'Source: <a href="https://x.example/">X</a>, checked March 2026.'),
        (
            "es",
            False,
            True,
            'Fuente: <a href="https://x.example/">X</a>, revisada en marzo de 2026.',
        ),
        (
            "es",
            True,
            True,
            'Redactado por nuestro equipo a partir de <a href="https://x.example/">X</a>, '
            "revisada en marzo de 2026.",
        ),
        (
            "es",
            False,
            False,
            'Fuente: <a href="https://x.example/">X</a> <strong class="unverified">',
        ),
        (
            "en",
            True,
            False,
            'Written by our editors from <a href="https://x.example/">X</a> <strong',
        ),
    ],
)
def test_the_source_line_in_each_language(language, written, checked, expected):
    item = {
        "source_url": "https://x.example/",
        "source_name": "X",
        "checked_on": datetime.date(2026, 3, 5) if checked else None,
    }
    with translation.override(language):
        html = Template('{% include "includes/_source.html" %}').render(
            Context({"item": item, "written": written})
        )
    assert expected in html
