"""
`manage.py load_content`: load each app's starting content (settings.CONTENT_LOADERS).

Idempotent: rows that exist are left alone, so a second run changes nothing and staff
edits survive; `--force` overwrites the loaded rows with the fixture values.
"""

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Load the starting content (careers, trainings, employers). Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Overwrite rows that staff have edited with the fixture values.",
        )

    def handle(self, *args, force=False, **options):
        with transaction.atomic():
            for dotted in settings.CONTENT_LOADERS:
                counts = import_string(dotted)(force=force, stdout=self.stdout) or {}
                summary = ", ".join(f"{k}: {v}" for k, v in counts.items()) or "nothing to do"
                self.stdout.write(f"{dotted}: {summary}")
