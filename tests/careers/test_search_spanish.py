"""The job-title finder in Spanish (issue 17): every Spanish title, typed with or without
accents, in any case, finds its role, on SQLite and on PostgreSQL (run this file with
DATABASE_URL=postgres://... too)."""

import json
import unicodedata

import pytest

from careers.content import TRANSLATIONS, load
from careers.models import JobTitle
from careers.search import spanish_search_text, spanish_word
from tests.db import loaded_once

pytestmark = pytest.mark.django_db

CC, CM = "care-coordinator", "care-manager"
SPANISH = json.loads(TRANSLATIONS["es"][0].read_text(encoding="utf-8"))["job_titles"]


def without_accents(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


content = loaded_once(load)


def found(query):
    """{(role slug, English title)} of what the finder gives for `query`."""
    return {
        (t.role.slug, t.title_en) for t in JobTitle.objects.search(query).select_related("role")
    }


@pytest.mark.parametrize("row", SPANISH, ids=[row["title"] for row in SPANISH])
def test_every_spanish_title_finds_its_role_with_and_without_accents(content, row):
    wanted = (row["role"], row["en"])
    for query in {row["title"], without_accents(row["title"]), row["title"].upper(),
                  without_accents(row["title"]).lower()}:  # fmt: skip
        assert wanted in found(query), query


@pytest.mark.parametrize(
    ("query", "role"),
    [
        ("coordinador de atención", CC),
        ("coordinadora de atencion", CC),
        ("COORDINADORES DE ATENCIÓN", CC),
        ("trabajadora de salud comunitaria", CC),
        ("trabajador de salud comunitaria", CC),
        ("navegadora de pacientes", CC),
        ("administrador de casos", CM),
        ("administradora de casos", CM),
        ("enfermera administradora de atencion", CM),
        ("enfermero/a administrador/a de atención", CM),
        ("enfermera registrada", CM),
        ("trabajadora social", CM),
    ],
)
def test_spanish_as_people_type_it(content, query, role):
    roles = {slug for slug, _title in found(query)}
    assert roles == {role} or role in roles, (query, roles)
    assert role in roles


def test_a_spanish_typo_is_a_suggestion(content):
    from careers.search import find_titles

    finding = find_titles(JobTitle.objects.all(), "administardor de casos")
    assert not finding.exact
    assert CM in {t.role.slug for t in finding.titles.select_related("role")}


def test_english_search_still_finds_only_english_matches(content):
    assert {r for r, _t in found("case manager")} == {CM}
    assert found("xyzzy") == set()


def test_search_columns():
    assert spanish_search_text("Enfermero(a) registrado(a) (RN)") == "enfermero registrado rn"
    assert spanish_search_text("Líder de equipo") == "lider de equipo"
    assert spanish_search_text(None) == ""
    assert spanish_word("coordinadoras") == "coordinador"
    assert spanish_word("enfermera") == "enfermer"
    assert spanish_word("casos") == "caso"


def test_a_spanish_title_staff_change_is_found_at_once(content):
    title = JobTitle.objects.get(title_en="Peer Navigator")
    title.title_es = "Promotor(a) de salud entre pares"
    title.save()
    assert (title.role.slug, "Peer Navigator") in found("promotora de salud")


def test_the_finder_page_in_spanish_shows_the_spanish_title(client, content):
    html = client.get("/es/careers/", {"q": "administradora de casos"}).content.decode()
    assert "Administrador(a) de casos</strong>" in html
