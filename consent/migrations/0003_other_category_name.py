"""
The fifth category was called "Others", which read oddly wherever the site composes its
name ("Allow others cookies?"). It is now "Other": "Other cookies", "Allow other cookies?".

Only the name people read changes: the slug, what the category covers and the cookies in it
stay, so no new policy revision is published and nobody is asked again. Revision 1 keeps
the name it was published with.
"""

from django.db import migrations


def rename(apps, schema_editor):
    Category = apps.get_model("consent", "Category")
    Category.objects.filter(slug="others", name="Others").update(name="Other")


def rename_back(apps, schema_editor):
    Category = apps.get_model("consent", "Category")
    Category.objects.filter(slug="others", name="Other").update(name="Others")


class Migration(migrations.Migration):
    dependencies = [("consent", "0002_reference_data")]

    operations = [migrations.RunPython(rename, rename_back)]
