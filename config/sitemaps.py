"""Sitemap section for the pages about the site itself (config/pages.py), and the one place
that makes every section list its pages in every language, a page of the sitemap at a time.

/sitemap.xml is an index of the sections' own sitemaps (/sitemap-<section>.xml, with ?p=2
and on for a long one), so no response grows with the content: a single sitemap of 10,000
trainings and 5,000 employers was 13.8 MB, took 4 s and 120 MiB of a worker to build, and
was over the protocol's 50,000 addresses a file at 100,000 trainings.
"""

from collections.abc import Sequence
from functools import cached_property

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

# Addresses in one sitemap page: each page's address in each language (so 500 pages here),
# each with its alternates. About 450 KB.
SITEMAP_PAGE_ADDRESSES = 1_000


class AboutPagesSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.2

    def items(self):
        return ["site_map", "privacy", "accessibility", "about_our_data"]

    def location(self, item):
        return reverse(item)


sitemaps = {"about": AboutPagesSitemap}


def count_items(items):
    """How many rows a section's items() holds: a queryset counted by the database, a list
    by its length."""
    return items.count() if hasattr(items, "query") else len(items)


class EveryLanguage(Sequence):
    """(item, language) for each of `items` (a queryset or a list) and each language, in
    that order, read a slice at a time: what Django's i18n sitemaps paginate, which they
    build as one list of every row of the section to cut one page from it."""

    def __init__(self, items, languages):
        self.items, self.languages = items, list(languages)

    @cached_property
    def _length(self):
        return count_items(self.items) * len(self.languages)

    def __len__(self):
        return self._length

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        start, stop, _step = index.indices(len(self))
        each = len(self.languages)
        first = start // each
        rows = list(self.items[first : -(-stop // each)])
        pairs = [(row, language) for row in rows for language in self.languages]
        return pairs[start - first * each : stop - first * each]


def _every_language(self):
    return EveryLanguage(self.items(), self._languages())


def _no_latest_lastmod(self):
    # The index gives no date per section (Django would read every row of it for one);
    # each address in a section's own sitemap has its date.
    return None


def in_every_language(sitemaps):
    """The same sections, each listing every page in each of LANGUAGES, with hreflang
    alternates and an x-default (the English address) per page, SITEMAP_PAGE_ADDRESSES
    addresses a sitemap page, read a page at a time.

    Done here once for every app's sections, so an app's sitemaps.py stays monolingual.
    """
    return {
        name: type(
            section.__name__,
            (section,),
            {
                "i18n": True,
                "alternates": True,
                "x_default": True,
                "limit": SITEMAP_PAGE_ADDRESSES,
                "_items": _every_language,
                "get_latest_lastmod": _no_latest_lastmod,
                "__module__": __name__,
            },
        )
        for name, section in sitemaps.items()
    }
