"""
The five cookie categories, the cookies this site really sets (all necessary) and the
first policy revision, so every environment starts with a complete declaration.
"""

from django.db import migrations


def create(apps, schema_editor):
    from consent.reference import CATEGORIES, create_reference_data
    from consent.services import policy_snapshot, snapshot_hash

    Category = apps.get_model("consent", "Category")
    CookieDeclaration = apps.get_model("consent", "CookieDeclaration")
    PolicyRevision = apps.get_model("consent", "PolicyRevision")
    create_reference_data(Category, CookieDeclaration)
    if not PolicyRevision.objects.exists():
        categories = Category.objects.filter(
            slug__in=[c["slug"] for c in CATEGORIES]
        ).order_by("order", "slug").prefetch_related("cookies")
        snapshot = policy_snapshot(categories)
        PolicyRevision.objects.create(number=1, snapshot=snapshot, sha256=snapshot_hash(snapshot))


def remove(apps, schema_editor):
    from consent.reference import CATEGORIES, necessary_cookies

    Category = apps.get_model("consent", "Category")
    CookieDeclaration = apps.get_model("consent", "CookieDeclaration")
    PolicyRevision = apps.get_model("consent", "PolicyRevision")
    PolicyRevision.objects.filter(number=1).delete()
    CookieDeclaration.objects.filter(name__in=[c["name"] for c in necessary_cookies()]).delete()
    Category.objects.filter(slug__in=[c["slug"] for c in CATEGORIES]).delete()


class Migration(migrations.Migration):
    dependencies = [("consent", "0001_initial")]

    operations = [migrations.RunPython(create, remove)]
