"""Publish the changes for review whose scheduled time has come (run it from cron, see
docs/deploy.md). A change that cannot be published stays scheduled and is reported."""

from django.core.management.base import BaseCommand, CommandError

from content.revisions import publish_due


class Command(BaseCommand):
    help = "Publish scheduled changes whose time has come."

    def handle(self, *args, **options):
        done, failed = publish_due()
        for revision in done:
            self.stdout.write(f"Published the change to “{revision.object_repr}”.")
        for revision, error in failed:
            self.stderr.write(f"Not published: “{revision.object_repr}”: {error}")
        self.stdout.write(f"{len(done)} scheduled change(s) published, {len(failed)} failed.")
        if failed:
            raise CommandError(f"{len(failed)} scheduled change(s) could not be published.")
