"""Sitemap section for the pages about the site itself (config/pages.py), and the one place
that makes every section list its pages in every language."""

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


def in_every_language(sitemaps):
    """The same sections, each listing every page in each of LANGUAGES, with hreflang
    alternates and an x-default (the English address) per page.

    Done here once for every app's sections, so an app's sitemaps.py stays monolingual.
    """
    return {
        name: type(
            section.__name__,
            (section,),
            {"i18n": True, "alternates": True, "x_default": True, "__module__": __name__},
        )
        for name, section in sitemaps.items()
    }
