from django.apps import AppConfig


class EmployersConfig(AppConfig):
    name = "employers"
    verbose_name = "Employers"

    def ready(self):
        from content.registry import register

        register(
            self,
            load="employers.content.rows",
            demo={"employers": "employers.demo.seed"},
            cached_models=[self.get_model("Employer"), self.get_model("Location")],
        )
