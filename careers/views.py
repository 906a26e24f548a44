"""
Pages of the careers app: the start page, the list of careers with the job-title finder,
a career, a role, a role's pay in every New York area, and the compare table. Each page
runs a fixed number of queries whatever the amount of data (Prefetch objects, through-table
reads grouped in Python). Drafts are 404 for the public; staff see them with the draft bar.
Pay figures are BLS's, from the `wages` app (careers/pay.py picks the rows).
"""

import hashlib
from collections import OrderedDict

from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from careers import pay
from careers.forms import PayAreaForm, TitleSearchForm
from careers.models import (
    Career,
    CareerStep,
    Duty,
    JobTitle,
    Role,
    WorkSetting,
)
from careers.search import find_titles
from content.jsonld import ld_json
from content.models import may_preview
from content.pagecache import cache_public_page, cached_for_content, cached_fragment
from content.site import absolute_url
from wages.areas import STATE_AREA_CODE, locate_zip

MAX_TITLE_RESULTS = 20
# What a title finder result reads of a title: the title, the columns it is grouped by, its
# role's id (the roles themselves come from _finder_roles()) and where the title was seen.
TITLE_COLUMNS = (
    "title",
    "search_text",
    "search_text_es",
    "role_id",
    "source_name",
    "source_url",
    "checked_on",
)


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
    matches, exact = None, True
    if form.is_bound and form.is_valid() and form.cleaned_data["q"]:
        role_links = cached_for_content("careers:title-finder-roles", _finder_roles)
        finding = find_titles(
            JobTitle.objects.filter(role__in=list(role_links)).only(*TITLE_COLUMNS),
            form.cleaned_data["q"],
            first=MAX_TITLE_RESULTS * 2,
        )
        matches = _group_titles(finding.rows or (), role_links)
        exact = finding.exact
    return render(
        request,
        "careers/career_list.html",
        {
            # Read only when the list is drawn anew (a kept fragment, content.pagecache) or a
            # search finds nothing (the page then points to the list).
            "careers": careers,
            "form": form,
            "matches": matches,
            "exact": exact,
            "searched": form.is_bound,
        },
    )


def _finder_roles():
    """{id: link} of the published roles: the markup a title finder result shows for a role
    (careers/_role_link.html). Rendered once per content version and language
    (content.pagecache.cached_for_content), instead of reading each role with every title a
    search reads and drawing its link for every result."""
    roles = Role.objects.published().select_related("career")
    return {
        role.pk: mark_safe(render_to_string("careers/_role_link.html", {"role": role}).strip())
        for role in roles.only("slug", "name", "short_name", "career__slug")
    }


def _group_titles(titles, role_links):
    """One entry per distinct title (accent/case-insensitive, in the page's language), with
    the link of every role it names (`role_links`, by role id); `row` is the title itself,
    to print it ({{ match.row|tr:"title" }}); `sources`, the source line of each different
    page it was seen on."""
    spanish = get_language() == "es"
    grouped = OrderedDict()
    for title in titles:
        key = (title.search_text_es if spanish else "") or title.search_text
        entry = grouped.setdefault(
            key, {"title": title.title, "row": title, "role_links": {}, "sources": {}}
        )
        entry["role_links"].setdefault(title.role_id, role_links[title.role_id])
        source = (title.source_url, title.source_name)
        if source not in entry["sources"]:
            entry["sources"][source] = _source_line(title)
    return list(grouped.values())[:MAX_TITLE_RESULTS]


