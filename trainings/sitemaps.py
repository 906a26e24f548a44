"""Sitemap sections for the trainings app, merged into /sitemap.xml by config/urls.py."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from trainings.models import Training


class TrainingPagesSitemap(Sitemap):
    """The search page and the guide."""

    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return ["trainings:training_list", "trainings:training_guide"]

    def location(self, item):
        return reverse(item)


class TrainingSitemap(Sitemap):
    """Each published training."""

    changefreq = "monthly"
    priority = 0.6

    def items(self):
        return Training.objects.published().only("slug", "updated_at").order_by("pk")

    def lastmod(self, training):
        return training.updated_at


sitemaps = {"training-pages": TrainingPagesSitemap, "trainings": TrainingSitemap}
