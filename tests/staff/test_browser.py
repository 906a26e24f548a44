"""The draft preview bar keeps the page free of axe-core violations (acceptance 7)."""

import pytest
from django.conf import settings

from content.models import Status
from tests.employers.factories import EmployerFactory, LocationFactory
from tests.trainings.factories import TrainingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def signed_in_page(new_page, client, user, live_server):
    client.force_login(user)
    page = new_page()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return page


@pytest.mark.parametrize("kind", ["training", "employer"])
def test_draft_preview_page_has_no_axe_violations_for_staff(
    new_page, client, editor, live_server, axe_check, kind
):
    if kind == "training":
        obj = TrainingFactory(status=Status.DRAFT, title="Draft preview training")
    else:
        obj = EmployerFactory(status=Status.DRAFT, name="Draft preview employer")
        LocationFactory(employer=obj)
    page = signed_in_page(new_page, client, editor, live_server)
    response = page.goto(obj.get_absolute_url())
    assert response.status == 200
    bar = page.get_by_role("status").filter(has_text="Draft preview")
    assert bar.is_visible()
    axe_check(page)
    assert page.csp_errors == []
    # At 320 px wide the bar wraps instead of making the page scroll sideways.
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
