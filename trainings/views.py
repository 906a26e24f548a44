"""
Pages of the trainings app: search and filter (/trainings/), one training, compare up
to three, and the guide ("Not sure what training program is best for you?").
"""

from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext
from django.views.decorators.http import require_safe

from content.jsonld import ld_json
from content.pagecache import cache_public_page
from content.pagination import paginate
from content.site import absolute_url
from trainings.filters import TrainingFilter
from trainings.forms import MAX_COMPARE, CompareForm, GuideForm
from trainings.guide import HSE_URL, advise
from trainings.jsonld import training_data
from trainings.models import Training, role_model

PER_PAGE = 20


def querystring_without(query_dict, *names):
    query = query_dict.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()


def active_filters(filterset, request):
    """(label, value shown, link without it) for each filter in use: the "widen" links."""
    active = []
    for name, bound in filterset.form.cleaned_data.items():
        if name in ("sort",) or bound in (None, "", False, []):
            continue
        field = filterset.form.fields[name]
        value = bound
        choices = dict(_flat_choices(getattr(field, "choices", ())))
        if isinstance(bound, list | tuple):
            value = ", ".join(str(choices.get(str(v), v)) for v in bound)
        else:
            value = choices.get(str(bound), bound) if choices else bound
        if name in ("free", "hide_online"):
            value = gettext("yes")
        removing = (name, "miles") if name == "zip" else (name,)
        active.append((field.label, value, querystring_without(request.GET, "page", *removing)))
    return active


def _flat_choices(choices):
    for key, label in choices:
        if isinstance(label, list | tuple):
            yield from _flat_choices(label)
        else:
            yield str(key), label


@require_safe
def training_list(request):
    filterset = TrainingFilter(request.GET, queryset=Training.objects.published().for_listing())
    context = {
        "filter": filterset,
        "form": filterset.form,
        # Uncalled: the map is a cached fragment, counted only when it is rendered afresh.
        "county_counts": Training.objects.published().counts_by_county,
    }
    status = 200
    if filterset.is_valid():
        active = active_filters(filterset, request)
        page_obj, page_notice = paginate(
            request,
            filterset.qs,
            PER_PAGE,
            rows=filterset.page_rows,
            count_apart=not active,
            first_ids=filterset.first_ids,
        )
        context.update(
            page_obj=page_obj,
            trainings=page_obj.object_list,
            notices=[*filterset.notices, page_notice] if page_notice else filterset.notices,
            active_filters=active,
            searched=bool(filterset.form.cleaned_data.get("q")),
            distance_shown=filterset.form.point is not None,
            nearest_first=filterset.nearest_first,
            radius=filterset.radius,
            nearest=filterset.nearest_beyond_reach(
                page_obj.object_list if page_obj.number == 1 else None
            ),
        )
        context["results_first"] = bool(context["active_filters"])
    else:
        status = 400
    return render(request, "trainings/training_list.html", context, status=status)


@cache_public_page
def training_detail(request, slug):
    training = get_object_or_404(
        Training.objects.visible_to(request.user)
        .select_related("provider")
        .prefetch_related("roles__career", "careers"),
        slug=slug,
    )
    page_url = absolute_url(request, training.get_absolute_url())
    context = {
        "training": training,
        "ld_json": ld_json(training_data(training, page_url=page_url)),
    }
    return render(request, "trainings/training_detail.html", context)


@require_safe
def training_compare(request):
    form = CompareForm(request.GET)
    trainings, missing, status = [], [], 200
    if form.is_valid():
        wanted = form.cleaned_data["ids"]
        ids = [int(v) for v in wanted if v.isdigit() and len(v) < 12]
        slugs = [v for v in wanted if not v.isdigit()]
        # Nothing chosen (the page explains how to choose): no query to build.
        found = wanted and list(
            Training.objects.published()
            .filter(Q(pk__in=ids) | Q(slug__in=slugs))
            .select_related("provider")
            .prefetch_related("roles")
        )
        by_key = {}
        for training in found:
            by_key[str(training.pk)] = training
            by_key[training.slug] = training
        for value in wanted:
            training = by_key.get(value)
            if training is None:
                missing.append(value)
            elif training not in trainings:
                trainings.append(training)
    else:
        status = 400
    context = {
        "form": form,
        "trainings": trainings,
        "missing": missing,
        "max_compare": MAX_COMPARE,
    }
    return render(request, "trainings/training_compare.html", context, status=status)


@require_safe
def training_guide(request):
    roles = list(
        role_model()
        .objects.published()
        .select_related("career")
        .prefetch_related("education")
        .order_by("career__order", "order", "name")
    )
    role_choices = [(role.slug, role.name) for role in roles]
    answered = any(name in request.GET for name in GuideForm.base_fields)
    form = GuideForm(request.GET if answered else None, role_choices=role_choices)
    result = None
    status = 200
    if form.is_bound:
        if form.is_valid():
            data = form.cleaned_data
            result = advise(
                roles=roles,
                have=data["have"],
                want=data["want"],
                delivery=data["delivery"],
                schedule=data["schedule"],
                budget=data["budget"],
                zip_code=data["zip"],
                miles=data["miles"],
            )
        else:
            status = 400
    context = {"form": form, "result": result, "hse_url": HSE_URL}
    return render(request, "trainings/training_guide.html", context, status=status)
