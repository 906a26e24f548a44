"""The job-title finder: one queryset method on both databases, and the page around it."""

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careers.content import load
from careers.models import JobTitle, Role
from content.models import Status
from content.text import normalise
from tests.careers.factories import JobTitleFactory, RoleFactory
from tests.db import loaded_once

pytestmark = pytest.mark.django_db

CC, CM = "care-coordinator", "care-manager"


content = loaded_once(load)


def roles_for(query):
    return {title.role.slug for title in JobTitle.objects.search(query).select_related("role")}


@pytest.mark.parametrize(
    ("query", "role"),
    [
        ("Care Coordinator", CC),
        ("care navigator", CC),
        ("CARE navigator", CC),  # case
        ("Patient Navigator", CC),
        ("peer navigator", CC),
        ("community health worker", CC),
        ("outreach worker", CC),
        ("coördinator patient care", CC),  # accent, any word order
        ("navig", CC),  # partial word
        ("Health Home Care Manager", CM),
        ("RN care manager", CM),
        ("Care Managér", CM),  # accent
        ("nurse case manager", CM),
        ("behavioral health care manager", CM),
        ("social work case manager", CM),
        ("care navigater", CC),  # misspelt
        ("helth home care manager", CM),  # misspelt
    ],
)
def test_real_titles_find_their_role(content, query, role):
    assert role in roles_for(query)


def test_a_title_that_names_one_role_finds_only_that_role(content):
    assert roles_for("Health Home Care Manager") == {CM}
    assert roles_for("care navigator") == {CC}


@pytest.mark.parametrize("query", ["", "   ", "x" * 1000, "\t\n"])
def test_empty_and_overlong_queries_return_no_titles_or_a_bounded_search(content, query):
    assert JobTitle.objects.search(query).count() <= JobTitle.objects.count()


def test_search_results_can_be_narrowed_and_counted(content):
    published = JobTitle.objects.filter(role__in=Role.objects.published())
    assert published.search("manager").count() >= 8


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=300))
def test_any_text_searches_without_error(content, query):
    list(JobTitle.objects.search(query)[:5])


def test_finder_page_answers_with_the_role_and_a_link(client, content):
    html = client.get("/careers/", {"q": "CARE navigator"}).content.decode()
    assert "Care Navigator</strong> is usually a" in html
    assert 'href="/careers/care-management-care-coordination/care-coordinator/"' in html


def test_finder_page_shows_every_role_a_title_names(client):
    first = RoleFactory(name="Role one")
    second = RoleFactory(name="Role two", career=first.career)
    JobTitleFactory(role=first, title="Shared Title")
    JobTitleFactory(role=second, title="Shared Title")
    html = client.get("/careers/", {"q": "shared"}).content.decode()
    assert html.count("Shared Title</strong>") == 1
    assert first.get_absolute_url() in html and second.get_absolute_url() in html


def test_finder_leaves_out_titles_of_draft_roles(client):
    JobTitleFactory(role=RoleFactory(status=Status.DRAFT), title="Hidden Navigator")
    html = client.get("/careers/", {"q": "hidden navigator"}).content.decode()
    assert "Hidden Navigator</strong>" not in html
    assert "We did not find" in html


def test_empty_query_answers_200_with_a_helpful_message(client, content):
    response = client.get("/careers/", {"q": ""})
    assert response.status_code == 200
    assert "Please type a job title" in response.content.decode()


def test_thousand_character_query_answers_200_with_a_helpful_message(client, content):
    response = client.get("/careers/", {"q": "care " * 200})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Please type a job title of 100 characters or fewer" in html
    assert 'aria-invalid="true"' in html


def test_unknown_title_answers_200_with_what_to_try(client, content):
    response = client.get("/careers/", {"q": "astronaut"})
    assert response.status_code == 200
    assert (
        "We did not find a job title like <strong>astronaut</strong>" in response.content.decode()
    )


def test_normalise_keeps_words_apart_and_drops_invisible_characters():
    assert normalise("Care\tManagér\x00\u200b ") == "care manager"


def test_nul_byte_query_answers_200_with_a_message(client, content):
    response = client.get("/careers/", {"q": "care\x00"})
    assert response.status_code == 200
    assert "plain letters" in response.content.decode()


def test_query_is_escaped_on_the_page(client, content):
    html = client.get("/careers/", {"q": "<script>x</script>"}).content.decode()
    assert "<script>x</script>" not in html


HWC_TITLES = {
    "Care Coordinator": CC, "Community Care Coordinator": CC, "Patient Care Coordinator": CC,
    "Clinical Care Coordinator": CC, "Care Manager": CM, "Nurse Care Manager": CM,
    "Complex Care Manager": CM, "Health Home Care Manager": CM, "Case Manager": CM,
    "RN Case Manager": CM,
}  # fmt: skip
ABBREVIATED = {"coordinator": "coord", "manager": "mgr"}


def one_letter_typos(title):
    """Each word of four letters or more with one letter dropped, and one letter changed."""
    words = title.split()
    for i, word in enumerate(words):
        if len(word) < 4:
            continue
        middle = len(word) // 2
        for typo in (word[:middle] + word[middle + 1 :], word[:middle] + "x" + word[middle + 1 :]):
            yield " ".join([*words[:i], typo, *words[i + 1 :]])


