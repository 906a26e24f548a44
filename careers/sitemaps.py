"""Sitemap sections for the careers app, merged into /sitemap.xml by config/urls.py."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from careers.models import Career, Role


class StaticViewSitemap(Sitemap):
    """Pages that exist whatever the content: the start page and the list of careers."""

    changefreq = "weekly"
    priority = 1.0

    def items(self):
        return ["careers:home", "careers:career_list"]

    def location(self, item):
        return reverse(item)


class CareerSitemap(Sitemap):
    """Each published career and its compare page."""

    changefreq = "monthly"
    priority = 0.8

    def items(self):
        return [
            (career, page)
            for career in Career.objects.published().only("slug", "updated_at")
            for page in ("career_detail", "career_compare")
        ]

    def location(self, item):
        career, page = item
        return reverse(f"careers:{page}", kwargs={"career": career.slug})

    def lastmod(self, item):
        return item[0].updated_at


class RoleSitemap(Sitemap):
    """Each published role of a published career."""

    changefreq = "monthly"
    priority = 0.7

    def items(self):
        return (
            Role.objects.published()
            .select_related("career")
            .order_by("career__order", "order", "pk")
        )

    def lastmod(self, role):
        return role.updated_at


class RolePaySitemap(RoleSitemap):
    """Each published role's pay-by-area page, at its base address only (no ?zip= or ?area=)."""

    priority = 0.6

    def location(self, role):
        return role.pay_url


sitemaps = {
    "static": StaticViewSitemap,
    "careers": CareerSitemap,
    "roles": RoleSitemap,
    "role_pay": RolePaySitemap,
}
