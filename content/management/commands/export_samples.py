"""
`manage.py export_samples [--to DIRECTORY]`: the example files of the admin's CSV import
(samples/*.csv) written again from the database, by the resources the admin's export uses:
each content.importing.ContentResource that names its `sample` file. Run on a database
that holds the starting content and nothing else (`make samples` builds one), the files
are the starting content as an import reads it; tests/staff/test_samples.py checks that
they still are, so importing a sample never writes stale text over verified rows.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import autodiscover_modules

from content.importing import ContentResource


def sample_resources():
    """Every app's resource that has a sample file (each app's `resources` module)."""
    autodiscover_modules("resources")
    return [resource for resource in ContentResource.__subclasses__() if resource.sample]


class Command(BaseCommand):
    help = "Write samples/*.csv, the admin import's example files, from this database."

    def add_arguments(self, parser):
        parser.add_argument("--to", type=Path, default=settings.BASE_DIR / "samples")

    def handle(self, *args, to, **options):
        to.mkdir(parents=True, exist_ok=True)
        for resource in sample_resources():
            data = resource().export()
            path = to / f"{resource.sample}.csv"
            # The CSV writer ends lines with CRLF; the files in the repository use LF.
            path.write_text(data.csv.replace("\r\n", "\n"), encoding="utf-8")
            self.stdout.write(f"{path}: {len(data)} rows")
