"""
`manage.py seed_demo --trainings N --employers N`: synthetic rows for benchmarks.

Refuses to run with DEBUG off, so it can never fill a production database with fakes.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from employers import demo as employers_demo
from trainings import demo as trainings_demo


class Command(BaseCommand):
    help = "Create synthetic published trainings and employers for benchmarks (DEBUG only)."

    def add_arguments(self, parser):
        parser.add_argument("--trainings", type=int, default=0, metavar="N")
        parser.add_argument("--employers", type=int, default=0, metavar="N")

    def handle(self, *args, trainings=0, employers=0, **options):
        if not settings.DEBUG:
            raise CommandError("seed_demo makes fake data and runs only with DEBUG=True.")
        if trainings < 0 or employers < 0:
            raise CommandError("Counts must be zero or more.")
        with transaction.atomic():
            if trainings:
                trainings_demo.seed(trainings, stdout=self.stdout)
            if employers:
                employers_demo.seed(employers, stdout=self.stdout)
        self.stdout.write(f"Seeded {trainings} trainings and {employers} employers.")
