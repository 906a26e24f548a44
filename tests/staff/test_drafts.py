"""A draft is 404 to the public and shown to staff with the preview bar (acceptance 2)."""

import pytest

from content.models import Status
from tests.careers.factories import CareerFactory, RoleFactory
from tests.employers.factories import EmployerFactory, LocationFactory
from tests.trainings.factories import TrainingFactory

pytestmark = pytest.mark.django_db

BAR = "Draft preview: this page is not published."


@pytest.fixture(params=["career", "role", "training", "employer"])
def draft(request):
    if request.param == "career":
        return CareerFactory(status=Status.DRAFT, title="Draft only career")
    if request.param == "role":
        return RoleFactory(status=Status.DRAFT, name="Draft only role")
    if request.param == "training":
        return TrainingFactory(status=Status.DRAFT, title="Draft only training")
    employer = EmployerFactory(status=Status.DRAFT, name="Draft only employer")
    LocationFactory(employer=employer)
    return employer


def test_a_draft_is_404_for_the_public(client, draft):
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 404
    assert BAR not in response.content.decode()


def test_a_draft_is_404_for_a_signed_in_user_who_is_not_staff(client, django_user_model, draft):
    client.force_login(django_user_model.objects.create_user("visitor", password="x-long-91"))
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_an_editor_sees_the_draft_with_the_preview_bar(editor_client, draft):
    response = editor_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert BAR in html
    assert str(draft) in html


def test_a_published_page_has_no_preview_bar_even_for_staff(editor_client, draft):
    draft.status = Status.PUBLISHED
    draft.save()
    response = editor_client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert BAR not in response.content.decode()


def test_a_draft_stays_out_of_the_public_lists(client, draft):
    url = {
        "career": "/careers/",
        "role": getattr(draft, "career", None) and draft.career.get_absolute_url(),
        "training": "/trainings/",
        "employer": "/employers/",
    }[draft._meta.model_name]
    assert str(draft) not in client.get(url).content.decode()
