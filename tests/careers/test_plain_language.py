"""
The careers pages' own prose is plain US English: about an 8th-grade reading level
(Flesch-Kincaid, textstat), and no British spellings on any public careers page.
Quoted text (the two HWC definitions) is the source's, not ours, and is left out.
"""

import pytest
import textstat

from careers import models
from careers.content import load
from tests.quality.spelling import BRITISH, british_words

pytestmark = pytest.mark.django_db

MAX_GRADE = 9


def our_prose(career):
    """The career page's main text we write ourselves, one paragraph per item."""
    parts = [career.summary, career.overview, career.key_difference, career.title_note]
    parts += [fit.text for fit in career.fits.all()]
    for role in career.roles.all():
        parts.append(role.focus)
    parts += [duty.text for duty in models.Duty.objects.filter(roles__career=career).distinct()]
    parts += [s.description for s in models.WorkSetting.objects.filter(roles__career=career)]
    parts += [step.requirement for step in models.CareerStep.objects.all()]
    return "\n".join(p.strip() for p in parts if p and p.strip())


def test_the_career_pages_own_prose_reads_at_about_grade_8():
    load()
    career = models.Career.objects.get(slug="care-management-care-coordination")
    grade = textstat.flesch_kincaid_grade(our_prose(career))
    assert grade <= MAX_GRADE, f"Flesch-Kincaid grade {grade}; aim for 8"


@pytest.mark.parametrize("field", ["overview", "key_difference", "title_note"])
def test_each_long_text_of_the_career_reads_at_about_grade_8(field):
    load()
    career = models.Career.objects.get(slug="care-management-care-coordination")
    grade = textstat.flesch_kincaid_grade(getattr(career, field))
    assert grade <= MAX_GRADE, f"{field}: Flesch-Kincaid grade {grade}"


def public_careers_pages(client):
    career = models.Career.objects.get(slug="care-management-care-coordination")
    urls = ["/", "/careers/", "/careers/?q=case+manger", "/careers/?q=astronaut"]
    urls += [career.get_absolute_url(), f"{career.get_absolute_url()}compare/"]
    for role in career.roles.all():
        urls += [role.get_absolute_url(), role.pay_url]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        yield url, response.content.decode()


def test_no_public_careers_page_uses_british_spelling(client):
    load()
    for url, html in public_careers_pages(client):
        found = british_words(html)
        assert not found, f"{url}: {', '.join(f'{w} -> {BRITISH[w]}' for w in found)}"
