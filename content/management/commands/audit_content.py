"""
`manage.py audit_content`: which published content rows lack a source, lack a checked
date, were checked over a year ago, or are marked "not yet verified" (content/audit.py);
then which published rows have a translated field without Spanish. A report for editors:
it always exits 0.
"""

from django.core.management.base import BaseCommand

from content.audit import LABELS, PROBLEMS, audit, translation_audit


class Command(BaseCommand):
    help = (
        "List published content rows without a source, without a checked date, checked over "
        "a year ago, or marked not yet verified, then rows without Spanish; a summary line "
        "per model and totals."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--summary", action="store_true", help="Only the summary lines, not each row."
        )

    def handle(self, *args, summary=False, **options):
        results = audit()
        if not summary:
            for label, result in results.items():
                for problem in PROBLEMS:
                    for pk, name, reason in result.rows[problem]:
                        why = f" ({reason})" if reason else ""
                        self.stdout.write(f"{label} #{pk} {name!r}: {LABELS[problem]}{why}")
            self.stdout.write("")
        totals = dict.fromkeys(["rows", "ok", *PROBLEMS], 0)
        for label, result in results.items():
            counts = {p: result.count(p) for p in PROBLEMS}
            self.stdout.write(
                f"{label}: {result.total} published, {result.ok} ok, " + _parts(counts)
            )
            totals["rows"] += result.total
            totals["ok"] += result.ok
            for problem in PROBLEMS:
                totals[problem] += counts[problem]
        self.stdout.write(
            f"Total: {totals['rows']} published rows in {len(results)} models, {totals['ok']} ok, "
            + _parts({p: totals[p] for p in PROBLEMS})
        )
        self._translations(summary)

    def _translations(self, summary):
        results = translation_audit("es")
        self.stdout.write("")
        if not summary:
            for label, result in results.items():
                for pk, name, fields in result.missing:
                    self.stdout.write(f"{label} #{pk} {name!r}: no Spanish ({', '.join(fields)})")
            self.stdout.write("")
        rows = missing = 0
        for label, result in results.items():
            self.stdout.write(
                f"{label}: {result.total} published, {len(result.missing)} without Spanish"
            )
            rows += result.total
            missing += len(result.missing)
        self.stdout.write(
            f"Spanish: {rows} published rows with translated fields in {len(results)} models, "
            f"{missing} without Spanish"
        )


def _parts(counts):
    return ", ".join(f"{counts[p]} {LABELS[p]}" for p in PROBLEMS)
