from django.db import migrations


def add_spanish(apps, schema_editor):
    from consent.reference import add_spanish

    add_spanish(apps.get_model("consent", "Category"), apps.get_model("consent", "CookieDeclaration"))


class Migration(migrations.Migration):
    dependencies = [("consent", "0004_translated_fields")]

    operations = [migrations.RunPython(add_spanish, migrations.RunPython.noop)]
