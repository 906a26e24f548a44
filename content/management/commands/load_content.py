"""
`manage.py load_content`: load every app's starting content (see content/loading.py).
"""

from django.core.management.base import BaseCommand

from content.loading import load_registered, refresh_planner_statistics


class Command(BaseCommand):
    help = (
        "Load the starting content of every app (careers, trainings, employers, ...). "
        "Idempotent: rows that exist are kept as staff left them, so a second run changes "
        "nothing; links a row never had (because what it links to was loaded later) are "
        "added; a row staff deleted stays deleted."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help=(
                "Set every loaded row, and its links, back to the content files, overwriting "
                "staff edits, and make again the rows staff deleted."
            ),
        )

    def handle(self, *args, force=False, **options):
        counts = load_registered(force=force, stdout=self.stdout)
        refresh_planner_statistics()
        for label, numbers in counts.items():
            summary = ", ".join(f"{k}: {v}" for k, v in numbers.items() if v) or "nothing to do"
            self.stdout.write(f"{label}: {summary}")
        if not counts:
            self.stdout.write("No app registered any content.")
