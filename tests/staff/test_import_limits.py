"""What an import refuses (formulas, oversize files, too many rows, a slug twice) and how the
admin's preview and confirm steps hold up (bounded preview, one confirm, own preview only)."""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from content.importing import PreviewStorage, preview_folder, sign_preview
from tests.staff.test_import_export import (
    ADMIN,
    admin_import,
    dataset,
    sample_rows,
    sample_text,
)
from tests.trainings.factories import ProviderFactory
from trainings.models import Provider
from trainings.resources import ProviderResource

pytestmark = pytest.mark.django_db

PROVIDERS = ADMIN + "trainings/provider/"
HEADER = (
    "slug,name,kind,website,address,city,county,region,zip_code,latitude,longitude,coordinates_note"
)


def provider_csv(rows):
    lines = [HEADER]
    for slug, name in rows:
        lines.append(f"{slug},{name},community_college,https://example.edu/,,,,nyc,,,,")
    return "\n".join(lines) + "\n"


@pytest.fixture(autouse=True)
def _own_preview_folder(settings, tmp_path):
    settings.IMPORT_PREVIEW_DIR = str(tmp_path / "previews")


def _messages(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


# --- formulas -------------------------------------------------------------------------


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_a_text_cell_starting_like_a_formula_is_refused_naming_row_and_column(start):
    text = provider_csv([("good-college", "Good College")])
    text += f'bad-college,"{start}HYPERLINK(""http://x"")",community_college,,,,,nyc,,,,\n'
    result = ProviderResource().import_data(dataset(text), dry_run=False)
    assert [row.number for row in result.invalid_rows] == [2]
    message = " ".join(str(m) for ms in result.invalid_rows[0].error_dict.values() for m in ms)
    assert "Row 2, column “name”" in message
    assert "formula" in message
    assert Provider.objects.count() == 0


def test_negative_numbers_are_not_formulas():
    text = HEADER + "\nsome-place,Some Place,community_college,,,,,,,40.7,-73.9,Map position\n"
    result = ProviderResource().import_data(dataset(text), dry_run=False)
    assert not result.has_validation_errors(), [r.error_dict for r in result.invalid_rows]
    assert Provider.objects.get().longitude == -73.9


def test_export_escapes_formulae(publisher_client):
    assert settings.IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT is True
    ProviderFactory(name="=cmd|' /C calc'!A0", slug="sneaky")
    response = publisher_client.post(
        PROVIDERS + "export/",
        {"format": "0", **{f"providerresource_{f}": "on" for f in HEADER.split(",")}},
    )
    assert response.status_code == 200
    assert "\n=cmd" not in response.content.decode() and ",=cmd" not in response.content.decode()


# --- size, rows, duplicates -------------------------------------------------------------


def test_a_file_over_the_size_limit_gets_a_clear_message(publisher_client, settings):
    assert settings.IMPORT_MAX_BYTES == 2 * 1024 * 1024
    settings.IMPORT_MAX_BYTES = 2000
    text = provider_csv([(f"college-{i}", f"College {i}") for i in range(100)])
    response = admin_import(publisher_client, PROVIDERS, text, "big.csv")
    assert response.status_code == 200
    assert "one import takes at most 2.0\xa0KB" in response.content.decode()
    assert Provider.objects.count() == 0
    assert list(Path(settings.IMPORT_PREVIEW_DIR).glob("*")) == []


def test_a_file_over_the_row_limit_gets_a_clear_message(publisher_client, settings):
    assert settings.IMPORT_MAX_ROWS == 5000
    settings.IMPORT_MAX_ROWS = 20
    text = provider_csv([(f"college-{i}", f"College {i}") for i in range(21)])
    response = admin_import(publisher_client, PROVIDERS, text, "many.csv")
    html = response.content.decode()
    assert "The file has 21 rows; one import takes at most 20" in html
    assert "Traceback" not in html
    assert 'name="confirm"' not in html
    assert Provider.objects.count() == 0


def test_a_slug_twice_in_one_file_is_an_error_on_the_second_row():
    text = provider_csv([("twin", "First twin"), ("other", "Other"), ("twin", "Second twin")])
    result = ProviderResource().import_data(dataset(text), dry_run=False)
    assert [row.number for row in result.invalid_rows] == [3]
    message = str(result.invalid_rows[0].error_dict["slug"])
    assert "Row 3: row 1 of this file already has “slug” “twin”" in message
    assert Provider.objects.count() == 0


# --- preview and confirm ---------------------------------------------------------------


def _preview(client, text):
    response = admin_import(client, PROVIDERS, text, "providers.csv")
    assert response.status_code == 200
    return response.context["confirm_form"].initial


def test_the_preview_shows_totals_and_the_first_rows_only(publisher_client):
    text = provider_csv([(f"college-{i}", f"College {i}") for i in range(120)])
    html = admin_import(publisher_client, PROVIDERS, text, "providers.csv").content.decode()
    assert "120 rows: 120 new, 0 to update, 0 unchanged; the first 50 are shown" in html
    assert len(re.findall(r'<tr class="new">', html)) == 50


def test_the_error_preview_shows_only_the_first_bad_rows(publisher_client):
    text = provider_csv([(f"college-{i}", f"=College {i}") for i in range(80)])
    html = admin_import(publisher_client, PROVIDERS, text, "providers.csv").content.decode()
    assert "80 of 80 rows have errors; the first 50 are shown" in html
    assert html.count('class="validation-error-count"') == 50


def test_a_second_confirm_gets_a_message_not_a_500(publisher_client):
    initial = _preview(publisher_client, sample_text("providers"))
    first = publisher_client.post(PROVIDERS + "process_import/", initial, follow=True)
    assert first.status_code == 200
    assert Provider.objects.count() == sample_rows("providers")
    second = publisher_client.post(PROVIDERS + "process_import/", initial, follow=True)
    assert second.status_code == 200
    assert any("already imported" in m for m in _messages(second))
    assert Provider.objects.count() == sample_rows("providers")


def test_a_confirm_whose_preview_file_is_gone_gets_a_message(publisher_client):
    initial = _preview(publisher_client, sample_text("providers"))
    for path in preview_folder().iterdir():
        path.unlink()
    response = publisher_client.post(PROVIDERS + "process_import/", initial, follow=True)
    assert response.status_code == 200
    assert any("preview has expired" in m for m in _messages(response))
    assert Provider.objects.count() == 0


def test_a_confirm_naming_another_file_imports_and_deletes_nothing(publisher_client, publisher):
    initial = _preview(publisher_client, sample_text("providers"))
    victim = Path(settings.IMPORT_PREVIEW_DIR).parent / "someone-elses.csv"
    victim.write_text(sample_text("providers"))
    for forged in [
        str(victim),
        "../someone-elses.csv",
        victim.name,
        sign_preview("../someone-elses.csv", publisher),
    ]:
        response = publisher_client.post(
            PROVIDERS + "process_import/", {**initial, "import_file_name": forged}, follow=True
        )
        assert response.status_code == 200
        assert any("Upload the file again" in m for m in _messages(response))
    assert victim.exists()
    assert Provider.objects.count() == 0


def test_a_confirm_of_another_users_preview_is_refused(publisher_client, client):
    initial = _preview(publisher_client, sample_text("providers"))
    other = get_user_model().objects.create_user("other-publisher", is_staff=True)
    other.groups.add(Group.objects.get(name="Publisher"))
    client.force_login(other)
    response = client.post(PROVIDERS + "process_import/", initial, follow=True)
    assert response.status_code == 200
    assert any("made by someone else" in m for m in _messages(response))
    assert Provider.objects.count() == 0
    assert len(list(preview_folder().iterdir())) == 1  # the owner may still confirm it


def test_abandoned_previews_are_removed_on_the_next_import(publisher_client):
    _preview(publisher_client, sample_text("providers"))
    (old,) = preview_folder().iterdir()
    an_hour_ago = time.time() - settings.IMPORT_PREVIEW_MAX_AGE - 1
    os.utime(old, (an_hour_ago, an_hour_ago))
    _preview(publisher_client, sample_text("providers"))
    remaining = list(preview_folder().iterdir())
    assert old not in remaining and len(remaining) == 1


def test_preview_storage_opens_only_names_it_made():
    for name in ["../../etc/passwd", "/etc/passwd", "abc", "0" * 31, ("0" * 32) + "/x"]:
        storage = PreviewStorage(name=name)
        with pytest.raises(Exception) as caught:
            storage.read()
        assert type(caught.value).__name__ == "PreviewGone"


# --- database ----------------------------------------------------------------------------


def test_postgresql_connections_get_a_statement_timeout():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='config.settings'; "
        "from django.conf import settings; print(settings.DATABASES['default']['OPTIONS'])"
    )
    env = {**os.environ, "DATABASE_URL": "postgres://u@127.0.0.1:5432/x", "DEBUG": "True"}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "-c statement_timeout=30000" in result.stdout, result.stderr