def test_every_hwc_title_is_found_as_typed_in_any_case_with_a_typo_or_abbreviated(content):
    for title, role in HWC_TITLES.items():
        variants = [title, title.lower(), title.upper(), title.swapcase()]
        variants += list(one_letter_typos(title))
        variants.append(" ".join(ABBREVIATED.get(w.lower(), w) for w in title.split()))
        variants.append(f"{title}s")  # plural
        variants.append(" ".join(reversed(title.split())))  # word order
        for variant in variants:
            assert roles_for(variant) == {role}, (title, variant, roles_for(variant))


@pytest.mark.parametrize(
    ("query", "role"),
    [
        ("CHW", CC), ("chws", CC), ("RN", CM), ("LPN", CM), ("LMSW", CM), ("lcsw", CM),
        ("case mgr", CM), ("coord", CC), ("care managers", CM), ("manager care", CM),
        ("care coordinators", CC), ("Case Manger", CM), ("care cordinator", CC),
        ("behavioural health care manager", CM), ("HH care manager", CM),
    ],
)  # fmt: skip
def test_abbreviations_synonyms_plurals_and_typos_find_the_right_role(content, query, role):
    assert roles_for(query) == {role}


def test_exact_matches_are_not_suggestions_and_corrections_are(content):
    from careers.search import find_titles

    assert find_titles(JobTitle.objects.all(), "case manager").exact
    finding = find_titles(JobTitle.objects.all(), "case manger")
    assert not finding.exact and finding.titles.exists()


def test_a_query_sharing_some_words_gets_suggestions_and_nonsense_gets_none(content):
    assert roles_for("nurse coordinator")  # no such title: the closest ones
    assert roles_for("zzzz qqqq") == set()
    assert roles_for("care banana") == set()  # "care" alone says too little


def test_finder_says_did_you_mean_for_a_near_miss(client, content):
    html = client.get("/careers/", {"q": "case manger"}).content.decode()
    assert "Did you mean" in html
    assert "Case Manager</strong> is usually a" in html


def test_finder_is_honest_when_nothing_is_close(client, content):
    html = client.get("/careers/", {"q": "astronaut"}).content.decode()
    assert "none comes close" in html
    assert "below" not in html.split('id="finder-heading"')[1]
    assert 'href="#careers-list"' in html and 'id="careers-list"' in html


def test_finder_points_to_no_career_list_when_there_is_none(client):
    html = client.get("/careers/", {"q": "astronaut"}).content.decode()
    assert "none comes close" in html
    assert 'href="#careers-list"' not in html


def test_suggestions_are_the_titles_sharing_the_most_words_in_title_order():
    role = RoleFactory()
    JobTitleFactory(role=role, title="Housing Specialist", title_es="Especialista en vivienda")
    for title in ("Housing Navigator", "Peer Specialist", "Wellness Coach"):
        JobTitleFactory(role=role, title=title)
    from careers.search import find_titles

    def suggested(query):
        finding = find_titles(JobTitle.objects.all(), query)
        assert not finding.exact
        return [title.title for title in finding.titles]

    # No title holds all three words; one holds two of them.
    assert suggested("housing specialist coach") == ["Housing Specialist"]
    # No title holds two: every title with a word that says something, by title.
    assert suggested("housing zebra") == ["Housing Navigator", "Housing Specialist"]
    assert suggested("coach specialist") == [
        "Housing Specialist",
        "Peer Specialist",
        "Wellness Coach",
    ]
    # Both words, one in the English title and one in the Spanish: it shares the most.
    assert suggested("housing especialista") == ["Housing Specialist"]


def test_a_page_of_suggestions_is_read_in_one_pass_over_the_titles_sharing_words():
    """With `first` (the finder page), the titles that share the most of three or more words
    come from one query, not one for the best count and another for the titles with it:
    each read every title holding a common word. The page is the same as the queryset's."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from careers.search import find_titles

    role = RoleFactory()
    for title in (
        "Specialist Coach",
        "Housing Specialist",
        "Housing Navigator",
        "Wellness Coach",
        "Peer Specialist",
    ):
        JobTitleFactory(role=role, title=title)

    def page(query, first):
        with CaptureQueriesContext(connection) as queries:
            finding = find_titles(JobTitle.objects.all(), query, first=first)
        counted = [q["sql"] for q in queries.captured_queries if '"hits"' in q["sql"]]
        assert len(counted) == 1
        assert not finding.exact
        shown = [title.title for title in finding.rows]
        assert shown == [title.title for title in finding.titles][:first]
        return shown

    # Two titles hold two of the three words: they, by title; none of the others.
    assert page("housing specialist coach", 40) == ["Housing Specialist", "Specialist Coach"]
    assert page("housing specialist coach", 1) == ["Housing Specialist"]
    # No title holds two: every title with a word that says something, by title.
    assert page("housing zebra wellness", 40) == [
        "Housing Navigator",
        "Housing Specialist",
        "Wellness Coach",
    ]
    assert page("housing zebra wellness", 2) == ["Housing Navigator", "Housing Specialist"]


def test_each_finder_result_names_where_the_title_was_seen_and_when(client):
    checked = JobTitleFactory(
        title="Community Care Navigator",
        source_name="A county's job posting",
        source_url="https://example.org/posting/",
        checked_on=datetime.date(2026, 11, 3),
    )
    JobTitleFactory(role=checked.role, title="Care Navigator Trainee", source_name="A job board")
    html = client.get("/careers/", {"q": "navigator"}).content.decode()
    assert (
        'Source: <a href="https://example.org/posting/">A county&#x27;s job posting</a>, '
        "checked November 2026."
    ) in html
    # No date for a title nobody checked: it says so instead.
    assert 'Source: A job board <strong class="unverified">(not yet verified)</strong>.' in html
