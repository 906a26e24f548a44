"""
The site's icons: heroicons' 20-pixel "mini" set, drawn once in one sprite file
(static/img/icons.svg) that every page refers to, `<svg><use href="…#clock"></use></svg>`,
instead of a copy of each icon's paths in the page (a results page shows a hundred: 77 KB of
a 139 KB trainings search was icon paths).

`manage.py build_icon_sprite` writes the sprite with every icon the templates name in
`{% icon "…" %}`; a test checks the committed file is what the command writes.
"""

import re
import zipfile
from importlib.resources import files
from pathlib import Path
from xml.etree import ElementTree

from django.conf import settings
from django.template import engines

SPRITE = "img/icons.svg"  # under static/
STYLE = "mini"  # 20 x 20, filled
SVG_NS = "http://www.w3.org/2000/svg"
# {% icon "clock" %}: names are literals (the tag's cache and this scan rely on it).
ICON_TAG = re.compile(r"""\{%\s*icon\s+["']([a-z0-9-]+)["']\s*%\}""")


def sprite_path():
    return Path(settings.BASE_DIR) / "static" / SPRITE


def template_files():
    """Every template file of the project and its apps (not installed packages')."""
    base = Path(settings.BASE_DIR).resolve()
    for directory in engines["django"].template_dirs:
        directory = Path(directory).resolve()
        if base in directory.parents or directory == base:
            if ".venv" not in directory.parts and "site-packages" not in directory.parts:
                yield from sorted(directory.rglob("*.html"))


def icons_used():
    """The names of the icons the templates use, sorted."""
    names = set()
    for path in template_files():
        names.update(ICON_TAG.findall(path.read_text(encoding="utf-8")))
    return sorted(names)


def sprite_markup(names):
    """One <symbol id="NAME"> per icon, with heroicons' paths and viewBox."""
    archive = files("heroicons") / "heroicons.zip"
    symbols = []
    with archive.open("rb") as data, zipfile.ZipFile(data) as icons:
        for name in names:
            svg = ElementTree.fromstring(icons.read(f"{STYLE}/{name}.svg"))
            for node in svg.iter():
                node.tag = node.tag.removeprefix("{" + SVG_NS + "}")
            inner = "".join(
                ElementTree.tostring(child, encoding="unicode").strip() for child in svg
            )
            symbols.append(
                f'<symbol id="{name}" viewBox="{svg.get("viewBox")}" fill="currentColor">'
                f"{inner}</symbol>"
            )
    return (
        f'<svg xmlns="{SVG_NS}">\n'
        "<!-- Heroicons (MIT License, Tailwind Labs), written by manage.py build_icon_sprite -->\n"
        + "\n".join(symbols)
        + "\n</svg>\n"
    )
