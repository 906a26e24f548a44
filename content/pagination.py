"""
One way to turn ?page= into a page of results, for every list on the site: a page number
that does not exist is not an error, it gets a plain message and the nearest real page.
"""

from django import forms
from django.core.paginator import Paginator
from django.utils.translation import gettext, ngettext


class PageForm(forms.Form):
    page = forms.IntegerField(required=False)


def paginate(request, object_list, per_page):
    """
    (page, notice): the page ?page= asks for, or the nearest real one with a notice saying
    why; the notice is "" when the page asked for exists. The page links keep the other
    parameters through templates/includes/_pagination.html.
    """
    paginator = Paginator(object_list, per_page)
    form = PageForm(request.GET)
    if not form.is_valid():
        return paginator.page(1), gettext(
            "That page number is not a whole number, so this is page 1."
        )
    number = form.cleaned_data["page"]
    if number is None:
        return paginator.page(1), ""
    if number < 1:
        return paginator.page(1), gettext("Pages start at 1, so this is page 1.")
    last = paginator.num_pages
    if number > last:
        notice = ngettext(
            "There is only %(count)d page of results, so this is the last one.",
            "There are only %(count)d pages of results, so this is the last one.",
            last,
        ) % {"count": last}
        return paginator.page(last), notice
    return paginator.page(number), ""
