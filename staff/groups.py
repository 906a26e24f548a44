"""
The staff groups and their permissions, in one place. A data migration applies them; a
later migration that adds a content model calls `sync_groups` again.

Editor: add, change and view content; cannot publish, unpublish or delete.
Publisher: everything an editor can, plus publish/unpublish and delete.
"""

from django.contrib.auth.management import create_permissions

EDITOR = "Editor"
PUBLISHER = "Publisher"

# app label -> models staff edit. Models with a status also have a publish_<model> permission.
CONTENT_MODELS = {
    "careers": [
        "career", "role", "jobtitle", "duty", "worksetting", "educationrequirement",
        "payrange", "certification", "careerstep",
    ],
    "trainings": ["provider", "training"],
    "employers": ["employer", "location"],
}  # fmt: skip
PUBLISHABLE_MODELS = {
    "careers": ["career", "role"],
    "trainings": ["training"],
    "employers": ["employer"],
}


def group_permissions():
    """(group name, [(app_label, codename), ...]) for each group."""
    editor, publisher = [], []
    for app_label, models in CONTENT_MODELS.items():
        for model in models:
            for action in ("add", "change", "view"):
                editor.append((app_label, f"{action}_{model}"))
            publisher.append((app_label, f"delete_{model}"))
    for app_label, models in PUBLISHABLE_MODELS.items():
        for model in models:
            publisher.append((app_label, f"publish_{model}"))
    return [(EDITOR, editor), (PUBLISHER, editor + publisher)]


def sync_groups(apps, schema_editor=None):
    """Create the groups (if missing) and set exactly their permissions.

    A permission whose model does not declare it yet (careers.publish_career and
    careers.publish_role until the careers app adds them) is left out; the migration that
    adds it runs `sync_groups` again. Returns the (app_label, codename) pairs left out.
    """
    # Permissions are normally created after migrate; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    existing = {
        (app_label, codename): pk
        for pk, app_label, codename in Permission.objects.filter(
            content_type__app_label__in=list(CONTENT_MODELS)
        ).values_list("pk", "content_type__app_label", "codename")
    }
    missing = set()
    for name, wanted in group_permissions():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set([existing[key] for key in wanted if key in existing])
        missing.update(key for key in wanted if key not in existing)
    return sorted(missing)


def remove_groups(apps, schema_editor=None):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITOR, PUBLISHER]).delete()