def _source_line(title):
    """includes/_source.html for a job title's source, rendered once per content version,
    language and source (content.pagecache.cached_fragment): titles share a few sources
    (16 among make bench's 5,000), and twenty source lines through the template on every
    search were nearly half of the finder's template time (make bench: 1.85 -> 3.20 ms)."""
    source = (title.source_url, title.source_name, str(title.checked_on))
    digest = hashlib.blake2b(repr(source).encode(), digest_size=12).hexdigest()
    return cached_fragment(
        f"careers:title-source:{digest}",
        lambda: render_to_string("includes/_source.html", {"item": title}),
    )


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
    # One list for every role (a setting two roles share is listed once, with its roles).
    settings = OrderedDict()
    for role_id in role_ids:
        for setting in settings_by_role.get(role_id, []):
            setting = settings.setdefault(setting.pk, setting)
            setting.__dict__.setdefault("role_ids", []).append(role_id)
    settings = sorted(settings.values(), key=lambda s: (s.order, s.name))
    top_codes = _attach_state_wages(roles)
    return render(
        request,
        "careers/career_detail.html",
        {
            "career": career,
            "roles": roles,
            "top_codes": top_codes,
            "chart_wages": _chart_wages(roles),
            "shared_duties": [d for d in duties if d.kind == Duty.Kind.RESPONSIBILITY],
            "functions": [d for d in duties if d.kind == Duty.Kind.FUNCTION],
            "settings": settings,
            "fits": list(career.fits.all()),
            "is_draft": not career.is_published,
        },
    )


def _chart_wages(roles):
    """Each role's New York State row once (two roles may share an occupation code)."""
    return list({role.state_wage.pk: role.state_wage for role in roles if role.state_wage}.values())


