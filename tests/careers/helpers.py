"""Build a published career of any size, quickly, for page and query-count tests."""

import itertools

from careers import models
from careers.content import load
from content.models import EducationLevel
from content.text import normalise
from tests.careers.factories import CareerFactory
from wages.content import load_starting_wages


def load_starting_content():
    """The starting careers, roles and titles, with the committed BLS pay figures."""
    load_starting_wages()
    load()


def build_career(n, *, slug=None):
    """
    A published career with n roles; its first role has n job titles, and n duties,
    n functions, n settings and n certifications shared by every role; a ladder step
    between each pair of neighbouring roles; each role's BLS occupation, with the committed
    BLS figures loaded. Returns (career, roles).
    """
    load_starting_wages()
    career = CareerFactory(slug=slug or f"career-of-{n}", title=f"Career of {n}")
    roles = models.Role.objects.bulk_create(
        models.Role(
            career=career,
            slug=f"role-{i}",
            name=f"Role {i}",
            short_name=f"R{i}",
            definition=f"What role {i} does.",
            definition_source="Test source",
            source_url="https://example.org/definition",
            focus="Testing.",
            soc_code="21-1093",
            soc_title="Social and Human Service Assistants",
            status=models.Status.PUBLISHED,
            order=i,
        )
        for i in range(n)
    )
    roles = list(career.roles.order_by("order"))
    first = roles[0]
    source = {
        "source_name": "Test pay survey",
        "source_url": "https://example.org/pay",
        "source_year": 2024,
    }
    titles = [models.JobTitle(role=first, title=f"Navigator number {i}") for i in range(n)]
    titles += [models.JobTitle(role=role, title=f"Title of {role.name}") for role in roles[1:]]
    for title in titles:
        title.search_text = normalise(title.title)
    models.JobTitle.objects.bulk_create(titles)
    models.EducationRequirement.objects.bulk_create(
        models.EducationRequirement(role=role, level=EducationLevel.BACHELOR, **source)
        for role in roles
    )
    models.PayRange.objects.bulk_create(
        models.PayRange(
            role=role, low=16, high=38, unit=models.PayRange.Unit.HOURLY,
            region="New York State", **source,
        )
        for role in roles
    )  # fmt: skip
    models.RoleOccupation.objects.bulk_create(
        models.RoleOccupation(
            role=role, soc_code=role.soc_code, soc_title=role.soc_title, reason="Tests.",
            source_name="Test source", source_url="https://example.org/soc",
        )
        for role in roles
    )  # fmt: skip
    duties = models.Duty.objects.bulk_create(
        models.Duty(kind=kind, text=f"{kind} {i} of {career.slug}", order=i)
        for kind in (models.Duty.Kind.RESPONSIBILITY, models.Duty.Kind.FUNCTION)
        for i in range(n)
    )
    settings = models.WorkSetting.objects.bulk_create(
        models.WorkSetting(slug=f"{career.slug}-setting-{i}", name=f"Setting {i}", order=i)
        for i in range(n)
    )
    certifications = models.Certification.objects.bulk_create(
        models.Certification(
            name=f"{career.slug} certificate {i}",
            abbreviation=f"C{i}",
            body="Test board",
            eligibility="Anyone who passes.",
            url="https://example.org/cert",
        )
        for i in range(n)
    )
    for manager, rows, field in (
        (models.Duty.roles.through, duties, "duty"),
        (models.WorkSetting.roles.through, settings, "worksetting"),
        (models.Certification.roles.through, certifications, "certification"),
    ):
        manager.objects.bulk_create(
            manager(role=role, **{field: row}) for row in rows for role in roles
        )
    models.CareerStep.objects.bulk_create(
        models.CareerStep(from_role=a, to_role=b, requirement="Experience.")
        for a, b in itertools.pairwise(roles)
    )
    return career, roles
