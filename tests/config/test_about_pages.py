"""
The pages about the site itself (site map, privacy, accessibility, about our data), the
footer that links them from every page, the one date format, and the sharing tags and
icons every page carries.
"""

import datetime
import re
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.contrib.staticfiles import finders
from django.core.management import call_command
from django.template import Context, Template

from content.models import Status
from tests.careers.factories import JobTitleFactory
from tests.sitemaps import sitemap_paths
from tests.trainings.factories import TrainingFactory

ABOUT_PAGES = ["/site-map/", "/privacy/", "/accessibility/", "/about-our-data/"]


@pytest.fixture
def content(db):
    call_command("load_content", stdout=open("/dev/null", "w"))


def _footer(html):
    return html[html.index('<footer class="site-footer">') :]


def _hrefs(html):
    return {unescape(h) for h in re.findall(r'href="([^"]+)"', html)}


def test_about_pages_are_in_the_sitemap_and_answer(content, client):
    paths = sitemap_paths(client)
    for path in ABOUT_PAGES:
        assert path in paths
        assert client.get(path).status_code == 200


def test_every_page_footer_links_the_owed_pages_not_the_xml_sitemap(content, client):
    for path in [*sitemap_paths(client), "/no-such-page/", "/es/no-such-page/"]:
        footer = _hrefs(_footer(client.get(path).content.decode()))
        prefix = "/es" if path.startswith("/es/") else ""  # each page links its own language's
        for owed in ABOUT_PAGES:
            assert prefix + owed in footer, f"{path}: footer lacks {prefix + owed}"
        assert "/sitemap.xml" not in footer, f"{path}: footer offers the XML sitemap to people"


def test_xml_sitemap_is_still_there_for_search_engines(client, db):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert "/sitemap.xml" in client.get("/robots.txt").content.decode()


def test_site_map_lists_every_page_of_the_xml_sitemap_but_compare_pages(content, client):
    """Each language's site map lists that language's pages."""
    listed = {
        "": _hrefs(client.get("/site-map/").content.decode()),
        "/es": _hrefs(client.get("/es/site-map/").content.decode()),
    }
    for path in sitemap_paths(client):
        if path.endswith(("/compare/", "/pay/")) or path in ("/site-map/", "/es/site-map/"):
            continue
        prefix = "/es" if path.startswith("/es/") else ""
        assert path in listed[prefix], f"the site map{prefix and ' ' + prefix} lacks {path}"


def _all_source_urls():
    """Every URL in a source column (`source_url`, `roles_source_url`, ...) of any model."""
    urls = set()
    for model in apps.get_models():
        for column in {f.name for f in model._meta.get_fields()}:
            if column.endswith("source_url"):
                rows = model._default_manager.exclude(**{column: ""})
                urls |= set(rows.values_list(column, flat=True))
    return urls


def test_data_page_lists_every_source_the_published_pages_cite(content, client):
    """Crawl the published pages: each source link found on one is on the data page."""
    known = _all_source_urls()
    cited = set()
    for path in sitemap_paths(client):
        if path == "/about-our-data/":
            continue
        cited |= _hrefs(client.get(path).content.decode()) & known
    assert len(cited) > 20
    data_page = _hrefs(client.get("/about-our-data/").content.decode())
    missing = cited - data_page
    assert not missing, f"cited on pages but not on /about-our-data/: {sorted(missing)[:5]}"


def test_data_page_leaves_out_drafts_and_dates_each_source(content, client):
    TrainingFactory(status=Status.DRAFT, source_url="https://draft.example.org/only-here")
    TrainingFactory(
        source_url="https://live.example.org/course", checked_on=datetime.date(2026, 3, 5)
    )
    html = client.get("/about-our-data/").content.decode()
    assert "https://draft.example.org/only-here" not in html
    assert "https://live.example.org/course" in html
    assert '<time datetime="2026-03-05">March 5, 2026</time>' in html


