"""Sitemap sections for the trainings app, merged into /sitemap.xml by config/urls.py."""

sitemaps = {}
