"""
`manage.py seed_demo --trainings N --employers N`: synthetic rows for benchmarks.

Each app registers its demo builders with the content registry (content/registry.py), so
this command names no app. Refuses to run with DEBUG off, so it can never fill a
production database with fakes.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import import_string

from content.loading import refresh_planner_statistics
from content.pagecache import bump_content_version
from content.registry import registrations


def _builders():
    return {name: path for r in registrations() for name, path in r.demo.items()}


class Command(BaseCommand):
    help = "Create synthetic published rows for benchmarks (DEBUG only)."

    def add_arguments(self, parser):
        for name in _builders():
            parser.add_argument(f"--{name}", type=int, default=0, metavar="N")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("seed_demo makes fake data and runs only with DEBUG=True.")
        wanted = {name: options.get(name) or 0 for name in _builders()}
        if any(count < 0 for count in wanted.values()):
            raise CommandError("Counts must be zero or more.")
        with transaction.atomic():
            for name, path in _builders().items():
                if wanted[name]:
                    import_string(path)(wanted[name], stdout=self.stdout)
            # bulk_create sends no signals: cached pages would not know about the new rows.
            transaction.on_commit(bump_content_version)
        refresh_planner_statistics()  # thousands of rows at once: the planner must know
        made = " and ".join(
            f"{count} {name.replace('_', ' ')}" for name, count in wanted.items() if count
        )
        self.stdout.write(f"Seeded {made or 'nothing'}.")
