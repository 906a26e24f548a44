"""Delete consent records older than a retention period (the one way records ever leave)."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from consent.models import ConsentRecord


class Command(BaseCommand):
    help = "Delete consent records older than --older-than DAYS days."

    def add_arguments(self, parser):
        parser.add_argument(
            "--older-than",
            type=int,
            required=True,
            metavar="DAYS",
            help="Delete records written more than this many days ago (at least 1).",
        )

    def handle(self, *args, older_than, **options):
        if older_than < 1:
            raise CommandError("--older-than must be at least 1 day.")
        cutoff = timezone.now() - datetime.timedelta(days=older_than)
        # QuerySet.delete() is the bulk path; ConsentRecord.delete() refuses one-by-one deletes.
        deleted, _ = ConsentRecord.objects.older_than(cutoff).delete()
        self.stdout.write(f"Deleted {deleted} consent record(s) older than {older_than} days.")
        return None
