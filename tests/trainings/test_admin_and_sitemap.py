"""Admin screens and bulk actions; the sitemap sections."""

import datetime

import pytest
from django.utils import timezone

from content.models import Status
from tests.sitemaps import sitemap_xml
from tests.trainings.factories import ProviderFactory, TrainingFactory
from trainings.models import Training

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client, admin_user):
    client.force_login(admin_user)
    return client


def run_action(client, action, trainings):
    return client.post(
        "/admin/trainings/training/",
        {"action": action, "_selected_action": [t.pk for t in trainings]},
        follow=True,
    )


def test_admin_lists_filters_and_searches_trainings(staff):
    TrainingFactory(title="Community Health Worker")
    TrainingFactory(title="Social Work")
    response = staff.get(
        "/admin/trainings/training/", {"q": "community", "status__exact": "published"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Community Health Worker" in html and "Social Work" not in html
    assert 'name="form-0-featured"' in html  # featured toggle in the list


def test_bulk_publish_unpublish_feature_and_verify(staff):
    a = TrainingFactory(status=Status.DRAFT, checked_on=datetime.date(2020, 1, 1))
    b = TrainingFactory(status=Status.DRAFT)
    run_action(staff, "publish_selected", [a, b])
    assert Training.objects.published().count() == 2
    run_action(staff, "unpublish_selected", [b])
    assert Training.objects.published().get() == a
    run_action(staff, "feature", [a])
    assert Training.objects.get(pk=a.pk).featured
    run_action(staff, "mark_verified_today", [a])
    assert Training.objects.get(pk=a.pk).checked_on == timezone.localdate()
    assert Training.history.filter(id=a.pk).count() >= 4  # every change is in the history


def test_provider_page_has_trainings_inline_and_history(staff):
    training = TrainingFactory(title="Inline training")
    url = f"/admin/trainings/provider/{training.provider.pk}/change/"
    html = staff.get(url).content.decode()
    assert "Inline training" in html
    assert staff.get(f"{url.removesuffix('change/')}history/").status_code == 200


def test_training_add_page_uses_provider_autocomplete(staff):
    html = staff.get("/admin/trainings/training/add/").content.decode()
    assert "admin-autocomplete" in html
    assert (
        staff.get(
            "/admin/autocomplete/",
            {
                "app_label": "trainings",
                "model_name": "training",
                "field_name": "provider",
                "term": "x",
            },
        ).status_code
        == 200
    )


def test_admin_fills_coordinates_from_the_zip_code(staff):
    response = staff.post(
        "/admin/trainings/provider/add/",
        {
            "name": "New College",
            "slug": "new-college",
            "kind": "community_college",
            "county": "Bronx",
            "zip_code": "10451",
            "trainings-TOTAL_FORMS": "0",
            "trainings-INITIAL_FORMS": "0",
        },
        follow=True,
    )
    assert response.status_code == 200
    from trainings.models import Provider

    provider = Provider.objects.get(slug="new-college")
    assert provider.has_location and provider.region == "nyc"


def test_sitemap_lists_list_guide_and_published_trainings(client):
    published = TrainingFactory(provider=ProviderFactory())
    draft = TrainingFactory(status=Status.DRAFT)
    xml = sitemap_xml(client)
    assert "<loc>http://testserver/trainings/</loc>" in xml
    assert "<loc>http://testserver/trainings/guide/</loc>" in xml
    assert f"<loc>http://testserver{published.get_absolute_url()}</loc>" in xml
    assert draft.get_absolute_url() not in xml


def _provider_form(provider, trainings):
    data = {
        "name": provider.name,
        "slug": provider.slug,
        "kind": provider.kind,
        "website": provider.website,
        "county": provider.county,
        "zip_code": provider.zip_code,
        "trainings-TOTAL_FORMS": str(len(trainings)),
        "trainings-INITIAL_FORMS": "0",
        "trainings-MIN_NUM_FORMS": "0",
        "trainings-MAX_NUM_FORMS": "1000",
    }
    for i, title in enumerate(trainings):
        data.update(
            {
                f"trainings-{i}-provider": provider.pk,
                f"trainings-{i}-title": title,
                f"trainings-{i}-kind": Training.Kind.CERTIFICATE,
                f"trainings-{i}-status": Status.DRAFT,
            }
        )
    return data


def test_trainings_added_inline_without_a_slug_get_unique_slugs_from_their_titles(staff):
    provider = ProviderFactory()
    TrainingFactory(title="Care Coordination", slug="care-coordination")
    url = f"/admin/trainings/provider/{provider.pk}/change/"
    titles = ["Care Coordination", "Care Coordination", "Peer Specialist Basics"]
    response = staff.post(url, _provider_form(provider, titles))
    assert response.status_code == 302, response.content.decode()[:2000]
    response = staff.post(url, _provider_form(provider, ["Care Coordination"]))
    assert response.status_code == 302
    slugs = sorted(Training.objects.filter(provider=provider).values_list("slug", flat=True))
    assert slugs == [
        "care-coordination-2",
        "care-coordination-3",
        "care-coordination-4",
        "peer-specialist-basics",
    ]
