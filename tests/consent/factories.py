"""Factories for the consent app's tests."""

import uuid

import factory

from consent import models


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Category
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"category-{n}")
    name = factory.Sequence(lambda n: f"Category {n}")
    description = "What these cookies are for."
    necessary = False
    order = factory.Sequence(lambda n: 10 + n)


class CookieDeclarationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.CookieDeclaration

    category = factory.SubFactory(CategoryFactory)
    name = factory.Sequence(lambda n: f"cookie_{n}")
    provider = "Example Analytics Inc."
    party = models.Party.THIRD
    purpose = "Counts visits."
    duration = "1 year"
    max_age = 31536000


class ConsentRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ConsentRecord

    consent_id = factory.LazyFunction(uuid.uuid4)
    revision = 1
    choices = factory.LazyFunction(lambda: {"analytics": False})
    action = models.Action.REJECT_ALL
    source = models.Source.BANNER
    gpc = False
    language = "en-us"
