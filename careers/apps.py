from django.apps import AppConfig


class CareersConfig(AppConfig):
    name = "careers"
    verbose_name = "Careers and roles"

    def ready(self):
        from content.registry import register

        register(
            self,
            load="careers.content.rows",
            demo={"job_titles": "careers.demo.seed"},
            cached_models=self.get_models(),
        )
