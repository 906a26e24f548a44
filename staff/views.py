"""The "Needs review" admin page (wrapped with admin.site.admin_view in config/urls.py)."""

from collections import defaultdict

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from content import review
from content.pagination import paginate

SORT_CHOICES = [
    ("date", "Date, oldest first"),
    ("-date", "Date, newest first"),
    ("type", "Type, A to Z"),
    ("-type", "Type, Z to A"),
    ("name", "Name, A to Z"),
    ("-name", "Name, Z to A"),
]
PER_PAGE = 100


class SortForm(forms.Form):
    sort = forms.ChoiceField(choices=SORT_CHOICES, required=False, label="Sort by")


class MarkVerifiedForm(forms.Form):
    selected = forms.MultipleChoiceField(
        choices=[], error_messages={"required": "Choose at least one item to mark as verified."}
    )

    def __init__(self, *args, allowed, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["selected"].choices = [(v, v) for v in allowed]
        self.fields["selected"].error_messages["invalid_choice"] = (
            "One of the chosen items no longer needs review or no longer exists. "
            "Nothing was changed; check the list and try again."
        )

    def by_kind(self):
        grouped = defaultdict(list)
        for value in self.cleaned_data["selected"]:
            key, pk = value.split(":")
            grouped[review.by_key(key)].append(int(pk))
        return grouped


@require_http_methods(["GET", "POST"])
def needs_review(request):
    items = review.stale_items(request.user)
    if request.method == "POST":
        return _mark_verified(request, items)

    form = SortForm(request.GET)
    sort = "date"
    if form.is_valid():
        sort = form.cleaned_data["sort"] or "date"
    else:
        messages.warning(request, "That sort order is not available; showing oldest first.")
    items = review.sort_items(items, sort)
    page, page_notice = paginate(request, items, PER_PAGE)
    if page_notice:
        messages.warning(request, page_notice)
    context = {
        **admin.site.each_context(request),
        "title": "Needs review",
        "subtitle": None,
        "page_obj": page,
        "items": page.object_list,
        "total": len(items),
        "sort": sort,
        "sort_links": _sort_links(sort),
        "review_after_days": settings.REVIEW_AFTER_DAYS,
        "cutoff": review.cutoff(),
        "types": [m.type_label.lower() + "s" for m in review.visible_models(request.user)],
    }
    return render(request, "staff/needs_review.html", context)


def _sort_links(current):
    """For each column: the sort its header link sets (toggle when already sorted by it)."""
    links = {}
    for column in ("date", "type", "name"):
        links[column] = f"-{column}" if current == column else column
    return links


def _mark_verified(request, items):
    url = reverse("staff_needs_review")
    form = MarkVerifiedForm(request.POST, allowed=[item.value for item in items])
    if not form.is_valid():
        for error in form.errors["selected"]:
            messages.error(request, error)
        return HttpResponseRedirect(url)
    grouped = form.by_kind()
    refused = [
        str(kind.model._meta.verbose_name_plural)
        for kind in grouped
        if not request.user.has_perm(kind.perm("change"))
    ]
    if refused:
        messages.error(
            request,
            f"You do not have permission to change {', '.join(refused)}. Nothing was marked.",
        )
        return HttpResponseRedirect(url)
    count = review.mark_verified(grouped)
    messages.success(request, f"{count} item{'s' if count != 1 else ''} marked as verified today.")
    return HttpResponseRedirect(url)
