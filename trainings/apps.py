from django.apps import AppConfig


class TrainingsConfig(AppConfig):
    name = "trainings"
    verbose_name = "Trainings"

    def ready(self):
        from content.registry import register

        register(
            self,
            load="trainings.content.rows",
            demo={"trainings": "trainings.demo.seed"},
            cached_models=[self.get_model("Provider"), self.get_model("Training")],
        )
