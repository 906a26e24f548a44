"""Every consent test starts from the reference data the migration creates (a transactional
test's flush removes it, so it is put back) with revision 1 published."""

import pytest

from consent.models import Category, CookieDeclaration, PolicyRevision
from consent.reference import create_reference_data
from consent.services import revision_publish


@pytest.fixture(autouse=True)
def policy(request):
    if request.node.get_closest_marker("django_db") is None:
        return None
    request.getfixturevalue("db")
    create_reference_data(Category, CookieDeclaration)
    return PolicyRevision.objects.order_by("-number").first() or revision_publish()


@pytest.fixture
def analytics_ga():
    """Declarations tests use: Google Analytics' `_ga` and the `_ga_*` pattern."""
    analytics = Category.objects.get(slug="analytics")
    from tests.consent.factories import CookieDeclarationFactory

    return [
        CookieDeclarationFactory(category=analytics, name="_ga", provider="Google"),
        CookieDeclarationFactory(category=analytics, name="_ga_*", provider="Google"),
    ]
