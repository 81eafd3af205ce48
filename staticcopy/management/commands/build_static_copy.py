"""`manage.py build_static_copy FOLDER`: the whole public site as static files (staticcopy/build.py)."""

from django.core.management.base import BaseCommand, CommandError

from archive.state import InvalidArchiveDate, parse_since
from staticcopy.build import build


class Command(BaseCommand):
    help = "Write every public page, document, film, caption, feed and open-data file, in every language, to FOLDER."

    def add_arguments(self, parser):
        parser.add_argument("folder", help="where to write the copy (emptied first)")
        parser.add_argument(
            "--base-url",
            default="",
            help="the address the copy will be served from (e.g. https://archive.example.org): the sitemap and "
            "feeds need it to be valid; pages use root-relative links either way",
        )
        parser.add_argument(
            "--date",
            default=None,
            help="the archive date the copy's notice shows (YYYY-MM-DD); default ARCHIVE_MODE, else today",
        )

    def handle(self, folder, base_url, date, **options):
        if date:
            try:
                parse_since(date)
            except InvalidArchiveDate as exc:
                raise CommandError(str(exc)) from exc
        report = build(folder, base_url=base_url, archive_date=date)
        self.stdout.write(f"{report.pages} pages, {report.files} files written to {report.folder}")
        if report.left_out:
            self.stdout.write(f"Pages with a form left out (see about-this-copy/): {len(report.left_out)}")
        if report.failed:
            self.stderr.write("Addresses that did not answer 200:")
            for address, status in sorted(report.failed.items()):
                self.stderr.write(f"  {status} {address}")
