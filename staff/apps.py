from django.apps import AppConfig


class StaffConfig(AppConfig):
    """Staff workflow across the content apps: groups, publishing, review, demo data.

    It sits above careers, trainings and employers (it imports them; they import only its
    small admin helpers), so cross-app admin work has one home instead of three copies.
    """

    name = "staff"
    verbose_name = "Staff workflow"
