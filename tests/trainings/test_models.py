"""Trainings and providers: constraints, derived fields and the shared queryset methods."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from content.models import Status
from places.geo import zip_point
from tests.trainings.factories import ProviderFactory, TrainingFactory
from trainings.models import Provider, Training

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "values",
    [
        {"cost_low": Decimal("-1"), "cost_high": None},
        {"cost_low": Decimal("900"), "cost_high": Decimal("100")},
        {"cost_low": None, "cost_high": Decimal("-5")},
        {"is_free": True, "cost_low": Decimal("10"), "cost_high": Decimal("10")},
        {"length_weeks": 0},
        {"length_hours": 0},
    ],
)
def test_database_refuses_impossible_trainings(values):
    with pytest.raises(IntegrityError), transaction.atomic():
        TrainingFactory(**values)


def test_database_refuses_half_a_coordinate():
    with pytest.raises(IntegrityError), transaction.atomic():
        ProviderFactory(zip_code="", latitude=40.0, longitude=None)


def test_provider_region_comes_from_its_county():
    provider = ProviderFactory(county="Erie", region="")
    assert provider.region == "western"


def test_search_text_holds_title_provider_credential_and_description():
    provider = ProviderFactory(name="Hostos Community College")
    training = TrainingFactory(
        provider=provider, title="Care Navigator", credential="A.S.", description="Outreach."
    )
    assert training.search_text == "care navigator hostos community college a.s. outreach."


def test_renaming_a_provider_updates_its_trainings_search_text():
    training = TrainingFactory()
    provider = training.provider
    provider.name = "Renamed Institute"
    provider.save()
    training.refresh_from_db()
    assert "renamed institute" in training.search_text


def test_languages_are_stored_as_known_codes_in_a_fixed_order():
    training = TrainingFactory(languages="es, en,xx,es")
    assert training.languages == "en,es"
    assert training.language_names == ["English", "Spanish"]


@pytest.mark.parametrize(
    ("values", "shown"),
    [
        ({"is_free": True, "cost_low": None, "cost_high": None}, "Free"),
        ({"cost_low": None, "cost_high": None}, "Not stated by the provider"),
        ({"cost_low": Decimal("1200"), "cost_high": Decimal("1200")}, "$1,200"),
        ({"cost_low": Decimal("99.50"), "cost_high": Decimal("2000")}, "$99.50 to $2,000"),
    ],
)
def test_cost_is_shown_in_plain_words(values, shown):
    assert TrainingFactory(**values).cost_display == shown


def test_published_leaves_drafts_out():
    published = TrainingFactory()
    TrainingFactory(status=Status.DRAFT)
    assert list(Training.objects.published()) == [published]


def test_near_keeps_trainings_taught_within_the_radius_and_online_ones():
    here = ProviderFactory(zip_code="10001")
    far = ProviderFactory(zip_code="12207")  # Albany
    in_person = TrainingFactory(provider=here, delivery=Training.Delivery.IN_PERSON)
    hybrid = TrainingFactory(provider=here, delivery=Training.Delivery.HYBRID)
    not_stated = TrainingFactory(provider=here, delivery="")
    online_far = TrainingFactory(provider=far, delivery=Training.Delivery.ONLINE)
    TrainingFactory(provider=far)
    found = set(Training.objects.near(zip_point("10001"), 10))
    assert found == {in_person, hybrid, not_stated, online_far}
    without_online = set(Training.objects.near(zip_point("10001"), 10, online=False))
    assert without_online == {in_person, hybrid, not_stated}


def test_search_finds_words_in_title_provider_credential_and_description():
    hostos = ProviderFactory(name="Hostos Community College")
    by_title = TrainingFactory(title="Patient Navigator Certificate", description="")
    by_provider = TrainingFactory(provider=hostos, title="Evening course", description="")
    by_credential = TrainingFactory(title="Degree", credential="Master of Social Work")
    by_description = TrainingFactory(title="Course", description="Learn motivational interviewing.")
    search = Training.objects.search
    assert list(search("navigator")) == [by_title]
    assert list(search("hostos")) == [by_provider]
    assert list(search("social work")) == [by_credential]
    assert list(search("motivational interviewing")) == [by_description]
    assert list(search("")) == []


def test_search_ranks_title_matches_above_description_matches():
    in_description = TrainingFactory(title="Aaa course", description="For a future navigator.")
    in_title = TrainingFactory(title="Zzz navigator course", description="")
    ranked = list(Training.objects.search("navigator").order_by("-search_rank", "title"))
    assert ranked == [in_title, in_description]


def test_search_survives_odd_input():
    TrainingFactory(title="Care coordination")
    for query in ['"unbalanced', "a & | ! ( )", "-", "care:*", "x" * 2000, "😀", "' OR 1=1 --"]:
        list(Training.objects.search(query))


def test_provider_str_and_training_url():
    training = TrainingFactory(slug="chw-certificate")
    assert training.get_absolute_url() == "/trainings/chw-certificate/"
    assert str(training.provider) == training.provider.name
    assert Provider.objects.count() == 1


def test_postgresql_search_has_its_gin_index():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the full-text index exists on PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'training_search_gin_idx'"
        )
        (definition,) = cursor.fetchone()
    assert "USING gin (search_vector)" in definition
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generation_expression FROM information_schema.columns "
            "WHERE table_name = 'trainings_training' AND column_name = 'search_vector'"
        )
        (expression,) = cursor.fetchone()
    assert "to_tsvector('english'" in expression
