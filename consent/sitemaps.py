"""Sitemap sections for the consent app, merged into /sitemap.xml by config/urls.py."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse


class CookiesPageSitemap(Sitemap):
    changefreq = "yearly"
    priority = 0.1

    def items(self):
        return ["consent:preferences"]

    def location(self, item):
        return reverse(item)


sitemaps = {"cookies": CookiesPageSitemap}
