"""The SQLite trigram index of job titles (migration 0017) stays in step with the table,
whatever writes it, and the finder reads it instead of every title."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careers.models import JobTitle
from careers.search import find_titles
from tests.careers.factories import JobTitleFactory, RoleFactory
from tests.plans import query_plan
from tests.sqlite_index import index_triggers, trigger_names

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 index only"),
]


def found(query):
    return list(JobTitle.objects.search(query))


def test_the_triggers_that_keep_the_index_in_step_exist():
    # A later migration that makes SQLite rebuild careers_jobtitle drops them silently.
    assert index_triggers("careers_jobtitle") <= trigger_names("careers_jobtitle")


def test_the_finder_follows_saves_updates_bulk_creates_and_deletes_in_both_languages():
    title = JobTitleFactory(title="Patient Navigator", title_es="Navegador(a) de pacientes")
    assert found("navig") == [title]
    assert found("navegadora") == [title]
    title.title, title.title_es = "Peer Recovery Coach", "Coach de recuperación"
    title.save()
    assert found("navig") == [] and found("navegador") == []
    assert found("recovery coach") == [title] and found("recuperacion") == [title]
    JobTitle.objects.filter(pk=title.pk).update(search_text="housing specialist")
    assert found("housing") == [title]
    bulk = JobTitle.objects.bulk_create(
        [JobTitle(role=title.role, title="Zebra Liaison", search_text="zebra liaison")]
    )
    assert found("zebra") == bulk
    title.delete()
    assert found("housing") == []


def test_short_words_and_suggestions_are_still_found():
    role = RoleFactory()
    rn = JobTitleFactory(role=role, title="RN Care Manager")
    coach = JobTitleFactory(role=role, title="Health Coach")
    assert found("rn") == [rn]  # too short for the index: matched as a whole word
    assert found("corner") == []
    finding = find_titles(JobTitle.objects.all(), "coach wellness")  # no title has both
    assert not finding.exact and list(finding.titles) == [coach]


def test_the_finder_reads_the_index_not_every_title():
    JobTitleFactory(title="Care Navigator")
    with CaptureQueriesContext(connection) as queries:
        finding = find_titles(JobTitle.objects.all(), "navigator")
        list(finding.titles)
    sql = queries.captured_queries[0]["sql"]
    plan = query_plan(sql)
    assert "careers_jobtitle_fts VIRTUAL TABLE INDEX" in plan, plan
    assert "SEARCH careers_jobtitle USING INTEGER PRIMARY KEY" in plan, plan
    assert not re.search(r"SCAN careers_jobtitle\b(?!_fts)", plan), plan


def test_a_word_with_quotes_is_looked_up_as_typed_not_as_index_syntax():
    # content.text.fts_all, shared with the trainings search: FTS5 reads a bare quote,
    # "OR", "NEAR(" or "*" as its own syntax (a syntax error, a 500).
    quoted = JobTitleFactory(title='The "Navigator" Role')
    JobTitleFactory(title="Care Navigator")
    assert found('"navigator"') == [quoted]
    for query in ('navigator" OR "care', "NEAR(navigator*", 'na"vi'):
        assert not find_titles(JobTitle.objects.all(), query).exact
