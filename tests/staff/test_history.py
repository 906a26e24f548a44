"""Every change to a training is in its history, with who made it, and can be reverted
through simple-history's admin revert view (acceptance 3)."""

import pytest
from django.conf import settings

from content.models import Status
from tests.staff.test_publishing import training_form
from tests.trainings.factories import TrainingFactory
from trainings.models import Training

pytestmark = pytest.mark.django_db

TRAININGS = "/" + settings.ADMIN_URL + "trainings/training/"


def test_every_admin_change_to_a_training_is_in_its_history_and_can_be_reverted(
    publisher_client, publisher
):
    training = TrainingFactory(title="First title", cost_low=100, cost_high=200)
    change = f"{TRAININGS}{training.pk}/change/"
    edits = [
        {"title": "Second title", "cost_low": "100", "cost_high": "200"},
        {"title": "Second title", "cost_low": "150", "cost_high": "250"},
        {"title": "Third title", "cost_low": "150", "cost_high": "250", "status": Status.DRAFT},
    ]
    for edit in edits:
        response = publisher_client.post(change, training_form(training, **edit))
        assert response.status_code == 302, response.content.decode()[:2000]

    history = list(training.history.order_by("history_date", "history_id"))
    assert [h.history_type for h in history] == ["+", "~", "~", "~"]
    assert [h.title for h in history] == [
        "First title",
        "Second title",
        "Second title",
        "Third title",
    ]
    assert [str(h.cost_low) for h in history[1:]] == ["100.00", "150.00", "150.00"]
    assert all(h.history_user == publisher for h in history[1:])

    # The admin history page lists each change and who made it.
    page = publisher_client.get(f"{TRAININGS}{training.pk}/history/").content.decode()
    assert page.count("pat") >= 3
    assert "Changed title" in page or "title" in page

    # Revert to the second version: its form is pre-filled with the old values; posting it
    # restores them, as one more history entry.
    second = history[1]
    revert_url = f"{TRAININGS}{training.pk}/history/{second.history_id}/"
    form_page = publisher_client.get(revert_url)
    assert form_page.status_code == 200
    assert 'value="Second title"' in form_page.content.decode()
    response = publisher_client.post(
        revert_url,
        training_form(training, title="Second title", cost_low="100", cost_high="200"),
    )
    assert response.status_code == 302
    training = Training.objects.get(pk=training.pk)
    assert training.title == "Second title"
    assert str(training.cost_low) == "100.00"
    assert training.status == Status.PUBLISHED
    latest = training.history.latest()
    assert latest.title == "Second title" and latest.history_user == publisher
    assert training.history.count() == 5
