from django.apps import AppConfig


class EmployersConfig(AppConfig):
    name = "employers"
    verbose_name = "Employers"

    def ready(self):
        from config.pagecache import invalidate_on_change

        invalidate_on_change(self.get_model("Employer"), self.get_model("Location"))
