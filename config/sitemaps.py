"""Sitemap section for the pages about the site itself (config/pages.py)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class AboutPagesSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.2

    def items(self):
        return ["site_map", "privacy", "accessibility", "about_our_data"]

    def location(self, item):
        return reverse(item)


sitemaps = {"about": AboutPagesSitemap}
