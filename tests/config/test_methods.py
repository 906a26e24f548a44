"""Every public page answers GET and HEAD (uptime monitors and link checkers send HEAD) and
refuses to be posted to with a 405, not a page."""

import pytest
from django.urls import reverse

from tests.careers.helpers import load_starting_content
from tests.db import loaded_once
from tests.employers.factories import EmployerFactory
from tests.trainings.factories import TrainingFactory

pytestmark = pytest.mark.django_db

CAREER = "/careers/care-management-care-coordination/"


@loaded_once
def content():
    """The starting careers and pay figures, a training and an employer."""
    load_starting_content()
    TrainingFactory(slug="chw")
    EmployerFactory(slug="clinic")


PAGES = [
    "/",
    "/careers/",
    CAREER,
    CAREER + "compare/",
    CAREER + "care-coordinator/",
    CAREER + "care-coordinator/pay/",
    "/trainings/",
    "/trainings/chw/",
    "/trainings/compare/?ids=chw",
    "/trainings/guide/",
    "/employers/",
    "/employers/clinic/",
    "/cookies/",
    "/site-map/",
    "/privacy/",
    "/about-our-data/",
    "/es/",
    "/es/trainings/",
    "/robots.txt",
    "/sitemap.xml",
]


@pytest.mark.parametrize("path", PAGES)
def test_head_answers_like_get_without_a_body(client, content, path):
    got = client.get(path)
    head = client.head(path)
    assert head.status_code == got.status_code == 200, path
    assert head.content == b""


@pytest.mark.parametrize("path", PAGES)
def test_a_post_to_a_page_gets_405(client, content, path):
    # The test client skips the CSRF check, so the POST reaches the view, which refuses it.
    response = client.post(path, {"q": "care"})
    assert response.status_code == 405, (path, response.status_code)
    assert response["Allow"] == "GET, HEAD"


def test_the_section_sitemaps_refuse_a_post(client, content):
    path = reverse("sitemap_section", kwargs={"section": "careers"})
    assert client.head(path).status_code == 200
    assert client.post(path).status_code == 405
