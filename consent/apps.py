from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "consent"
    verbose_name = "Cookie consent"

    def ready(self):
        from consent import checks  # noqa: F401  (registers the system checks)
