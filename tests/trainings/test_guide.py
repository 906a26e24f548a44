"""The guide: its answers change with the answers given, and its URL reproduces them."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careers.models import Role
from content.models import EducationLevel
from tests.careers.factories import CareerFactory, EducationRequirementFactory, RoleFactory
from tests.trainings.factories import ProviderFactory, TrainingFactory
from tests.trainings.test_entry_level import ticked
from trainings.models import Training

pytestmark = pytest.mark.django_db

URL = "/trainings/guide/"


@pytest.fixture
def roles_and_trainings():
    career = CareerFactory(slug="care-management-care-coordination")
    cc = RoleFactory(career=career, slug="care-coordinator", name="Care coordinator", order=1)
    cm = RoleFactory(career=career, slug="care-manager", name="Care manager", order=2)
    EducationRequirementFactory(role=cc, level=EducationLevel.HIGH_SCHOOL)
    for level in (
        EducationLevel.LICENSE_LPN,
        EducationLevel.LICENSE_RN,
        EducationLevel.LICENSE_SW,
    ):
        EducationRequirementFactory(role=cm, level=level)
    bronx = ProviderFactory(zip_code="10451")
    albany = ProviderFactory(zip_code="12207")
    TrainingFactory(
        title="CHW certificate (free, Bronx)",
        provider=bronx,
        is_free=True,
        cost_low=None,
        cost_high=None,
        roles=[cc],
    )
    TrainingFactory(
        title="Care coordination online",
        delivery=Training.Delivery.ONLINE,
        cost_low=Decimal("300"),
        cost_high=Decimal("300"),
        roles=[cc],
    )
    TrainingFactory(
        title="MSW (Albany)", provider=albany, cost_low=Decimal("20000"), roles=[cm],
        cost_high=Decimal("20000"), schedule=Training.Schedule.DAY,
    )  # fmt: skip
    TrainingFactory(
        title="RN care management online",
        delivery=Training.Delivery.ONLINE,
        cost_low=Decimal("900"),
        cost_high=Decimal("900"),
        schedule=Training.Schedule.SELF_PACED,
        roles=[cm],
    )


def suggested(response):
    result = response.context["result"]
    return [a.role.slug for a in result.roles], sorted(t.title for t in result.trainings)


def test_guide_without_answers_shows_only_the_questions(client, roles_and_trainings):
    response = client.get(URL)
    assert response.status_code == 200
    assert response.context["result"] is None
    html = response.content.decode()
    assert "Not sure what training program is best for you?" in html
    # The answers land on the suggestions, not back at the top of the questions.
    assert '<form method="get" action="/trainings/guide/#suggested-roles"' in html


def test_no_clinical_license_suggests_care_coordinator(client, roles_and_trainings):
    roles, trainings = suggested(client.get(URL, {"have": "high_school"}))
    assert roles == ["care-coordinator"]
    assert trainings == ["CHW certificate (free, Bronx)", "Care coordination online"]


def test_registered_nurse_is_also_suggested_care_manager(client, roles_and_trainings):
    roles, trainings = suggested(client.get(URL, {"have": "license_rn"}))
    assert roles == ["care-coordinator", "care-manager"]
    assert "RN care management online" in trainings and "MSW (Albany)" in trainings


def test_social_worker_who_studies_online_gets_online_trainings(client, roles_and_trainings):
    roles, trainings = suggested(client.get(URL, {"have": "license_sw", "delivery": "online"}))
    assert roles == ["care-coordinator", "care-manager"]
    assert trainings == ["Care coordination online", "RN care management online"]


def test_wanting_a_role_you_do_not_qualify_for_shows_what_it_takes(client, roles_and_trainings):
    response = client.get(URL, {"have": "high_school", "want": "care-manager"})
    roles, trainings = suggested(response)
    assert roles == ["care-manager", "care-coordinator"]
    assert trainings == ["MSW (Albany)", "RN care management online"]
    html = response.content.decode()
    assert "It usually asks for more than you have now" in html
    assert "Registered nurse (RN) license" in html


def test_a_zero_budget_and_a_zip_keep_free_nearby_trainings(client, roles_and_trainings):
    roles, trainings = suggested(
        client.get(URL, {"have": "associate", "budget": "0", "zip": "10001", "miles": "10"})
    )
    assert roles == ["care-coordinator"]
    assert trainings == ["CHW certificate (free, Bronx)"]


def test_a_zip_keeps_online_trainings_and_drops_far_ones(client, roles_and_trainings):
    _, trainings = suggested(client.get(URL, {"have": "license_lpn", "zip": "10001"}))
    assert "MSW (Albany)" not in trainings
    assert "RN care management online" in trainings


def test_no_diploma_yet_gets_a_path_not_a_dead_end(client, roles_and_trainings):
    response = client.get(URL, {"have": "none"})
    roles, trainings = suggested(response)
    # The entry role (it asks for a high school diploma) and its trainings: the next step.
    assert roles == ["care-coordinator"]
    assert response.context["result"].roles[0].after_hse
    assert trainings == ["CHW certificate (free, Bronx)", "Care coordination online"]
    html = response.content.decode()
    assert "high school equivalency diploma" in html
    assert 'href="https://www.acces.nysed.gov/aepp/college-credit"' in html
    assert "open to you once you have a high school or HSE diploma" in html


def test_the_result_url_reproduces_the_same_result(client, roles_and_trainings):
    query = "have=license_rn&want=&delivery=online&schedule=self_paced&budget=2000&zip=&miles="
    first = client.get(f"{URL}?{query}")
    second = client.get(f"{URL}?{query}")
    assert suggested(first) == suggested(second)
    assert suggested(first)[1] == ["RN care management online"]  # the only self-paced one
    html = first.content.decode()
    assert ticked(html, "have") == ["license_rn"]
    assert '<option value="online" selected>' in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"have": "astronaut"}, "Choose one of the answers in the list."),
        ({"want": "ceo"}, "Select a valid choice"),
        ({"have": "bachelor", "zip": "00000"}, "We don&#x27;t know the ZIP code"),
        ({"have": "bachelor", "budget": "-1"}, "Select a valid choice"),
        ({"delivery": "online"}, "Tick the education or licenses you have now."),
        ({"have": "", "delivery": "online"}, "Tick the education or licenses you have now."),
    ],
)
def test_guide_bad_answers_get_a_clear_message(client, roles_and_trainings, query, message):
    response = client.get(URL, query)
    assert response.status_code == 400
    assert message in response.content.decode()


def test_guide_falls_back_when_roles_have_no_education_rows(client):
    career = CareerFactory()
    # Named, so their order does not hang on factory sequence numbers ("Role 9" > "Role 10").
    RoleFactory(career=career, slug="care-coordinator", name="Care coordinator")
    RoleFactory(career=career, slug="care-manager", name="Care manager")
    roles, _ = suggested(client.get(URL, {"have": "high_school"}))
    assert roles == ["care-coordinator"]
    roles, _ = suggested(client.get(URL, {"have": "license_lpn"}))
    assert roles == ["care-coordinator", "care-manager"]


def test_guide_query_count_is_fixed(client, roles_and_trainings, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):
        client.get(URL, {"have": "license_rn", "zip": "10001"})


def test_nothing_within_reach_shows_the_nearest_in_a_fixed_number_of_queries(
    client, roles_and_trainings, django_assert_num_queries
):
    # The guide's own trainings (in-person ones sort first) answer whether any is within
    # reach: no query of its own for that, only the nearest providers, their nearest
    # trainings and those trainings' roles. The nearest providers' trainings within reach
    # are too few to be the guide's first ones, so every match is sorted: one query more.
    query = {"have": "license_sw", "want": "care-manager", "zip": "10001", "miles": "10"}
    with django_assert_num_queries(8):
        response = client.get(URL, query)
    result = response.context["result"]
    assert [t.title for t in result.trainings] == ["RN care management online"]
    assert [t.title for t in result.nearest] == ["MSW (Albany)"]
    assert "Nothing within 10 miles; the nearest are:" in response.content.decode()


def test_near_a_zip_the_guide_reads_its_trainings_from_the_nearest_providers(
    client, roles_and_trainings
):
    """When the trainings of the providers nearest the ZIP code settle the guide's first
    trainings (TrainingFilter.first_ids), they come from those providers' trainings, as the
    trainings search's first page does, not from sorting every match; and they are the
    same trainings, in the same order, as the search the guide links to."""
    cc = Role.objects.get(slug="care-coordinator")
    for n in range(12):
        provider = ProviderFactory(zip_code="10451", name=f"Bronx provider {n}")
        TrainingFactory(title=f"Care coordination {n:02d}", provider=provider, roles=[cc])
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, {"have": "high_school", "zip": "10451"})
    # Read before the next request, which empties the connection's query log.
    limited = [q["sql"] for q in queries.captured_queries if "LIMIT 10" in q["sql"]]
    assert limited and all('"provider_id" IN (' in sql for sql in limited), limited
    result = response.context["result"]
    assert len(result.trainings) == 10
    search = client.get("/trainings/?" + result.search_query)
    assert [t.pk for t in result.trainings] == [t.pk for t in search.context["trainings"]][:10]


def test_the_guide_says_when_it_leaves_out_trainings_that_do_not_say_how_they_are_taught(
    client, roles_and_trainings
):
    """A review found a Buffalo training 3 miles away left out of an in-person search
    without a word: its provider does not say how it is taught."""
    note = "Trainings whose provider does not say how they are taught are left out."
    html = client.get(URL, {"have": "high_school", "delivery": "in_person"}).content.decode()
    assert note in html
    html = client.get(URL, {"have": "high_school"}).content.decode()
    assert note not in html
    search = client.get("/trainings/", {"delivery": "in_person"}).content.decode()
    assert "Trainings whose provider does not say are left out." in search
