from django.apps import AppConfig


class WagesConfig(AppConfig):
    name = "wages"
    verbose_name = "Pay statistics (BLS)"

    def ready(self):
        from content.registry import register

        # Pages that show pay are cached whole; new figures must show at once.
        register(self, load="wages.content.rows", cached_models=self.get_models())
