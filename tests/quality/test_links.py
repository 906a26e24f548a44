"""Internal links come from {% url %}, so a moved page cannot leave a dead link behind."""

import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

HARD_CODED = re.compile(r"""(?:href|action|src)=["']/""")


def template_files():
    """The project's templates: templates/ and each of our apps' templates/ folders."""
    folders = [Path(folder) for folder in settings.TEMPLATES[0]["DIRS"]]
    folders += [
        Path(app.path) / "templates"
        for app in apps.get_app_configs()
        if Path(app.path).parent == settings.BASE_DIR
    ]
    for folder in folders:
        yield from folder.rglob("*.html")


def test_no_template_hard_codes_an_internal_address():
    found = [
        f"{path.relative_to(settings.BASE_DIR)}:{number}: {line.strip()[:100]}"
        for path in template_files()
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if HARD_CODED.search(line)
    ]
    assert not found, "Use {% url %} for these:\n" + "\n".join(found)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "current"),
    [
        ("/", None),
        ("/careers/", "Careers"),
        ("/trainings/", "Trainings"),
        ("/trainings/guide/", "Trainings"),
        ("/employers/", "Employers"),
        ("/es/", None),
        ("/es/careers/", "Carreras"),
        ("/es/trainings/guide/", "Capacitaciones"),
        ("/es/employers/", "Empleadores"),
    ],
)
def test_the_main_menu_marks_the_section_the_page_is_in(client, path, current):
    html = client.get(path).content.decode()
    menu = html[html.index('<nav class="site-nav"') :]
    menu = menu[: menu.index("</nav>")]
    marked = re.findall(r'aria-current="page">([^<]+)</a>', menu)
    assert marked == ([current] if current else [])
