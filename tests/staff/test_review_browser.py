"""Acceptance, in a browser: an Editor's change to live content waits for a Publisher, and
two people saving the same training lose nothing."""

import pytest
from django.test import Client
from django.urls import reverse
from playwright.sync_api import expect

from careers.models import Role
from content.models import Status
from tests.careers.factories import JobTitleFactory, RoleFactory
from tests.staff.test_browser import signed_in_page
from tests.trainings.factories import TrainingFactory
from trainings.models import Training

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def change(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def save(page):
    page.locator('input[name="_save"]').click()
    page.wait_for_load_state()


def public_text(new_page, url):
    page = new_page()
    response = page.goto(url)
    assert response.status == 200
    text = page.content()
    page.context.close()
    return text


def test_an_editors_changes_wait_until_a_publisher_publishes_or_sends_them_back(
    new_page, editor, publisher, live_server
):
    role = RoleFactory(name="Care coordinator")
    JobTitleFactory(role=role, title="Care navigator")
    training = TrainingFactory(description="The old description.")

    eddie = signed_in_page(new_page, Client(), editor, live_server)
    eddie.goto(change(role))
    eddie.fill('input[name="job_titles-0-title_en"]', "Care coordination navigator")
    save(eddie)
    assert "Your change waits for review" in eddie.content()
    eddie.goto(change(training))
    eddie.fill('textarea[name="description_en"]', "The new description.")
    save(eddie)
    assert "Your change waits for review" in eddie.content()

    role_page = public_text(new_page, role.get_absolute_url())
    assert "Care navigator" in role_page and "Care coordination navigator" not in role_page
    assert "The old description." in public_text(new_page, training.get_absolute_url())

    pat = signed_in_page(new_page, Client(), publisher, live_server)
    pat.goto(reverse("admin:index"))
    pat.get_by_role("link", name="Changes waiting for review: 2").click()
    pat.get_by_role("link", name="Care coordinator").click()
    # expect() waits for the review page; the list page has a #content-main too.
    diff = pat.locator("#content-main")
    expect(diff).to_contain_text("Care navigator")
    expect(diff).to_contain_text("Care coordination navigator")
    pat.fill('input[name="reason"]', "Title as the HWC lists it")
    pat.get_by_role("button", name="Publish now").click()
    pat.wait_for_load_state()
    assert "is published" in pat.content()

    role_page = public_text(new_page, role.get_absolute_url())
    assert "Care coordination navigator" in role_page
    pat.goto(reverse("admin:careers_role_history", args=[role.pk]))
    history = pat.locator("#change-history").inner_text()
    assert "Title as the HWC lists it" in history
    assert "eddie" in history and "pat" in history

    # The training's change is sent back: the live page keeps its text, the editor reads why.
    pat.goto(reverse("admin:content_revision_changelist") + "?status__exact=pending")
    pat.get_by_role("link", name=training.title).click()
    expect(pat.locator("#content-main")).to_contain_text("The new description.")
    pat.fill('textarea[name="comment"]', "Say who the course is for.")
    pat.get_by_role("button", name="Send back").click()
    pat.wait_for_load_state()
    assert "The old description." in public_text(new_page, training.get_absolute_url())
    eddie.goto(change(training))
    assert "Say who the course is for." in eddie.content()
    assert Training.objects.get(pk=training.pk).description == "The old description."
    assert Role.objects.get(pk=role.pk).job_titles.get().title == "Care coordination navigator"


def test_two_people_saving_the_same_training_lose_nothing(new_page, editor, publisher, live_server):
    training = TrainingFactory(status=Status.DRAFT, title="First title", description="Plain.")
    pat = signed_in_page(new_page, Client(), publisher, live_server)
    pat.goto(change(training))
    eddie = signed_in_page(new_page, Client(), editor, live_server)
    eddie.goto(change(training))
    assert "pat is also editing this" in eddie.get_by_role("status").first.inner_text()

    pat.fill('input[name="title"]', "Second title")
    save(pat)
    eddie.fill('textarea[name="description_en"]', "Careful new words.")
    save(eddie)
    error = eddie.locator(".errorlist.nonfield").inner_text()
    assert "saved this training after you opened it" in error
    assert "Title: Second title" in error
    assert eddie.input_value('textarea[name="description_en"]') == "Careful new words."
    assert eddie.input_value('input[name="title"]') == "Second title"
    assert Training.objects.get(pk=training.pk).description == "Plain."

    save(eddie)
    training.refresh_from_db()
    assert (training.title, training.description) == ("Second title", "Careful new words.")