def test_privacy_notice_states_what_is_kept_and_for_how_long(client, db, settings):
    settings.CONSENT_RECORD_DAYS = 1095
    html = client.get("/privacy/").content.decode()
    for words in (
        "no IP address",
        "3 years",
        "Server logs",
        "30 days",
        "Staff accounts",
        "90 days",
        "11 months",
        settings.CONSENT_COOKIE_NAME,
    ):
        assert words in html, words


def test_accessibility_statement_names_the_standard_tests_and_how_to_report(client, db):
    html = client.get("/accessibility/").content.decode()
    for words in (
        "WCAG",
        "2.2",
        "AA",
        "axe-core",
        "HTML validator",
        "keyboard",
        "Known limits",
        "mailto:",
    ):
        assert words in html, words


# One date format for people, with the machine date beside it.


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime.date(2026, 3, 5), '<time datetime="2026-03-05">March 5, 2026</time>'),
        (
            datetime.datetime(2026, 11, 26, 23, 30, tzinfo=datetime.UTC),
            '<time datetime="2026-11-26">November 26, 2026</time>',
        ),
        (None, ""),
        ("", ""),
    ],
)
def test_human_date(value, expected, settings):
    settings.TIME_ZONE = "UTC"
    html = Template("{% load presentation %}{{ value|human_date }}").render(
        Context({"value": value})
    )
    assert html == expected


def test_no_template_formats_a_date_for_people_by_hand():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    offenders = []
    for template in root.glob("*/templates/**/*.html"):
        if "admin" in template.parts or ".venv" in template.parts:
            continue
        for number, line in enumerate(template.read_text().splitlines(), 1):
            if re.search(r'\|date:\s*"F j, Y"|\|date:\s*"j F Y"', line):
                offenders.append(f"{template.relative_to(root)}:{number}")
    assert not offenders, f"use |human_date: {offenders}"


# Sharing tags and icons on every page.


def test_every_page_has_sharing_tags_icons_and_manifest(content, client):
    for path in [*sitemap_paths(client), "/no-such-page/"]:
        html = client.get(path).content.decode()
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
        meta = dict(
            re.findall(
                r'<meta (?:property|name)="((?:og|twitter):[a-z:_]+)" content="([^"]*)"', html
            )
        )
        assert meta["og:url"] == canonical, path
        assert meta["og:title"] and meta["og:description"], path
        assert meta["twitter:card"] == "summary_large_image", path
        image = urlsplit(meta["og:image"])
        assert image.scheme == "http" and image.netloc == "testserver", path
        assert meta["twitter:image"] == meta["og:image"]
        assert finders.find(image.path.removeprefix("/static/")), image.path
        for rel in (
            'rel="icon" href="/static/img/favicon.svg"',
            'rel="icon" href="/static/img/favicon-32.png"',
            'rel="apple-touch-icon" href="/static/img/apple-touch-icon.png"',
            'rel="manifest" href="/site.webmanifest"',
            '<meta name="theme-color"',
        ):
            assert rel in html, f"{path}: {rel}"


def test_manifest_names_the_site_and_icons_that_exist(client, db):
    response = client.get("/site.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = response.json()
    assert manifest["name"] == "Health Careers New York"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        assert finders.find(icon["src"].removeprefix("/static/")), icon["src"]


def test_favicon_ico_points_to_the_png(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/img/favicon-32.png"


def test_a_source_nobody_checked_says_not_yet_verified_and_gives_no_date(client, db):
    JobTitleFactory(source_url="https://unchecked.example.org/", checked_on=None)
    JobTitleFactory(source_url="https://half.example.org/", checked_on=datetime.date(2026, 2, 1))
    JobTitleFactory(source_url="https://half.example.org/", checked_on=None)
    html = client.get("/about-our-data/").content.decode()
    item = html.split("https://unchecked.example.org/", 1)[1].split("</li>", 1)[0]
    assert '<strong class="unverified">Not yet verified.</strong>' in item
    assert "<time" not in item and "Dated by its year" not in item
    item = html.split("https://half.example.org/", 1)[1].split("</li>", 1)[0]
    assert 'for some uses; <strong class="unverified">not yet verified</strong> for others' in item
