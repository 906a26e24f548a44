"""Factories for the careers app, shared by the tests of every app that points at roles."""

import datetime

import factory

from careers import models
from content.models import EducationLevel


class CareerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Career
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"career-{n}")
    title = factory.Sequence(lambda n: f"Career {n}")
    summary = "A career used in tests."
    overview = "What this career is about."
    status = models.Status.PUBLISHED
    checked_on = factory.LazyFunction(datetime.date.today)


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Role

    career = factory.SubFactory(CareerFactory)
    slug = factory.Sequence(lambda n: f"role-{n}")
    name = factory.Sequence(lambda n: f"Role {n}")
    short_name = "R"
    definition = "What this role does."
    definition_source = "Test source"
    status = models.Status.PUBLISHED


class JobTitleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.JobTitle

    role = factory.SubFactory(RoleFactory)
    title = factory.Sequence(lambda n: f"Job title {n}")


class WorkSettingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.WorkSetting
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"setting-{n}")
    name = factory.Sequence(lambda n: f"Setting {n}")
    description = "A place where the work happens."


class PayRangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.PayRange

    role = factory.SubFactory(RoleFactory)
    low = 16
    high = 38
    unit = models.PayRange.Unit.HOURLY
    region = "New York State"
    source_name = "U.S. Bureau of Labor Statistics, OEWS"
    source_url = "https://www.bls.gov/oes/"
    source_year = 2024


class EducationRequirementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.EducationRequirement

    role = factory.SubFactory(RoleFactory)
    level = EducationLevel.BACHELOR
    source_name = "O*NET OnLine"
    source_url = "https://www.onetonline.org/"
    source_year = 2024
