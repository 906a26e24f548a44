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
# What a person may have now, least first: the guide asks, the search filters on it.
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


def meets(have, level):
    """Whether a person whose highest qualification is `have` meets requirement `level`:
    a license only by holding it, schooling by as much schooling or more."""
    if level in LICENSES:
        return have == level
    return RANK.get(have, 0) >= RANK.get(level, 99)


def levels_met(have):
    """Every EducationLevel value a person who has `have` meets."""
    return [level.value for level in EducationLevel if meets(have, level)]
