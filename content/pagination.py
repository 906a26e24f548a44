"""
One way to turn ?page= into a page of results, for every list on the site: a page number
that does not exist is not an error, it gets a plain message and the nearest real page.

A page of a search is one query: the rows of the page and, in each, how many rows match in
all (COUNT(*) OVER ()), where Django's paginator would first count the matches and then
read the page, running the search twice. A page that comes back empty is counted apart, to
find the last real page.

A list that nothing narrows (no search words, no filter) passes `count_apart`: it is
counted by a query of its own, which reads an index, and its page read in the list's
order, which stops at the page's last row, as Django's paginator does. The window would
read and sort every row before cutting the page: the whole trainings list at 100,000
trainings took 95 ms that way, against 9 ms to count and 7 ms for the page.

A list whose first rows can be found without sorting every match passes `first_ids`
(the trainings search near a ZIP code, nearest first, reads them from the trainings of the
nearest providers): its pages up to MAX_COUNTED rows come from those ids, and it is
counted only up to MAX_COUNTED + 1 rows, which a database stops reading at, where the
window reads every match ("More than 1,000 trainings found"). Past MAX_COUNTED rows, or
when `first_ids` cannot tell, the page comes from the window as below.

A search that matches thousands of rows passes `rows`: that query then reads only the ids
(with what the order needs), and `rows(ids)` reads the page's rows by id. The window that
counts the matches keeps every matching row until the page is cut from them, so on wide
rows it cost more than the search itself (a trainings search matching 3,100 of the make
bench database's 10,000: 42 ms, and about 22 ms reading ids only). On PostgreSQL that
query computes the order's values below the window (_ids_and_total).
"""

from django import forms
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import Count, F, OrderBy, QuerySet, Window
from django.utils.translation import gettext, ngettext

TOTAL = "pagination_total"
# A page number beyond this is answered by counting first: its offset may be too large for
# the database to take.
MAX_PAGE_IN_ONE_QUERY = 100_000
# A list that passes `first_ids` is counted up to this many rows, and one more to tell that
# there are more (the paginator's `more_than`).
MAX_COUNTED = 1_000


class PageForm(forms.Form):
    page = forms.IntegerField(required=False)


def paginate(request, object_list, per_page, *, rows=None, count_apart=False, first_ids=None):
    """
    (page, notice): the page ?page= asks for, or the nearest real one with a notice saying
    why; the notice is "" when the page asked for exists. The page links keep the other
    parameters through templates/includes/_pagination.html.

    `rows(ids)`, for a queryset: the rows to show for those ids, in any order (the page
    keeps the order of `object_list`); `count_apart`: count with a query of its own (a list
    nothing narrows); `first_ids(top)`: the ids of the list's first `top` rows in order, or
    None when it cannot tell them without sorting every row; see the module's docstring.
    The paginator's `more_than` is MAX_COUNTED when the list was counted only that far and
    holds more, else None.
    """
    paginator = Paginator(object_list, per_page)
    paginator.more_than = None
    form = PageForm(request.GET)
    notice = ""
    if not form.is_valid():
        number = 1
        notice = gettext("That page number is not a whole number, so this is page 1.")
    else:
        number = form.cleaned_data["page"]
        if number is None:
            number = 1
        elif number < 1:
            number = 1
            notice = gettext("Pages start at 1, so this is page 1.")
    page = None
    if first_ids is not None:
        page = _page_from_first_ids(paginator, number, rows, first_ids)
    if page is None and not count_apart:
        page = _page_in_one_query(paginator, number, rows)
    if page is not None:
        return page, notice
    last = paginator.num_pages
    if number > last:
        notice = ngettext(
            "There is only %(count)d page of results, so this is the last one.",
            "There are only %(count)d pages of results, so this is the last one.",
            last,
        ) % {"count": last}
        number = last
    return _page_after_counting(paginator, number, rows), notice


def _page_after_counting(paginator, number, rows=None):
    """Page `number`, an existing page of a list already counted, read in the list's order:
    by id first, when the caller passes `rows`, so a page far down a long list sorts ids,
    not whole rows (page 5,000 of the whole trainings list at 100x: 567 ms whole, 246 by id)."""
    if rows is None or not isinstance(paginator.object_list, QuerySet):
        return paginator.page(number)
    bottom = (number - 1) * paginator.per_page
    ids = list(
        paginator.object_list.values_list("pk", flat=True)[bottom : bottom + paginator.per_page]
    )
    return paginator._get_page(_in_order(ids, rows), number, paginator)


def first_rows(queryset, top, *, first_ids, rows):
    """The first `top` rows of `queryset` (a list): from `first_ids(top)` and `rows(ids)`
    when first_ids can tell them (see paginate), else read in the queryset's order, which
    sorts every match. For a list shown whole and not paged (the guide's trainings)."""
    ids = first_ids(top)
    if ids is None:
        return list(queryset[:top])
    return _in_order(ids, rows)


