"""
The guide's reasoning: which roles fit what a person has now, and which trainings fit
those roles and the way the person can study. Roles come from the careers app and their
typical education from careers.EducationRequirement; a role that has no education rows
yet falls back to FALLBACK_REQUIREMENTS below.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Q

from content.models import EducationLevel
from places.geo import near
from trainings.forms import NO_QUALIFICATION
from trainings.models import Training, role_model

# Rank of each level on the ladder of schooling. A license also counts as the schooling
# it needs (an LPN programme is a certificate, an RN needs at least an associate degree,
# an LMSW a master's degree).
RANK = {
    NO_QUALIFICATION: 0,
    EducationLevel.HIGH_SCHOOL: 1,
    EducationLevel.CERTIFICATE: 2,
    EducationLevel.ASSOCIATE: 3,
    EducationLevel.BACHELOR: 4,
    EducationLevel.MASTER: 5,
    EducationLevel.LICENSE_LPN: 2,
    EducationLevel.LICENSE_RN: 3,
    EducationLevel.LICENSE_SW: 5,
}
LICENSES = {EducationLevel.LICENSE_LPN, EducationLevel.LICENSE_RN, EducationLevel.LICENSE_SW}

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


def meets(have, level):
    """Whether a person whose highest qualification is `have` meets requirement `level`."""
    if level in LICENSES:
        return have == level
    return RANK.get(have, 0) >= RANK.get(level, 99)


@dataclass
class RoleAdvice:
    role: object  # a careers Role
    fits: bool
    wanted: bool
    requirements: list = field(default_factory=list)  # labels of the typical education


@dataclass
class GuideResult:
    roles: list
    trainings: list
    notes: list


def role_requirements(role):
    levels = [e.level for e in role.education.all()]
    return levels or FALLBACK_REQUIREMENTS.get(role.slug, [])


def advise(*, have, want="", delivery="", schedule="", budget=None, point=None, miles=25):
    roles = list(
        role_model()
        .objects.published()
        .select_related("career")
        .prefetch_related("education")
        .order_by("career__order", "order", "name")
    )
    advice = []
    for role in roles:
        levels = role_requirements(role)
        fits = not levels or any(meets(have, level) for level in levels)
        wanted = role.slug == want
        if fits or wanted:
            labels = [EducationLevel(level).label for level in levels]
            advice.append(RoleAdvice(role=role, fits=fits, wanted=wanted, requirements=labels))
    advice.sort(key=lambda a: (not a.wanted, not a.fits))
    notes = []
    target_ids = [a.role.pk for a in advice if a.wanted] or [a.role.pk for a in advice]
    if roles and not advice:
        notes.append(
            "Most of these roles ask for a high school diploma or a high school equivalency "
            "(HSE) diploma first. The trainings below can come after that."
        )
        target_ids = [role.pk for role in roles]
    trainings = matching_trainings(
        role_ids=target_ids,
        delivery=delivery,
        schedule=schedule,
        budget=budget,
        point=point,
        miles=miles,
    )
    if budget is not None:
        notes.append("Trainings that do not publish their cost are left out of a budget search.")
    return GuideResult(roles=advice, trainings=trainings, notes=notes)


def matching_trainings(*, role_ids, delivery, schedule, budget, point, miles):
    """Published trainings for these roles that fit how and where the person can study."""
    queryset = Training.objects.published()
    if role_ids:
        links = Training.roles.through.objects.filter(
            training_id=OuterRef("pk"), role_id__in=role_ids
        )
        queryset = queryset.filter(Exists(links))
    if delivery:
        queryset = queryset.filter(delivery=delivery)
    if schedule:
        queryset = queryset.filter(Q(schedule=schedule) | Q(schedule=""))
    if budget == 0:
        queryset = queryset.filter(is_free=True)
    elif budget is not None:
        queryset = queryset.filter(Q(is_free=True) | Q(cost_low__lte=budget))
    order = ["-featured", "title"]
    if point is not None:
        # Online trainings suit wherever the person lives; the rest must be near.
        queryset = near(
            queryset,
            point,
            miles,
            lat_field="provider__latitude",
            lon_field="provider__longitude",
            keep=Q(delivery=Training.Delivery.ONLINE),
        )
        order = ["-featured", "distance", "title"]
    return list(queryset.for_listing().order_by(*order)[:MAX_TRAININGS])
