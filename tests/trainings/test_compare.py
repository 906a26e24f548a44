"""Compare up to three trainings side by side, reachable from the results."""

import pytest

from content.models import Status
from tests.trainings.factories import TrainingFactory

pytestmark = pytest.mark.django_db

URL = "/trainings/compare/"


def test_compare_three_trainings_by_id_or_slug(client):
    a = TrainingFactory(title="Alpha", slug="alpha")
    b = TrainingFactory(title="Bravo")
    c = TrainingFactory(title="Charlie", slug="charlie")
    response = client.get(f"{URL}?ids={a.pk}&ids={b.pk}&ids=charlie")
    assert response.status_code == 200
    assert [t.title for t in response.context["trainings"]] == ["Alpha", "Bravo", "Charlie"]
    html = response.content.decode()
    assert "3 trainings side by side" in html
    assert 'class="table-scroll" tabindex="0" role="region"' in html
    assert c.get_absolute_url() in html


def test_more_than_three_gets_a_clear_message(client):
    ids = [TrainingFactory().pk for _ in range(4)]
    response = client.get(URL, {"ids": ids})
    assert response.status_code == 400
    assert "You can compare up to 3 trainings at a time; you chose 4" in response.content.decode()


def test_the_same_training_twice_counts_once(client):
    a = TrainingFactory()
    response = client.get(URL, {"ids": [a.pk, a.pk, a.slug]})
    assert response.status_code == 200
    assert len(response.context["trainings"]) == 1


def test_unknown_or_draft_trainings_are_named_in_a_message(client):
    a = TrainingFactory(title="Alpha")
    draft = TrainingFactory(status=Status.DRAFT, slug="secret-draft")
    response = client.get(URL, {"ids": [a.pk, "999999", draft.slug]})
    assert response.status_code == 200
    html = response.content.decode()
    assert "We could not find 2 of the trainings you chose (999999, secret-draft)" in html
    assert [t.title for t in response.context["trainings"]] == ["Alpha"]


def test_malformed_ids_get_a_clear_message(client):
    response = client.get(URL, {"ids": ["<script>", "a b"]})
    assert response.status_code == 400
    html = response.content.decode()
    assert "not training numbers or names we recognize" in html
    assert "<script>" not in html.split("<main", 1)[1]


def test_nothing_chosen_explains_how_to_compare(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert "tick “Compare” beside each one" in response.content.decode()


def test_results_link_to_compare_with_a_get_form_of_checkboxes(client):
    training = TrainingFactory()
    html = client.get("/trainings/").content.decode()
    assert '<form method="get" action="/trainings/compare/"' in html
    assert f'<input type="checkbox" name="ids" value="{training.pk}"' in html


def test_compare_page_query_count_is_fixed(client, django_assert_max_num_queries):
    ids = [TrainingFactory().pk for _ in range(3)]
    with django_assert_max_num_queries(2):
        client.get(URL, {"ids": ids})


def test_each_column_links_the_page_its_facts_come_from(client):
    sourced = TrainingFactory(title="Sourced", source_url="https://college.example.edu/chw")
    bare = TrainingFactory(title="Bare", source_url="")
    html = client.get(URL, {"ids": [sourced.pk, bare.pk]}).content.decode()
    row = html.split('<th scope="row">Source</th>', 1)[1].split("</tr>", 1)[0]
    assert (
        '<td data-label="Sourced"><a href="https://college.example.edu/chw" '
        'rel="noopener noreferrer external">college.example.edu/chw</a></td>'
    ) in row
    assert '<td data-label="Bare">Not recorded</td>' in row
