"""Read the XML sitemap as a search engine does: /sitemap.xml is an index of the sections'
own sitemaps (config/sitemaps.py), and those list the pages."""

import re
from urllib.parse import parse_qsl, urlsplit

LOC = re.compile(r"<loc>([^<]+)</loc>")


def sitemap_pages(client):
    """{address in the index: the XML of that sitemap page}, each fetched and answered 200."""
    index = client.get("/sitemap.xml")
    assert index.status_code == 200
    pages = {}
    for loc in LOC.findall(index.content.decode()):
        address = urlsplit(loc)
        response = client.get(address.path, dict(parse_qsl(address.query)))
        assert response.status_code == 200, loc
        pages[loc] = response.content.decode()
    return pages


def sitemap_xml(client):
    """Every sitemap page the index lists, as one text."""
    return "\n".join(sitemap_pages(client).values())


def sitemap_paths(client):
    """The paths of every address the sitemap pages list."""
    return sorted({urlsplit(loc).path for loc in LOC.findall(sitemap_xml(client))})
