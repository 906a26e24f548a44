from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "consent"
    verbose_name = "Cookie consent"

    def ready(self):
        from consent import checks  # noqa: F401  (registers the system checks)
        from consent.models import Category, CookieDeclaration, PolicyRevision
        from content.registry import register

        # The cookies page kept for visitors who have not chosen (consent.views) is drawn
        # from these: a change to one starts a new content version, as a career's does.
        register(self, cached_models=(Category, CookieDeclaration, PolicyRevision))
