from django.apps import AppConfig


class WagesConfig(AppConfig):
    name = "wages"
    verbose_name = "Pay statistics (BLS)"
