from django.apps import AppConfig


class TrainingsConfig(AppConfig):
    name = "trainings"
    verbose_name = "Trainings"

    def ready(self):
        from config.pagecache import invalidate_on_change

        invalidate_on_change(self.get_model("Provider"), self.get_model("Training"))
