"""Sitemap sections for the employers app, merged into /sitemap.xml by config/urls.py."""

sitemaps = {}
