"""
The careers content shown in English and Spanish: each field here has an _en and an _es
column (content/i18n.py). Proper names (certification names, awarding bodies, BLS
occupation titles, sources) and codes stay as they are, in one column.
"""

from careers.models import (
    Career,
    CareerFit,
    CareerStep,
    Certification,
    Duty,
    EducationRequirement,
    JobTitle,
    PayRange,
    Role,
    RoleOccupation,
    StatedEducation,
    WorkSetting,
)
from content.i18n import translate

translate(Career, "title", "summary", "overview", "key_difference", "title_note")
translate(Role, "name", "definition", "focus")
translate(JobTitle, "title")
translate(Duty, "text")
translate(WorkSetting, "name", "description")
translate(EducationRequirement, "note")
translate(StatedEducation, "text", "label")
translate(Certification, "eligibility")
translate(CareerStep, "requirement")
translate(CareerFit, "text")
translate(RoleOccupation, "reason")
translate(PayRange, "note")
