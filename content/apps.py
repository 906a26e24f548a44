from django.apps import AppConfig


class ContentConfig(AppConfig):
    """What every content type shares; it imports no feature app (see docs/architecture.md)."""

    name = "content"
    verbose_name = "Content"
