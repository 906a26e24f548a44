"""No public page uses British spellings: every page the sitemap lists, and the searches."""

import pytest
from django.core.management import call_command

from tests.quality.spelling import BRITISH, british_words
from tests.sitemaps import sitemap_paths

pytestmark = pytest.mark.django_db


@pytest.fixture
def content(db):
    call_command("load_content", stdout=open("/dev/null", "w"))


SEARCHES = [
    "/careers/?q=care+manager",
    "/trainings/?q=care",
    "/trainings/?zip=12207&miles=25",
    "/trainings/guide/?have=high_school&zip=10001",
    "/trainings/guide/?have=none",
    "/employers/?zip=10001&miles=25",
    "/cookies/",
]


def test_no_public_page_uses_british_spelling(client, content):
    paths = [*sitemap_paths(client), *SEARCHES]
    assert len(paths) > 20
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        found = british_words(response.content.decode())
        assert not found, f"{path}: {', '.join(f'{w} -> {BRITISH[w]}' for w in found)}"
