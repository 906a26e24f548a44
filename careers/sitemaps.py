"""Sitemap sections for the careers app, merged into /sitemap.xml by config/urls.py."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class StaticViewSitemap(Sitemap):
    """Pages that exist whatever the content: the start page."""

    changefreq = "weekly"
    priority = 1.0

    def items(self):
        return ["careers:home"]

    def location(self, item):
        return reverse(item)


sitemaps = {"static": StaticViewSitemap}
