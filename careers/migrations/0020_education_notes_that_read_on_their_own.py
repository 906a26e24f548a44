"""
Correct the starting content already loaded into existing databases (load_content keeps
loaded rows as they are unless --force), as 0013 did: the notes beside the typical
education of each role read as the tail of the previous line ("licensed practical nurses
(LPNs) are another"), and the page showed "Licensed practical nurse (LPN) license
(licensed practical nurses (LPNs) are another), typical (but not always)." Each note now
reads on its own. The source (the Health Workforce Collaborative page: care managers often,
but not always, have clinical backgrounds such as registered nurses, LPNs or social
workers; care coordinators, a GED or a bachelor's degree) is unchanged.

Only notes still holding the words the starting content gave them are changed.
"""

from django.db import migrations

CLINICAL_EN = "a clinical background care managers often have"
CLINICAL_ES = "una formación clínica que los administradores de atención suelen tener"
NOTES = {
    "note_en": {
        "some jobs ask only for a GED": "a GED is enough for some jobs",
        "registered nurses are one of the clinical backgrounds care managers often have": (
            CLINICAL_EN
        ),
        "licensed practical nurses (LPNs) are another": CLINICAL_EN,
        "social workers are another": CLINICAL_EN,
    },
    "note_es": {
        "algunos puestos solo piden un GED": "para algunos puestos basta un GED",
        "ser enfermero(a) registrado(a) es una de las formaciones clínicas que los "
        "administradores de atención suelen tener": CLINICAL_ES,
        "ser enfermero(a) práctico(a) con licencia (LPN) es otra": CLINICAL_ES,
        "ser trabajador(a) social es otra": CLINICAL_ES,
    },
}


def forwards(apps, schema_editor):
    EducationRequirement = apps.get_model("careers", "EducationRequirement")
    # `note` itself holds the English too (modeltranslation keeps it beside note_en).
    for column, changes in (("note", NOTES["note_en"]), *NOTES.items()):
        for old, new in changes.items():
            EducationRequirement.objects.filter(**{column: old}).update(**{column: new})


class Migration(migrations.Migration):
    dependencies = [("careers", "0019_plural_names_for_translation")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
