"""Factories for the trainings app."""

import datetime
from decimal import Decimal

import factory

from content.models import Status
from places.geo import zip_point
from trainings import models


class ProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Provider

    name = factory.Sequence(lambda n: f"Provider {n}")
    slug = factory.Sequence(lambda n: f"provider-{n}")
    kind = models.Provider.Kind.COMMUNITY_COLLEGE
    website = "https://example.edu/"
    city = "New York"
    county = "New York"
    zip_code = "10001"
    latitude = factory.LazyAttribute(
        lambda o: zip_point(o.zip_code).latitude if o.zip_code else None
    )
    longitude = factory.LazyAttribute(
        lambda o: zip_point(o.zip_code).longitude if o.zip_code else None
    )


class TrainingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Training
        skip_postgeneration_save = True

    provider = factory.SubFactory(ProviderFactory)
    title = factory.Sequence(lambda n: f"Training {n}")
    slug = factory.Sequence(lambda n: f"training-{n}")
    kind = models.Training.Kind.CERTIFICATE
    credential = "Certificate of completion"
    delivery = models.Training.Delivery.IN_PERSON
    schedule = models.Training.Schedule.EVENING
    length_weeks = 12
    length_hours = 120
    cost_low = Decimal("500")
    cost_high = Decimal("500")
    languages = "en"
    url = "https://example.edu/programme"
    description = "A training used in tests."
    status = Status.PUBLISHED
    checked_on = datetime.date(2026, 11, 1)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.roles.set(extracted)

    @factory.post_generation
    def careers(self, create, extracted, **kwargs):
        if create and extracted:
            self.careers.set(extracted)
