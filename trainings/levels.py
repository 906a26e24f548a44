"""
The ladder of schooling and licenses (content.models.EducationLevel): what a person has
now, against what a role or a training asks for first. The guide reads it for roles
(trainings/guide.py), and the trainings search for its "education you have now" filter,
which the guide's trainings come from (trainings/filters.py).
"""

from django.utils.translation import gettext_lazy as _

from content.models import EducationLevel

# What the guide and the search call having none of EducationLevel yet.
NO_QUALIFICATION = "none"
# What a person may have now, least first: the guide asks, the search filters on it. A
# person ticks every one that applies (a registered nurse with a bachelor's degree ticks
# both), so each function below takes all of them.
HAVE_LEVELS = [
    (NO_QUALIFICATION, _("No high school diploma or equivalency diploma yet")),
    *EducationLevel.choices,
]

# Rank of each level on the ladder of schooling. A license also counts as the schooling
# it needs (an LPN program is a certificate, an RN needs at least an associate degree,
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


def meets(haves, level):
    """Whether a person who has every qualification in `haves` meets requirement `level`:
    a license only by holding it, schooling by as much schooling or more (the most any
    of `haves` stands for)."""
    if level in LICENSES:
        return level in haves
    return max((RANK.get(have, 0) for have in haves), default=0) >= RANK.get(level, 99)


def levels_met(haves):
    """Every EducationLevel value a person who has every qualification in `haves` meets."""
    return [level.value for level in EducationLevel if meets(haves, level)]


def no_diploma(haves):
    """Whether `haves` says only that the person has no diploma yet."""
    return set(haves) == {NO_QUALIFICATION}
