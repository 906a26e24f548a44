"""
Pages of the careers app: the start page, the list of careers with the job-title finder,
a career, a role and the compare table. Each page runs a fixed number of queries
whatever the amount of data (Prefetch objects, through-table reads grouped in Python).
Drafts are 404 for the public; staff see them with the draft bar.
"""

from collections import OrderedDict

from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import render

from careers.forms import TitleSearchForm
from careers.models import (
    Career,
    CareerStep,
    Duty,
    JobTitle,
    PayRange,
    Role,
    WorkSetting,
)
from content.jsonld import ld_json
from content.models import may_preview
from content.pagecache import cache_public_page
from content.site import absolute_url

MAX_TITLE_RESULTS = 20


def _get_career(request, slug):
    career = Career.objects.visible_to(request.user).filter(slug=slug).first()
    if career is None:
        raise Http404("No such career.")
    return career


def _roles(request, career, *prefetches):
    roles = career.roles.visible_to(request.user).with_titles_education_and_pay()
    return list(roles.prefetch_related(*prefetches))


@cache_public_page
def home(request):
    """Start page: "Select what you want to do"."""
    careers = list(Career.objects.published().only("slug", "title", "summary"))
    return render(
        request,
        "careers/home.html",
        {"careers": careers, "first_career": careers[0] if careers else None},
    )


@cache_public_page
def career_list(request):
    """All published careers, and the job-title finder."""
    careers = Career.objects.published().prefetch_related(
        Prefetch(
            "roles",
            queryset=Role.objects.published().only(
                "career_id", "slug", "name", "short_name", "order"
            ),
            to_attr="published_roles",
        )
    )
    form = TitleSearchForm(request.GET or None)
    matches = None
    if form.is_bound and form.is_valid() and form.cleaned_data["q"]:
        titles = (
            JobTitle.objects.filter(role__in=Role.objects.published())
            .search(form.cleaned_data["q"])
            .select_related("role__career")[: MAX_TITLE_RESULTS * 2]
        )
        matches = _group_titles(titles)
    return render(
        request,
        "careers/career_list.html",
        {
            "careers": list(careers),
            "form": form,
            "matches": matches,
            "searched": form.is_bound,
        },
    )


def _group_titles(titles):
    """One entry per distinct title (accent/case-insensitive), with every role it names."""
    grouped = OrderedDict()
    for title in titles:
        entry = grouped.setdefault(title.search_text, {"title": title.title, "roles": []})
        if title.role not in entry["roles"]:
            entry["roles"].append(title.role)
    return list(grouped.values())[:MAX_TITLE_RESULTS]


def _through_by_role(through, role_ids, related):
    """{role_id: [related rows]} from an M2M through table, in one query."""
    rows = (
        through.objects.filter(role_id__in=role_ids)
        .select_related(related)
        .order_by(f"{related}__order", f"{related}_id")
    )
    by_role = {}
    for row in rows:
        by_role.setdefault(row.role_id, []).append(getattr(row, related))
    return by_role


@cache_public_page
def career_detail(request, career):
    career = _get_career(request, career)
    roles = _roles(request, career)
    role_ids = [role.pk for role in roles]
    duties = _duties_for(role_ids)
    settings_by_role = _through_by_role(WorkSetting.roles.through, role_ids, "worksetting")
    settings = list(
        OrderedDict(
            (setting.pk, setting)
            for role_id in role_ids
            for setting in settings_by_role.get(role_id, [])
        ).values()
    )
    settings.sort(key=lambda s: (s.order, s.name))
    return render(
        request,
        "careers/career_detail.html",
        {
            "career": career,
            "roles": roles,
            "shared_duties": [d for d in duties if d.kind == Duty.Kind.RESPONSIBILITY],
            "functions": [d for d in duties if d.kind == Duty.Kind.FUNCTION],
            "settings": settings,
            "is_draft": not career.is_published,
        },
    )


