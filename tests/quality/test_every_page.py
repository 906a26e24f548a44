"""
The bar every public page must meet (docs/architecture.md), checked on every page the sitemap lists,
in English and in Spanish (/es/: lang="es", hreflang alternates both ways),
once the starting content is loaded: one h1, title, description, canonical link, no inline
style or script (the strict CSP would block them), parseable JSON-LD, and in Chromium: no
axe-core violation, no CSP error and no sideways scrolling at 320 px and 1280 px, in the
light and the dark scheme (every axe rule once at each width, its color rules in the other
scheme: SCREENS below).
"""

import json
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.test import Client

from tests.sitemaps import sitemap_paths


class PageAudit(HTMLParser):
    """Collects what the checks below need from one HTML page."""

    def __init__(self):
        super().__init__()
        self.h1 = 0
        self.title = ""
        self._in_title = False
        self.meta_description = None
        self.canonical = None
        self.inline_styles = []
        self.inline_scripts = 0
        self.json_ld = []
        self._script_type = None
        self.images_without_alt = 0
        self.ids = []
        self.lang = None
        self.alternates = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "style" in attrs:
            self.inline_styles.append(tag)
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if any(name.startswith("on") for name in attrs):
            self.inline_scripts += 1
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.alternates[attrs["hreflang"]] = attrs.get("href")
        if tag == "h1":
            self.h1 += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "meta" and attrs.get("name") == "description":
            self.meta_description = attrs.get("content", "")
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = attrs.get("href")
        elif tag == "style":
            self.inline_styles.append("style")
        elif tag == "img" and "alt" not in attrs:
            self.images_without_alt += 1
        elif tag == "script":
            self._script_type = attrs.get("type", "")
            if "src" not in attrs and self._script_type != "application/ld+json":
                self.inline_scripts += 1

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag == "script":
            self._script_type = None

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        if self._script_type == "application/ld+json" and data.strip():
            self.json_ld.append(data)


@pytest.fixture
def content(db):
    call_command("load_content", stdout=open("/dev/null", "w"))


def test_sitemap_lists_every_kind_of_page(content, client):
    paths = sitemap_paths(client)
    for prefix in ("/careers/", "/trainings/", "/employers/", "/cookies/"):
        for language in ("", "/es"):
            page = language + prefix
            assert any(p.startswith(page) for p in paths), f"no {page} page in the sitemap"
    assert "/" in paths
    assert "/es/" in paths
    assert len(paths) >= 60


def test_every_sitemap_page_meets_the_bar(content, client):
    for path in sitemap_paths(client):
        response = client.get(path)
        assert response.status_code == 200, path
        audit = PageAudit()
        audit.feed(response.content.decode())
        assert audit.h1 == 1, f"{path}: {audit.h1} h1 elements"
        assert audit.title.strip(), f"{path}: empty title"
        assert audit.meta_description, f"{path}: no meta description"
        assert audit.canonical == f"http://testserver{path}", f"{path}: canonical"
        spanish = path.startswith("/es/")
        english_path = path[3:] if spanish else path
        assert audit.lang == ("es" if spanish else "en"), f"{path}: lang={audit.lang}"
        assert audit.alternates == {
            "en": f"http://testserver{english_path}",
            "es": f"http://testserver/es{english_path}",
            "x-default": f"http://testserver{english_path}",
        }, f"{path}: hreflang alternates"
        assert not audit.inline_styles, f"{path}: inline style on {audit.inline_styles}"
        assert audit.inline_scripts == 0, f"{path}: inline script or handler"
        assert audit.images_without_alt == 0, f"{path}: img without alt"
        assert len(audit.ids) == len(set(audit.ids)), f"{path}: duplicate ids"
        for block in audit.json_ld:
            data = json.loads(block)
            assert data["@context"] == "https://schema.org", path


def test_titles_and_descriptions_differ_between_pages(content, client):
    """Within each language: a page and its twin in the other language may share a title
    (a name such as an employer's reads the same in both)."""
    titles = {}
    for path in sitemap_paths(client):
        audit = PageAudit()
        audit.feed(client.get(path).content.decode())
        language = "es" if path.startswith("/es/") else "en"
        titles.setdefault((language, audit.title.strip()), []).append(path)
    repeated = {title: paths for title, paths in titles.items() if len(paths) > 1}
    assert not repeated, f"pages share a title: {repeated}"


# The narrowest phone and a laptop, each in the light and the dark scheme: contrast, focus
# and layout change between them, so each is checked on every English page. Every axe rule
# runs once at each width (tables stack on a phone, so structure can differ between the
# widths); the other scheme at that width changes only colors, so there axe runs its color
# rules (COLOR_RULES). The Spanish pages share the markup and the styles but have longer
# words (wrapping, overflow): they are checked at both widths, with every rule.
COLOR_RULES = ["color-contrast", "link-in-text-block"]
SCREENS = [
    # width, scheme, Spanish pages too, every axe rule (else COLOR_RULES)
    (320, "light", True, True),
    (320, "dark", False, False),
    (1280, "light", False, False),
    (1280, "dark", True, True),
]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(("width", "scheme", "spanish", "every_rule"), SCREENS)
def test_every_sitemap_page_passes_axe_and_fits_the_screen(
    new_page, axe_check, width, scheme, spanish, every_rule
):
    call_command("load_content", stdout=open("/dev/null", "w"))
    paths = sitemap_paths(Client())
    if not spanish:
        paths = [path for path in paths if not path.startswith("/es/")]
    page = new_page(viewport={"width": width, "height": 800}, color_scheme=scheme)
    axe_check.preload(page.context)
    assert page.evaluate("matchMedia('(prefers-color-scheme: dark)').matches") is (scheme == "dark")
    for path in paths:
        response = page.goto(path)
        assert response.status == 200, path
        axe_check(page, rules=None if every_rule else COLOR_RULES)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{path}: page is {scroll_width}px wide at {width}px"
        hidden_columns = page.evaluate(
            "[...document.querySelectorAll('.table-scroll')]"
            ".filter(box => box.scrollWidth > box.clientWidth).length"
        )
        assert hidden_columns == 0, f"{path}: a table hides columns off to the side at {width}px"
    assert page.csp_errors == [], f"{width}px {scheme}: {page.csp_errors}"


@pytest.mark.browser
def test_the_color_rules_alone_still_find_text_too_faint_to_read(page, axe_check):
    """The second scheme at each width is checked with COLOR_RULES only: they must still
    fail a page whose text is too faint, and pass it once the text is dark enough."""
    faint = (
        '<!doctype html><html lang="en"><head><title>Faint</title></head><body><main>'
        '<p style="color: {}; background: #fff">Words too faint to read</p></main></body></html>'
    )
    page.set_content(faint.format("#bbb"))
    with pytest.raises(AssertionError, match="color-contrast"):
        axe_check(page, rules=COLOR_RULES)
    page.set_content(faint.format("#595959"))
    axe_check(page, rules=COLOR_RULES)
