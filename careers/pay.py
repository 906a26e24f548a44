"""
Which BLS pay figures (the `wages` app) a careers page shows for its roles: a role's SOC
codes (its primary `soc_code` first, then those of its `occupations`), their rows for New
York State or for every New York area, each in one query, newest release only.
"""

from content.text import normalise
from wages.areas import STATE_AREA_CODE
from wages.models import Area, Wage, newest_release_only, normalise_soc, top_codes_of

AREA_KIND_ORDER = {Area.Kind.STATE: 0, Area.Kind.METROPOLITAN: 1, Area.Kind.NONMETROPOLITAN: 2}


def _code(value):
    try:
        return normalise_soc(value)
    except ValueError:
        return None


def primary_code(role):
    return _code(role.soc_code)


def role_codes(role):
    """The role's SOC codes, primary first (needs `occupations` prefetched)."""
    codes = [primary_code(role)] + [_code(o.soc_code) for o in role.occupations.all()]
    return list(dict.fromkeys(code for code in codes if code))


def bls_has_no_such_occupation(role):
    """True unless one of the role's BLS occupations carries the role's own name."""
    name = normalise(role.name).removesuffix("s")
    return all(normalise(o.soc_title).removesuffix("s") != name for o in role.occupations.all())


def _newest_by(wages, key):
    groups = {}
    for wage in wages:
        groups.setdefault(key(wage), []).append(wage)
    return {k: row for k, rows in groups.items() for row in newest_release_only(rows)}


def state_wages(codes):
    """{soc_code: Wage} for New York State, in one query."""
    if not codes:
        return {}
    rows = (
        Wage.objects.filter(soc_code__in=codes, area__code=STATE_AREA_CODE)
        .select_related("area")
        .with_top_code()
    )
    return _newest_by(rows, lambda w: w.soc_code)


def wages_by_area(codes):
    """{(soc_code, area_id): Wage} for every area, in one query."""
    if not codes:
        return {}
    rows = Wage.objects.filter(soc_code__in=codes).select_related("area").with_top_code()
    return _newest_by(rows, lambda w: (w.soc_code, w.area_id))


def areas():
    """Every BLS area held, state first, then metro, then nonmetro areas, by name."""
    return sorted(Area.objects.all(), key=lambda a: (AREA_KIND_ORDER.get(a.kind, 9), a.name))


def top_codes(wages):
    """The top-code thresholds of the rows' releases, read with the rows (no query)."""
    return top_codes_of(wages)
