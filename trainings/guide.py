"""
The guide's reasoning: which roles fit what a person has now, and which trainings fit
those roles and the way the person can study. Roles come from the careers app and their
typical education from careers.EducationRequirement; a role that has no education rows
yet falls back to FALLBACK_REQUIREMENTS below.
"""

from dataclasses import dataclass, field

from django.http import QueryDict
from django.utils.translation import gettext

from content.models import EducationLevel
from content.pagination import first_rows
from trainings.filters import DEFAULT_MILES, TrainingFilter
from trainings.levels import meets, no_diploma
from trainings.models import Training

# Only for roles whose typical education the careers content does not list yet.
FALLBACK_REQUIREMENTS = {
    "care-coordinator": [EducationLevel.HIGH_SCHOOL],
    "care-manager": [
        EducationLevel.LICENSE_LPN,
        EducationLevel.LICENSE_RN,
        EducationLevel.LICENSE_SW,
    ],
}
MAX_TRAININGS = 10
# New York State's own page on one way to earn the High School Equivalency diploma (24
# college credits); read 2026-12-01.
HSE_URL = "https://www.acces.nysed.gov/aepp/college-credit"


@dataclass
class RoleAdvice:
    role: object  # a careers Role
    fits: bool
    wanted: bool
    requirements: list = field(default_factory=list)  # labels of the typical education
    after_hse: bool = False  # an entry role, open once the person has an HSE diploma


@dataclass
class GuideResult:
    roles: list
    trainings: list
    notes: list
    search_query: str = ""  # the same answers as a /trainings/ query string
    nearest: list = field(default_factory=list)
    radius: int = DEFAULT_MILES
    no_diploma: bool = False


def role_requirements(role):
    levels = [e.level for e in role.education.all()]
    return levels or FALLBACK_REQUIREMENTS.get(role.slug, [])


def search_query(
    *, role_slugs, have=(), delivery="", schedule="", budget=None, zip_code="", miles=None
):
    """The trainings search (/trainings/) query for these answers: the guide's trainings are
    that search's first results, so the two always agree."""
    query = QueryDict(mutable=True)
    query.setlist("role", list(role_slugs))
    query.setlist("have", list(have))
    if delivery:
        query["delivery"] = delivery
    if schedule:
        query["schedule"] = schedule
    if budget == 0:
        query["free"] = "on"
    elif budget is not None:
        query["max_cost"] = str(budget)
    if zip_code:
        query["zip"] = zip_code
        if miles and miles != DEFAULT_MILES:
            query["miles"] = str(miles)
    return query


def _role_choices(roles):
    grouped = {}
    for role in roles:
        grouped.setdefault(role.career.title, []).append((role.slug, role.name))
    return list(grouped.items())


def advise(*, roles, have, want="", delivery="", schedule="", budget=None, zip_code="", miles=None):
    """
    Roles that fit what the person has (or the one they want), and the trainings the
    trainings search finds for those roles and answers. `roles`: published roles with their
    career and education prefetched; `have`: every answer the person ticked (HAVE_LEVELS).
    """
    advice = []
    for role in roles:
        levels = role_requirements(role)
        fits = not levels or any(meets(have, level) for level in levels)
        wanted = role.slug == want
        if fits or wanted:
            labels = [EducationLevel(level).label for level in levels]
            advice.append(RoleAdvice(role=role, fits=fits, wanted=wanted, requirements=labels))
    notes = []
    first_step = no_diploma(have)
    if first_step:
        # Not a dead end: the roles that start from a high school diploma are the next step.
        for role in roles:
            levels = role_requirements(role)
            if EducationLevel.HIGH_SCHOOL in levels and role.slug not in {
                a.role.slug for a in advice
            }:
                labels = [EducationLevel(level).label for level in levels]
                advice.append(
                    RoleAdvice(
                        role=role,
                        fits=False,
                        wanted=role.slug == want,
                        requirements=labels,
                        after_hse=True,
                    )
                )
    advice.sort(key=lambda a: (not a.wanted, not a.fits, not a.after_hse))
    target = [a.role.slug for a in advice if a.wanted] or [a.role.slug for a in advice]
    if roles and not advice:
        notes.append(
            gettext(
                "Most of these roles ask for a high school diploma or a high school "
                "equivalency (HSE) diploma first. The trainings below can come after that."
            )
        )
        target = [role.slug for role in roles]
    query = search_query(
        role_slugs=target,
        # Without a diploma yet, the trainings are the ones that can come after the HSE.
        have=[EducationLevel.HIGH_SCHOOL] if first_step else have,
        delivery=delivery,
        schedule=schedule,
        budget=budget,
        zip_code=zip_code,
        miles=miles,
    )
    career_choices = [(role.career.slug, role.career.title) for role in roles]
    filterset = TrainingFilter(
        query,
        queryset=Training.objects.published().for_listing(),
        choices=(career_choices, _role_choices(roles)),
    )
    trainings, nearest = [], []
    if filterset.is_valid():
        # Near a ZIP code, from the trainings of the providers nearest to it when they
        # settle the first ones, as the trainings search reads its first page.
        trainings = first_rows(
            filterset.qs, MAX_TRAININGS, first_ids=filterset.first_ids, rows=filterset.page_rows
        )
        nearest = filterset.nearest_beyond_reach(trainings)
    if first_step:
        left_out = gettext(
            "Trainings whose provider asks for more than a high school or HSE diploma are "
            "left out. Trainings that do not say what they ask for are kept: check with the "
            "provider."
        )
    else:
        left_out = gettext(
            "Trainings whose provider asks for more schooling or a license than you have "
            "now are left out. Trainings that do not say what they ask for are kept: check "
            "with the provider."
        )
    notes.append(left_out)
    if budget is not None:
        notes.append(
            gettext("Trainings that do not publish their cost are left out of a budget search.")
        )
    if delivery:
        notes.append(
            gettext("Trainings whose provider does not say how they are taught are left out.")
        )
    if schedule:
        notes.append(gettext("Trainings whose provider does not state a schedule are left out."))
    return GuideResult(
        roles=advice,
        trainings=trainings,
        notes=notes,
        search_query=query.urlencode(),
        nearest=nearest,
        radius=miles or DEFAULT_MILES,
        no_diploma=first_step,
    )