def _duties_for(role_ids):
    """Duties of these roles, each with `.role_ids`, in one query."""
    rows = (
        Duty.roles.through.objects.filter(role_id__in=role_ids)
        .select_related("duty")
        .order_by("duty__kind", "duty__order", "duty_id")
    )
    duties = OrderedDict()
    for row in rows:
        duty = duties.setdefault(row.duty_id, row.duty)
        duty.__dict__.setdefault("role_ids", []).append(row.role_id)
    return list(duties.values())


@cache_public_page
def role_detail(request, career, role):
    # The role and its career in one query; the public needs both published.
    roles = (
        Role.objects.visible_to(request.user)
        .select_related("career")
        .filter(career__slug=career, slug=role)
    )
    role = (
        roles.with_titles_education_and_pay()
        .prefetch_related(
            Prefetch("duties", queryset=Duty.objects.order_by("kind", "order", "pk")),
            Prefetch("settings", queryset=WorkSetting.objects.order_by("order", "name")),
            "certifications",
        )
        .first()
    )
    if role is None:
        raise Http404("No such role.")
    career = role.career
    steps = list(
        CareerStep.objects.filter(Q(from_role=role) | Q(to_role=role)).select_related(
            "from_role__career", "to_role__career"
        )
    )
    if not may_preview(request.user, Role):
        steps = [s for s in steps if s.from_role.public_url and s.to_role.public_url]
    duties = list(role.duties.all())
    return render(
        request,
        "careers/role_detail.html",
        {
            "career": career,
            "role": role,
            "responsibilities": [d for d in duties if d.kind == Duty.Kind.RESPONSIBILITY],
            "functions": [d for d in duties if d.kind == Duty.Kind.FUNCTION],
            "steps_out": [s for s in steps if s.from_role_id == role.pk],
            "steps_in": [s for s in steps if s.to_role_id == role.pk],
            "ld_json": ld_json(occupation_ld(request, role)),
            "is_draft": not (career.is_published and role.is_published),
        },
    )


@cache_public_page
def career_compare(request, career):
    career = _get_career(request, career)
    roles = _roles(
        request,
        career,
        Prefetch("settings", queryset=WorkSetting.objects.order_by("order", "name")),
        "certifications",
    )
    return render(
        request,
        "careers/career_compare.html",
        {"career": career, "roles": roles, "is_draft": not career.is_published},
    )


UNIT_DURATION = {PayRange.Unit.HOURLY: "P1H", PayRange.Unit.ANNUAL: "P1Y"}


def occupation_ld(request, role):
    """schema.org Occupation for a role page (https://schema.org/Occupation)."""
    url = absolute_url(request, role.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": role.name,
        "description": role.definition,
        "url": url,
        "occupationLocation": {"@type": "State", "name": "New York"},
    }
    if role.soc_code:
        data["occupationalCategory"] = {
            "@type": "CategoryCode",
            "codeValue": role.soc_code,
            "name": role.soc_title or role.soc_code,
            "inCodeSet": {
                "@type": "CategoryCodeSet",
                "name": "Standard Occupational Classification (SOC) 2018",
                "url": "https://www.bls.gov/soc/2018/",
            },
        }
    education = list(role.education.all())
    if education:
        data["educationRequirements"] = [
            {
                "@type": "EducationalOccupationalCredential",
                "credentialCategory": item.get_level_display(),
                "description": "; ".join(
                    filter(
                        None,
                        ["Typical, but not always required" if item.typical else "", item.note],
                    )
                ),
            }
            for item in education
        ]
    pay = list(role.pay_ranges.all())
    if pay:
        data["estimatedSalary"] = [
            {
                "@type": "MonetaryAmountDistribution",
                "name": f"{item.region}, {item.source_year}, source: {item.source_name}",
                "currency": "USD",
                "duration": UNIT_DURATION.get(item.unit, "P1Y"),
                "minValue": float(item.low),
                "maxValue": float(item.high),
            }
            for item in pay
        ]
    duties = [d.text for d in role.duties.all() if d.kind == Duty.Kind.RESPONSIBILITY]
    if duties:
        data["responsibilities"] = duties
    titles = [t.title for t in role.job_titles.all()]
    if titles:
        data["alternateName"] = titles
    return data
