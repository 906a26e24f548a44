"""Write static/img/icons.svg: the heroicons the templates use, as one sprite
(content.icons). Run it after adding an {% icon %} with a new name."""

from pathlib import Path

from django.core.management.base import BaseCommand

from content.icons import icons_used, sprite_markup, sprite_path


class Command(BaseCommand):
    help = "Write static/img/icons.svg with every icon the templates name in {% icon %}."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, help="Where to write (default: the sprite).")

    def handle(self, *args, output=None, **options):
        names = icons_used()
        path = output or sprite_path()
        path.write_text(sprite_markup(names), encoding="utf-8")
        self.stdout.write(f"{path}: {len(names)} icons ({', '.join(names)})")
