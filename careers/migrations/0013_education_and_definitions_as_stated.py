"""
Correct the starting content already loaded into existing databases (load_content keeps
loaded rows as they are unless --force), as 0009 did for the pay ranges:

- the typical-education rows said their source, the Health Workforce Collaborative page
  https://hwcollab.org/cm-prototype-scrolling/, was from 2024; the page gives no year:
  clear it;
- the care coordinator definition was credited to AHRQ (with AHRQ's page as its source),
  but it is the Health Workforce Collaborative's wording and that page names no source
  for it: credit it to the page it is quoted from;
- the job title "Transitions of Care Coordinator", the first list of duties and three work
  settings (local health departments, home care agencies, long-term care) had no source at
  all, and none could be found: remove them (what nobody can point to is not published).
  The sourced duties and settings come with `load_content`.

Only rows still holding the values the starting content gave them are changed.
"""

from django.db import migrations

HWC_URL = "https://hwcollab.org/cm-prototype-scrolling/"
HWC_NAME = "Health Workforce Collaborative: Care Management / Care Coordination career page"
AHRQ_URL = "https://www.ahrq.gov/topics/care-coordination.html"
AHRQ_CREDIT = (
    "Health WorkForce New York (HWNY) career page, adapted from the Agency for Healthcare "
    "Research and Quality (AHRQ) definition of care coordination (Care Coordination Measures "
    "Atlas)"
)
CAREER = "care-management-care-coordination"
UNSOURCED_TITLE = "Transitions of Care Coordinator"
# Duties and settings the first starting content wrote with no source (removed unless edited).
UNSOURCED_DUTIES = [
    "Find out what a person needs, what matters to them and what stands in their way, including social needs such as housing, food and transport.",
    "Build a care plan with the person and their care team, and keep it up to date.",
    "Keep everyone involved informed: the person and their family, doctors and nurses, social services and the health plan.",
    "Help people move safely from one place of care to another, for example from hospital to home.",
    "Link people with community resources and social services.",
    "Follow up, track progress and change the plan when a person's needs change.",
    "Make clear who on the team is responsible for each part of a person's care.",
    "Support people in reaching their own health goals and managing their health day to day.",
    "Manage long-term conditions such as diabetes, heart disease or serious mental illness with the clinical team, which can involve clinical decisions.",
    "Bridge social care and clinical care, so that help with benefits, housing or food fits with medical treatment.",
    "Explain diagnoses, care plans and next steps in plain language.",
    "Make appointments, send reminders and help arrange transport to get there.",
    "Help with health insurance, Medicaid and other benefit applications and renewals.",
    "Go over medicines with the person and raise problems with the prescriber or pharmacist.",
    "Teach people and caregivers the early warning signs of a condition getting worse, and what to do.",
    "Screen for social needs and connect people to food, housing, child care and other services.",
    "Meet people where they are: at home, in the community, in the clinic or by phone.",
    "Speak up for the person with providers, services and the health plan.",
    "Involve family members and caregivers in planning and support them in their role.",
]
UNSOURCED_SETTINGS = ["local-health-department", "home-care-agency", "long-term-care"]


def forwards(apps, schema_editor):
    EducationRequirement = apps.get_model("careers", "EducationRequirement")
    Role = apps.get_model("careers", "Role")
    JobTitle = apps.get_model("careers", "JobTitle")
    EducationRequirement.objects.filter(source_url=HWC_URL, source_year=2024).update(
        source_year=None
    )
    Role.objects.filter(
        career__slug=CAREER,
        slug="care-coordinator",
        source_url=AHRQ_URL,
        definition_source=AHRQ_CREDIT,
    ).update(source_url=HWC_URL, definition_source=HWC_NAME)
    JobTitle.objects.filter(title=UNSOURCED_TITLE, source_url="").delete()
    Duty = apps.get_model("careers", "Duty")
    WorkSetting = apps.get_model("careers", "WorkSetting")
    Duty.objects.filter(text__in=UNSOURCED_DUTIES, source_url="").delete()
    WorkSetting.objects.filter(slug__in=UNSOURCED_SETTINGS, source_url="").delete()


def backwards(apps, schema_editor):
    EducationRequirement = apps.get_model("careers", "EducationRequirement")
    Role = apps.get_model("careers", "Role")
    EducationRequirement.objects.filter(source_url=HWC_URL, source_year=None).update(
        source_year=2024
    )
    Role.objects.filter(
        career__slug=CAREER, slug="care-coordinator", source_url=HWC_URL, definition_source=HWC_NAME
    ).update(source_url=AHRQ_URL, definition_source=AHRQ_CREDIT)


class Migration(migrations.Migration):
    dependencies = [("careers", "0012_sources_fits_stated_education")]

    operations = [migrations.RunPython(forwards, backwards)]
