"""The career page shows its featured trainings (the trainings app is installed here)."""

import pytest

from content.models import Status
from tests.careers.factories import CareerFactory, RoleFactory
from tests.trainings.factories import TrainingFactory

pytestmark = pytest.mark.django_db


def test_career_page_lists_only_its_featured_published_trainings(
    client, django_assert_max_num_queries
):
    career = CareerFactory(slug="care-management-care-coordination")
    RoleFactory(career=career)
    other = CareerFactory()
    featured = TrainingFactory(title="Featured care coordination course", featured=True)
    featured.careers.set([career])
    plain = TrainingFactory(title="Unfeatured course", featured=False)
    plain.careers.set([career])
    draft = TrainingFactory(title="Featured draft course", featured=True, status=Status.DRAFT)
    draft.careers.set([career])
    elsewhere = TrainingFactory(title="Featured course of another career", featured=True)
    elsewhere.careers.set([other])

    with django_assert_max_num_queries(10):
        html = client.get(career.get_absolute_url()).content.decode()
    assert "Featured care coordination course" in html
    assert f'href="{featured.get_absolute_url()}"' in html
    for hidden in ("Unfeatured course", "Featured draft course", "another career"):
        assert hidden not in html
