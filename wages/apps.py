from django.apps import AppConfig


class WagesConfig(AppConfig):
    name = "wages"
    verbose_name = "Pay statistics (BLS)"

    def ready(self):
        # Pages that show pay are cached whole; new figures must show at once.
        from config.pagecache import invalidate_on_change

        invalidate_on_change(*self.get_models())
