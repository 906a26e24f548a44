"""Factories for the employers app."""

import datetime

import factory

from content.models import Status
from employers import models
from places.geo import zip_point


class EmployerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Employer
        django_get_or_create = ("slug",)
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Employer {n:04d}")
    slug = factory.Sequence(lambda n: f"employer-{n:04d}")
    kind = models.EmployerKind.HEALTH_HOME
    description = "Hires care managers."
    website = "https://example.org/"
    careers_url = "https://example.org/careers/"
    source_name = "Example source"
    source_url = "https://example.org/about/"
    checked_on = factory.LazyFunction(datetime.date.today)
    status = Status.PUBLISHED

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.roles.set(extracted)

    @factory.post_generation
    def settings(self, create, extracted, **kwargs):
        if create and extracted:
            self.settings.set(extracted)


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Location

    employer = factory.SubFactory(EmployerFactory)
    name = "Main office"
    address = "1 Main Street"
    city = "New York"
    county = "New York"
    zip_code = "10001"
    # The centre of the ZIP code, unless a test places the location precisely.
    latitude = factory.LazyAttribute(lambda o: zip_point(o.zip_code).latitude)
    longitude = factory.LazyAttribute(lambda o: zip_point(o.zip_code).longitude)
