"""CSV import/export of providers, trainings, employers and locations (acceptance 4)."""

import re
from pathlib import Path

import pytest
import tablib
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from content.models import Status
from employers.models import Employer, Location
from employers.resources import EmployerResource, LocationResource
from tests.careers.factories import CareerFactory, RoleFactory, WorkSettingFactory
from trainings.models import Provider, Training
from trainings.resources import ProviderResource, TrainingResource

pytestmark = pytest.mark.django_db

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
# In dependency order: trainings name their provider, locations their employer.
ORDER = [
    ("providers", ProviderResource, Provider),
    ("trainings", TrainingResource, Training),
    ("employers", EmployerResource, Employer),
    ("locations", LocationResource, Location),
]
SETTINGS = [
    "hospital", "health-home", "managed-care-plan", "community-health-center",
    "behavioral-health", "community-based-organization", "local-health-department",
    "primary-care-practice", "home-care-agency", "long-term-care",
]  # fmt: skip


@pytest.fixture
def careers_content(db):
    """The shared slugs the samples refer to (the careers app's starting content)."""
    career = CareerFactory(slug="care-management-care-coordination")
    RoleFactory(career=career, slug="care-coordinator", short_name="CC")
    RoleFactory(career=career, slug="care-manager", short_name="CM")
    for slug in SETTINGS:
        WorkSettingFactory(slug=slug)


def sample_text(name):
    return (SAMPLES / f"{name}.csv").read_text(encoding="utf-8")


def lf(text):
    return text.replace("\r\n", "\n")


def dataset(text):
    return tablib.Dataset().load(text, format="csv")


def import_all(**kwargs):
    results = {}
    for name, resource, _model in ORDER:
        result = resource().import_data(dataset(sample_text(name)), **kwargs)
        assert not result.has_errors(), [e.error for row in result.row_errors() for e in row[1]]
        assert not result.has_validation_errors(), [
            (row.number, row.error_dict) for row in result.invalid_rows
        ]
        results[name] = result
    return results


def sample_rows(name):
    return len(dataset(sample_text(name)))


def test_every_sample_has_rows_and_the_import_columns():
    for name, resource, _model in ORDER:
        data = dataset(sample_text(name))
        assert len(data) >= 10, name
        assert data.headers == [f.column_name for f in resource().get_export_fields()]


def test_importing_the_samples_creates_the_rows(careers_content):
    results = import_all(dry_run=False)
    for name, _resource, model in ORDER:
        assert model.objects.count() == sample_rows(name), name
        assert results[name].totals["new"] == sample_rows(name)
    # Exporting again gives back the very same files: every value arrived intact.
    for name, resource, _model in ORDER:
        assert lf(resource().export().csv) == sample_text(name), name
    assert Training.objects.filter(roles__slug="care-coordinator").exists()
    assert Employer.objects.filter(settings__slug="hospital").exists()


def test_a_dry_run_writes_nothing(careers_content):
    result = ProviderResource().import_data(dataset(sample_text("providers")), dry_run=True)
    assert result.totals["new"] == sample_rows("providers")
    assert Provider.objects.count() == 0


def test_importing_the_samples_again_changes_nothing(careers_content):
    import_all(dry_run=False)
    before = {
        name: (list(model.objects.order_by("pk").values()), model.history.count())
        for name, _resource, model in ORDER
    }
    results = import_all(dry_run=False)
    for name, _resource, model in ORDER:
        totals = results[name].totals
        assert totals["new"] == totals["update"] == totals["delete"] == 0, name
        assert totals["skip"] == sample_rows(name), name
        after = (list(model.objects.order_by("pk").values()), model.history.count())
        assert after == before[name], name


def test_a_changed_row_updates_the_existing_row_instead_of_duplicating(careers_content):
    import_all(dry_run=False)
    data = dataset(sample_text("trainings"))
    slug = data["slug"][0]
    row = list(data[0])
    row[data.headers.index("title")] = "A corrected title"
    data[0] = row
    result = TrainingResource().import_data(data, dry_run=False)
    assert (result.totals["new"], result.totals["update"]) == (0, 1)
    assert Training.objects.count() == sample_rows("trainings")
    assert Training.objects.get(slug=slug).title == "A corrected title"


def with_bad_row(name, number, **changes):
    """The sample `name` with data row `number` (1 = first row under the header) changed."""
    data = dataset(sample_text(name))
    row = list(data[number - 1])
    for column, value in changes.items():
        row[data.headers.index(column)] = value
    data[number - 1] = row
    return data


