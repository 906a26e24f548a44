"""Sitemap sections for the employers app, merged into /sitemap.xml by config/urls.py."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from employers.models import Employer


class EmployerListSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return ["employers:employer_list"]

    def location(self, item):
        return reverse(item)


class EmployerSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Employer.objects.published().only("slug", "updated_at").order_by("name", "pk")

    def lastmod(self, employer):
        return employer.updated_at


sitemaps = {"employer-list": EmployerListSitemap, "employers": EmployerSitemap}