def _attach_state_wages(roles):
    """Set `role.state_wage` (its primary SOC code in New York State, or None): two queries."""
    wages = pay.state_wages({pay.primary_code(role) for role in roles} - {None})
    for role in roles:
        role.state_wage = wages.get(pay.primary_code(role))
    return pay.top_codes(wages.values())


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
        .with_occupations()
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
    codes = pay.role_codes(role)
    by_code = pay.state_wages(codes)
    state_wages = [by_code[code] for code in codes if code in by_code]
    role.state_wage = by_code.get(pay.primary_code(role))
    top_codes = pay.top_codes(state_wages)
    return render(
        request,
        "careers/role_detail.html",
        {
            "career": career,
            "role": role,
            "state_wages": state_wages,
            "top_codes": top_codes,
            "no_such_occupation": pay.bls_has_no_such_occupation(role),
            "pay_form": PayAreaForm(),
            "responsibilities": [d for d in duties if d.kind == Duty.Kind.RESPONSIBILITY],
            "functions": [d for d in duties if d.kind == Duty.Kind.FUNCTION],
            "steps_out": [s for s in steps if s.from_role_id == role.pk],
            "steps_in": [s for s in steps if s.to_role_id == role.pk],
            "ld_json": ld_json(occupation_ld(request, role, role.state_wage)),
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
    top_codes = _attach_state_wages(roles)
    # Settings every role shares are one list, not the same list in each column.
    setting_sets = [{s.pk for s in role.settings.all()} for role in roles]
    shared_ids = set.intersection(*setting_sets) if len(roles) > 1 else set()
    shared_settings = [s for s in roles[0].settings.all() if s.pk in shared_ids] if roles else []
    for role in roles:
        role.own_settings = [s for s in role.settings.all() if s.pk not in shared_ids]
    chart_wages = _chart_wages(roles)
    return render(
        request,
        "careers/career_compare.html",
        {
            "career": career,
            "roles": roles,
            "top_codes": top_codes,
            "chart_wages": chart_wages,
            "shared_settings": shared_settings,
            "is_draft": not career.is_published,
        },
    )


def _get_role(request, career, role):
    """A role with its career and its BLS occupations, in two queries; 404 if not visible."""
    found = (
        Role.objects.visible_to(request.user)
        .select_related("career")
        .filter(career__slug=career, slug=role)
        .with_occupations()
        .first()
    )
    if found is None:
        raise Http404("No such role.")
    return found


@cache_public_page
def role_pay(request, career, role):
    """A role's BLS pay in every New York area, and in the visitor's area (?zip= or ?area=)."""
    role = _get_role(request, career, role)
    career = role.career
    areas = pay.areas()
    by_code = {area.code: area for area in areas}
    form = PayAreaForm(request.GET or None, area_codes=by_code)
    chosen, place, outside = None, None, False
    if form.is_bound and form.is_valid():
        if form.cleaned_data["zip"]:
            place = locate_zip(form.cleaned_data["zip"])
            if not place.in_new_york:
                outside = True
            else:
                chosen = place.area or by_code.get(STATE_AREA_CODE)
        elif form.cleaned_data["area"]:
            chosen = by_code[form.cleaned_data["area"]]

    codes = pay.role_codes(role)
    wages = pay.wages_by_area(codes)
    top_codes = pay.top_codes(wages.values())
    titles = {o.soc_code: o.soc_title for o in role.occupations.all()}
    titles.update({w.soc_code: w.soc_title for w in wages.values()})
    occupations = []
    for code in codes:
        rows = [(area, wages.get((code, area.pk))) for area in areas]
        title = titles.get(code) or role.soc_title or code
        occupations.append(
            {
                "code": code,
                "title": title,
                "chart_caption": gettext("%(occupation)s: yearly pay by area")
                % {"occupation": title},
                "chosen_heading": (
                    gettext("%(occupation)s in %(area)s")
                    % {"occupation": title, "area": chosen.name_in_sentence}
                    if chosen
                    else ""
                ),
                "rows": rows,
                "chart_wages": [wage for _area, wage in rows if wage],
                "chosen_wage": wages.get((code, chosen.pk)) if chosen else None,
            }
        )
    return render(
        request,
        "careers/role_pay.html",
        {
            "career": career,
            "role": role,
            "form": form,
            "chosen": chosen,
            "place": place,
            "outside": outside,
            "occupations": occupations,
            "top_codes": top_codes,
            "no_such_occupation": pay.bls_has_no_such_occupation(role),
            "is_draft": not (career.is_published and role.is_published),
        },
        status=400 if form.errors else 200,
    )


SOC_CODE_SET = {
    "@type": "CategoryCodeSet",
    "name": "Standard Occupational Classification (SOC) 2018",
    "url": "https://www.bls.gov/soc/2018/",
}
LD_PERCENTILES = [
    ("percentile10", "annual_p10"),
    ("percentile25", "annual_p25"),
    ("median", "annual_median"),
    ("percentile75", "annual_p75"),
    ("percentile90", "annual_p90"),
]


def salary_ld(wage):
    """schema.org MonetaryAmountDistribution of a Wage row's yearly pay (flags left out)."""
    data = {
        "@type": "MonetaryAmountDistribution",
        "name": (
            f"{wage.soc_title} (SOC {wage.soc_code}), {wage.area.display_name}: "
            f"U.S. Bureau of Labor Statistics, OEWS, {wage.release}"
        ),
        "currency": "USD",
        "duration": "P1Y",
    }
    for key, field in LD_PERCENTILES:
        value = getattr(wage, field)
        if value is not None:
            data[key] = float(value)
    return data


def occupation_ld(request, role, wage=None):
    """
    schema.org Occupation for a role page (https://schema.org/Occupation): the BLS
    occupations its figures come from, and the yearly pay of the primary one in New York
    State (the figures of the page's quick facts).
    """
    url = absolute_url(request, role.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": role.name,
        "description": role.definition,
        "url": url,
        "occupationLocation": {"@type": "State", "name": "New York"},
    }
    titles = {o.soc_code: o.soc_title for o in role.occupations.all()}
    if pay.primary_code(role):
        titles.setdefault(pay.primary_code(role), role.soc_title)
    codes = pay.role_codes(role)
    if codes:
        data["occupationalCategory"] = [
            {
                "@type": "CategoryCode",
                "codeValue": code,
                "name": titles.get(code) or code,
                "inCodeSet": SOC_CODE_SET,
            }
            for code in codes
        ]
    education = list(role.education.all())
    if education:
        data["educationRequirements"] = [
            {
                "@type": "EducationalOccupationalCredential",
                "credentialCategory": item.get_level_display(),
                "description": "; ".join(
                    filter(
                        None,
                        [
                            gettext("Typical, but not always required") if item.typical else "",
                            item.note,
                        ],
                    )
                ),
            }
            for item in education
        ]
    if wage is not None:
        data["estimatedSalary"] = [salary_ld(wage)]
    duties = [d.text for d in role.duties.all() if d.kind == Duty.Kind.RESPONSIBILITY]
    if duties:
        data["responsibilities"] = duties
    titles = [t.title for t in role.titles_shown]
    if titles:
        data["alternateName"] = titles
    return data