BAD_ROWS = [
    ("providers", {"zip_code": "99999"}, "We don't know the ZIP code 99999"),
    ("providers", {"zip_code": "1234"}, "Enter a 5-digit ZIP code"),
    ("locations", {"zip_code": "00000"}, "We don't know the ZIP code 00000"),
    ("trainings", {"roles": "care-coordinator|nurse-wizard"}, "Unknown role slug: nurse-wizard"),
    (
        "trainings",
        {"cost_low": "900", "cost_high": "100", "is_free": "0"},
        "Cost low (900) must be less than or equal to cost high (100)",
    ),
    ("trainings", {"source_url": ""}, "The source URL is missing"),
    ("employers", {"source_url": ""}, "The source URL is missing"),
    ("employers", {"settings": "moon-base"}, "Unknown work setting slug: moon-base"),
]


@pytest.mark.parametrize(("name", "changes", "reason"), BAD_ROWS)
def test_a_csv_with_one_bad_row_writes_nothing_and_reports_the_row_and_reason(
    careers_content, name, changes, reason
):
    # What a sample refers to must exist first (locations need their employers).
    for other, resource, _model in ORDER[: [n for n, *_ in ORDER].index(name)]:
        if (other, name) in {("providers", "trainings"), ("employers", "locations")}:
            resource().import_data(dataset(sample_text(other)), dry_run=False)
    model = {n: m for n, _r, m in ORDER}[name]
    resource = {n: r for n, r, _m in ORDER}[name]
    count_before = model.objects.count()

    data = with_bad_row(name, 3, **changes)
    for dry_run in (True, False):
        result = resource().import_data(data, dry_run=dry_run)
        assert result.has_validation_errors()
        assert [row.number for row in result.invalid_rows] == [3]
        messages = " ".join(
            str(message)
            for messages in result.invalid_rows[0].error_dict.values()
            for message in messages
        )
        assert reason in messages
        assert model.objects.count() == count_before  # nothing written, not even the good rows
    assert model.history.count() == count_before


def test_an_editor_cannot_publish_by_import(careers_content, editor):
    ProviderResource().import_data(dataset(sample_text("providers")), dry_run=False)
    TrainingResource().import_data(dataset(sample_text("trainings")), dry_run=False, user=editor)
    assert Training.objects.count() == sample_rows("trainings")
    assert set(Training.objects.values_list("status", flat=True)) == {Status.DRAFT}


# --- Through the admin ----------------------------------------------------------------

ADMIN = "/" + settings.ADMIN_URL


def admin_import(client, url, text, filename):
    return client.post(
        url + "import/",
        {
            "format": "0",  # CSV, the first import format
            "import_file": SimpleUploadedFile(filename, text.encode(), content_type="text/csv"),
        },
    )


def test_the_admin_dry_run_preview_shows_the_bad_row_and_reason(careers_content, publisher_client):
    ProviderResource().import_data(dataset(sample_text("providers")), dry_run=False)
    data = with_bad_row("trainings", 2, cost_low="900", cost_high="100", is_free="0")
    response = admin_import(
        publisher_client, ADMIN + "trainings/training/", data.export("csv"), "trainings.csv"
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Cost low (900) must be less than or equal to cost high (100)" in html
    assert "Some rows failed to validate" in html
    assert re.search(r"<td>\s*2\s*</td>", html)  # the row number
    assert 'name="confirm"' not in html and "Confirm import" not in html
    assert Training.objects.count() == 0


def test_the_admin_imports_a_sample_after_the_preview(careers_content, publisher_client):
    url = ADMIN + "trainings/provider/"
    preview = admin_import(publisher_client, url, sample_text("providers"), "providers.csv")
    assert preview.status_code == 200
    assert Provider.objects.count() == 0  # the preview wrote nothing
    confirm = preview.context["confirm_form"]
    response = publisher_client.post(url + "process_import/", confirm.initial, follow=True)
    assert response.status_code == 200
    assert Provider.objects.count() == sample_rows("providers")


def test_the_admin_export_gives_the_sample_columns(careers_content, editor_client):
    import_all(dry_run=False)
    response = editor_client.post(
        ADMIN + "employers/location/export/",
        {
            "format": "0",
            **{f"locationresource_{f}": "on" for f in dataset(sample_text("locations")).headers},
        },
    )
    assert response.status_code == 200, response.content.decode()[:2000]
    assert lf(response.content.decode()) == sample_text("locations")


def test_the_import_and_export_buttons_render_beside_history(publisher_client):
    html = publisher_client.get(ADMIN + "trainings/training/").content.decode()
    assert "/import/" in html and "/export/" in html
    training_history = publisher_client.get(ADMIN + "trainings/training/import/")
    assert training_history.status_code == 200
