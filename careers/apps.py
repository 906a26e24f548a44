from django.apps import AppConfig


class CareersConfig(AppConfig):
    name = "careers"
    verbose_name = "Careers and roles"

    def ready(self):
        from django.db.backends.signals import connection_created

        from careers.search import set_trigram_threshold
        from content.registry import register

        connection_created.connect(set_trigram_threshold, dispatch_uid="careers-trigram")

        register(
            self,
            load="careers.content.rows",
            demo={"job_titles": "careers.demo.seed"},
            cached_models=self.get_models(),
        )
