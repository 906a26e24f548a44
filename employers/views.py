"""Pages of the employers app: the search list and one employer with its locations."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from content.jsonld import ld_json
from content.pagecache import cache_public_page
from content.pagination import paginate
from content.site import absolute_url
from employers.forms import EmployerSearchForm
from employers.models import Employer, role_model

PAGE_SIZE = 20


@require_safe
def employer_list(request):
    """Find employers near a ZIP code, in a county or region, by role, kind, setting, name."""
    form = EmployerSearchForm(request.GET)
    context = {
        "form": form,
        "page_obj": None,
        "page_notice": "",
        # Uncalled: the map is a cached fragment, counted only when it is rendered afresh.
        "county_counts": Employer.objects.published().counts_by_county,
    }
    status = 200
    if form.is_valid():
        employers = Employer.objects.published().search(**form.search_arguments())
        page_obj, page_notice = paginate(
            request, employers, PAGE_SIZE, count_apart=not form.has_criteria
        )
        context.update(
            page_obj=page_obj,
            page_notice=page_notice,
            employers=page_obj.object_list,
            searched_near=form.point is not None,
        )
    else:
        status = 400
    return render(request, "employers/employer_list.html", context, status=status)


@cache_public_page
def employer_detail(request, slug):
    """One employer: its locations, the roles it hires for, its careers page and sources."""
    queryset = Employer.objects.prefetch_related(
        "locations",
        Prefetch("roles", queryset=role_model().objects.select_related("career")),
        "settings",
    )
    employer = get_object_or_404(queryset.visible_to(request.user), slug=slug)
    context = {
        "employer": employer,
        "locations": employer.locations.all(),
        "roles": employer.roles.all(),
        "ld_json": ld_json(organization_ld(employer, request)),
    }
    return render(request, "employers/employer_detail.html", context)


def postal_address(location):
    address = {
        "@type": "PostalAddress",
        "addressLocality": location.city,
        "addressRegion": "NY",
        "postalCode": location.zip_code,
        "addressCountry": "US",
    }
    if location.address:
        address["streetAddress"] = location.address
    return address


def organization_ld(employer, request):
    """schema.org Organization for an employer, with a Place per location."""
    places = []
    for location in employer.locations.all():
        place = {
            "@type": "Place",
            "name": location.name or f"{employer.name}, {location.city}",
            "address": postal_address(location),
            "geo": {
                "@type": "GeoCoordinates",
                "latitude": location.latitude,
                "longitude": location.longitude,
            },
        }
        if location.phone:
            place["telephone"] = location.phone
        places.append(place)
    data = {
        "@context": "https://schema.org",
        "@type": "Organization",
        "name": employer.name,
        "url": employer.website or absolute_url(request, employer.get_absolute_url()),
        "description": employer.description
        or gettext("%(name)s, %(kind)s.")
        % {"name": employer.name, "kind": employer.get_kind_display()},
        "address": [place["address"] for place in places],
        "location": places,
    }
    return data