def _in_order(ids, rows):
    """rows(ids) in the order of `ids`, without a row deleted since its id was read."""
    by_id = {row.pk: row for row in rows(ids)}
    return [by_id[pk] for pk in ids if pk in by_id]


def _page_from_first_ids(paginator, number, rows, first_ids):
    """Page `number` from the ids `first_ids` gives for the rows up to its last, counted up to
    MAX_COUNTED + 1 rows; None when the page ends past MAX_COUNTED rows or `first_ids` cannot
    tell its rows."""
    top = number * paginator.per_page
    if top > MAX_COUNTED or not isinstance(paginator.object_list, QuerySet):
        return None
    ids = first_ids(top)
    if ids is None:
        return None
    queryset = paginator.object_list
    # SELECT COUNT(*) FROM (SELECT id ... LIMIT 1001): it stops at the 1,001st row.
    counted = queryset.order_by().values("pk")[: MAX_COUNTED + 1].count()
    paginator.__dict__["count"] = counted  # Paginator.count is a cached property
    if counted > MAX_COUNTED:
        paginator.more_than = MAX_COUNTED
    read = rows or (lambda page_ids: queryset.filter(pk__in=page_ids))
    page_ids = ids[top - paginator.per_page : top]
    return paginator._get_page(_in_order(page_ids, read), number, paginator)


def _page_in_one_query(paginator, number, rows=None):
    """Page `number` with the paginator's count read from the same query; None when a page
    after the first is empty (the caller counts, to find the last page) or the list cannot
    be counted this way (not a queryset, or DISTINCT, which a window would count before
    removing the duplicates)."""
    queryset = paginator.object_list
    if not isinstance(queryset, QuerySet) or queryset.query.distinct:
        return None
    if number > MAX_PAGE_IN_ONE_QUERY:
        return None  # no list is that long; counting finds the last page
    bottom = (number - 1) * paginator.per_page
    top = bottom + paginator.per_page
    counted = queryset.annotate(**{TOTAL: Window(Count("*"))})
    if rows is None:
        found = list(counted[bottom:top])
        total = getattr(found[0], TOTAL) if found else 0
    else:
        ids = _ids_and_total(queryset, bottom, top)
        total = ids[0][1] if ids else 0
        found = _in_order([pk for pk, _total in ids], rows)
    if not found and number > 1:
        return None
    # Paginator.count is a cached property: this is the count it would have queried.
    paginator.__dict__["count"] = total
    return paginator._get_page(found, number, paginator)


def _ids_and_total(queryset, bottom, top):
    """[(pk, how many rows in all)] of the rows bottom to top of `queryset`, in its order.

    On PostgreSQL the window that counts the rows keeps every row until the last one is
    read, and PostgreSQL computes the ORDER BY's expressions only after the window: so the
    window kept each row with what those expressions read, for a trainings search the whole
    text-search document of every match (about 4 MB for 5,000 matches, written to disk past
    `work_mem`), to rank them afterwards. Here the order's values are computed in a
    subquery that PostgreSQL cannot merge into the outer query (OFFSET 0), and the window
    keeps those values only. Elsewhere (SQLite) one query as Django writes it."""
    connection = connections[queryset.db]
    if connection.vendor != "postgresql":
        counted = queryset.annotate(**{TOTAL: Window(Count("*"))})
        return list(counted.values_list("pk", TOTAL)[bottom:top])
    quote = connection.ops.quote_name
    values, order = {"pagination_id": F("pk")}, []
    query = queryset.query
    ordering = query.order_by or (queryset.model._meta.ordering if query.default_ordering else ())
    for n, item in enumerate(ordering):
        if isinstance(item, str):
            item = F(item[1:]).desc() if item.startswith("-") else F(item).asc()
        elif not isinstance(item, OrderBy):
            item = item.asc()
        name = f"pagination_order_{n}"
        values[name] = item.expression
        nulls = " NULLS LAST" if item.nulls_last else " NULLS FIRST" if item.nulls_first else ""
        order.append(f"{quote(name)} {'DESC' if item.descending else 'ASC'}{nulls}")
    inner = queryset.order_by().annotate(**values).values_list(*values)
    try:
        sql, params = inner.query.sql_with_params()
    except EmptyResultSet:  # .none(): nothing searchable was typed
        return []
    order_by = f" ORDER BY {', '.join(order)}" if order else ""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {quote('pagination_id')}, COUNT(*) OVER () AS {quote(TOTAL)} "
            f"FROM ({sql} OFFSET 0) "
            f"{quote('pagination_page')}{order_by} LIMIT %s OFFSET %s",
            (*params, top - bottom, bottom),
        )
        return cursor.fetchall()
