"""Create the Editor and Publisher groups with their permissions (see staff/groups.py)."""

from django.db import migrations

from staff.groups import remove_groups, sync_groups


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("careers", "0002_history"),
        ("trainings", "0003_publish_permission"),
        ("employers", "0002_publish_permission"),
    ]

    operations = [migrations.RunPython(sync_groups, remove_groups)]
