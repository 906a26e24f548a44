"""Pages of the careers app: the start page, careers, roles and the compare table."""

from django.shortcuts import render

from careers.models import Career


def home(request):
    """Start page: "Select what you want to do"."""
    careers = Career.objects.published().only("slug", "title", "summary")
    return render(request, "careers/home.html", {"careers": careers})
