"""Sitemap sections for the consent app, merged into /sitemap.xml by config/urls.py."""

sitemaps = {}
