from django.apps import AppConfig


class CareersConfig(AppConfig):
    name = "careers"
    verbose_name = "Careers and roles"

    def ready(self):
        from config.pagecache import invalidate_on_change

        invalidate_on_change(*self.get_models())
