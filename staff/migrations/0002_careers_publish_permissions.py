"""Give the Publisher group the careers publish permissions, now that they exist."""

from django.db import migrations

from staff.groups import sync_groups


class Migration(migrations.Migration):
    dependencies = [
        ("staff", "0001_staff_groups"),
        ("careers", "0005_publish_permissions"),
    ]

    operations = [migrations.RunPython(sync_groups, migrations.RunPython.noop)]
