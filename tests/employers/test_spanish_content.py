"""The employers' descriptions in Spanish (issue 17): after load_content every published
employer has Spanish wherever it has English, the Spanish file names only real rows and
real fields, numbers match the English, and the page prints it."""

import io
import json

import pytest
from django.core.management import call_command
from django.utils.html import escape

from content.i18n import missing_translations, translated_fields
from employers import content
from employers.models import Employer
from tests.spanish_pages import check_spanish_rows, get_in_spanish, numbers

pytestmark = pytest.mark.django_db

SPANISH = json.loads(content.TRANSLATIONS["es"][0].read_text(encoding="utf-8"))["employers"]


def test_every_published_employer_has_spanish_wherever_it_has_english():
    call_command("load_content", stdout=io.StringIO())
    fields = translated_fields(Employer)
    assert "description" in fields
    employers = list(Employer.objects.published())
    assert len(employers) == len(content.read_fixture())
    filled = 0
    for employer in employers:
        # Over every registered translated field, so a new field or row without Spanish fails.
        assert not missing_translations(employer, "es"), (employer.slug, employer.name)
        filled += sum(bool(getattr(employer, f"{name}_en")) for name in fields)
    assert filled == len(employers)  # every employer has an English description


def test_the_spanish_file_names_only_employers_and_fields_the_english_has():
    """A Spanish row with a wrong slug, or a misspelt field, would be skipped silently."""
    english = {row["slug"]: row for row in content.read_fixture()}
    check_spanish_rows(SPANISH, english, Employer)
    counts = content.load()["employers.Employer"]
    assert counts["translated"] == len(SPANISH)


def test_spanish_numbers_are_the_english_ones():
    content.load()
    for employer in Employer.objects.all():
        assert numbers(employer.description_en) == numbers(employer.description_es), employer.slug


def test_the_spanish_page_prints_the_spanish_description_not_marked_english(client):
    content.load()
    employer = Employer.objects.get(slug="circare")
    response = get_in_spanish(client, employer.get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="es"' in html
    main = html[html.index("<main") :]
    assert escape(employer.description_es) in main
    assert "Designated a Lead Health Home" not in main
    assert 'lang="en"' not in main  # nothing on the page falls back to English
    assert f'content="{escape(employer.description_es[:100])}' in html  # meta description
    english = client.get(employer.get_absolute_url()).content.decode()
    assert escape(employer.description_en) in english
    assert escape(employer.description_es) not in english
