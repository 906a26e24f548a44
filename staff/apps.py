from django.apps import AppConfig


class StaffConfig(AppConfig):
    """Staff accounts and screens: the Editor and Publisher groups, `create_staff_user`
    and the "Needs review" page. What the content apps share in the admin lives in the
    `content` app (content/admin.py), below every feature app."""

    name = "staff"
    verbose_name = "Staff workflow"
