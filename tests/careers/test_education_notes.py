"""The notes beside each role's typical education read on their own (careers 0020), in a
database loaded before the change as in a new one."""

import importlib

import pytest
from django.apps import apps as django_apps

from careers.models import EducationRequirement
from tests.careers.helpers import load_starting_content

pytestmark = pytest.mark.django_db

migration = importlib.import_module(
    "careers.migrations.0020_education_notes_that_read_on_their_own"
)


def test_a_new_database_gets_notes_that_read_on_their_own(client):
    load_starting_content()
    html = client.get("/careers/care-management-care-coordination/care-manager/").content.decode()
    assert "(a clinical background care managers often have), typical (but not always)" in html
    assert "are another" not in html
    spanish = client.get("/es/careers/care-management-care-coordination/care-manager/")
    assert "una formación clínica que los administradores de atención suelen tener" in (
        spanish.content.decode()
    )


def test_the_migration_mends_the_old_notes_and_keeps_what_staff_wrote():
    load_starting_content()
    rows = EducationRequirement.objects.filter(role__slug="care-manager").order_by("order")
    old, edited = rows[1], rows[2]
    EducationRequirement.objects.filter(pk=old.pk).update(
        note="licensed practical nurses (LPNs) are another",
        note_en="licensed practical nurses (LPNs) are another",
        note_es="ser enfermero(a) práctico(a) con licencia (LPN) es otra",
    )
    EducationRequirement.objects.filter(pk=edited.pk).update(note_en="written by staff")
    migration.forwards(django_apps, None)
    old.refresh_from_db()
    edited.refresh_from_db()
    assert old.note_en == "a clinical background care managers often have"
    assert old.note_es == "una formación clínica que los administradores de atención suelen tener"
    assert edited.note_en == "written by staff"
