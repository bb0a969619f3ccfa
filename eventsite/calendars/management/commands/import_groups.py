"""`manage.py import_groups DIR [--feeds-base URL]`: import group YAML files.
Invalid files are reported by name and skipped; exits 1 if any was invalid."""
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from pynamodb.exceptions import PynamoDBException

from eventsite.calendars.services import groups_import


class Command(BaseCommand):
    help = "Import community groups from a directory of YAML files (one per group, id = file name)."

    def add_arguments(self, parser):
        parser.add_argument("directory")
        parser.add_argument("--feeds-base", default=None,
                            help="Base URL for relative `ical:` paths (the demo fixtures use it)")

    def handle(self, *args, directory, feeds_base, **options):
        path = Path(directory)
        if not path.is_dir():
            raise CommandError(f"{directory} is not a directory.")
        try:
            report = groups_import(directory=path, feeds_base=feeds_base)
        except PynamoDBException as exc:
            raise CommandError("DynamoDB refused or is unreachable; run create_tables first.") from exc
        for name, warnings in report.warnings.items():
            for warning in warnings:
                self.stdout.write(f"warning  {name}: {warning}")
        for name, reason in report.invalid.items():
            self.stderr.write(f"invalid  {name}: {reason} (skipped)")
        self.stdout.write(f"imported {len(report.imported)} groups, {len(report.invalid)} invalid files skipped")
        if report.invalid:
            raise CommandError(f"{len(report.invalid)} group files were invalid.")
