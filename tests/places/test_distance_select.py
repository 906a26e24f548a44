"""A distance that is not one of a drop-down's choices gets the message and shows the default
distance the search would use, not the first option (places.forms.DistanceSelect); a distance
that is one stays chosen."""

import re

import pytest

pytestmark = pytest.mark.django_db

NOT_A_DISTANCE = "Choose a distance of 5, 10, 25 or 50 miles."


@pytest.mark.parametrize(
    ("url", "status", "shown"),
    [
        ("/trainings/?zip=10001&miles=7", 400, "Within 25 miles"),
        ("/employers/?zip=10001&miles=7", 400, "Within 25 miles"),
        ("/trainings/guide/?have=high_school&zip=10001&miles=7", 400, "Not sure"),
        ("/trainings/?zip=10001&miles=miles", 400, "Within 25 miles"),
        ("/trainings/?zip=10001&miles=10", 200, "Within 10 miles"),
        ("/employers/?zip=10001&miles=50", 200, "Within 50 miles"),
        ("/employers/?zip=10001", 200, "Within 25 miles"),
        ("/trainings/guide/?have=high_school&zip=10001&miles=5", 200, "Within 5 miles"),
    ],
)
def test_the_distance_shown_is_the_one_searched_or_the_default(client, url, status, shown):
    response = client.get(url)
    assert response.status_code == status
    html = response.content.decode()
    assert (NOT_A_DISTANCE in html) is (status == 400)
    select = re.search(r'<select name="miles".*?</select>', html, re.S).group(0)
    assert re.findall(r"<option[^>]*\bselected\b[^>]*>([^<]*)", select) == [shown]
