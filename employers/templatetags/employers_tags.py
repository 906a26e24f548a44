"""
`{% employer_card employer searched_near %}`, the one way the employers search shows an
employer: rendered once per content version, language, employer and nearest location, then
reused by every search that lists them, with only this search's distance and count of
other locations written in (as trainings' `{% training_card %}` does).
"""

from django import template
from django.template.defaultfilters import floatformat
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext

from content.pagecache import cached_template

register = template.Library()

# Where a card's search-dependent words go.
DISTANCE_MARK = "<!--employer-distance-->"
OTHERS_MARK = "<!--employer-others-->"


@register.simple_tag
def employer_card(employer, searched_near=False):
    """An employer in the results (employers/_employer_card.html): its name, kind and the
    first of `employer.matching_locations` (EmployerQuerySet.search), with, near a ZIP code
    (`searched_near`), its distance; and how many more of its locations match."""
    locations = employer.matching_locations
    nearest = locations[0] if locations else None
    name = f"employers:card:{employer.pk}:{nearest.pk if nearest else 0}:{int(bool(searched_near))}"
    context = {
        "employer": employer,
        "nearest": nearest,
        "searched_near": searched_near,
        "distance_mark": DISTANCE_MARK,
        "others_mark": OTHERS_MARK,
    }
    fill = {OTHERS_MARK: ""}
    if searched_near:
        fill[DISTANCE_MARK] = gettext("%(distance)s miles away:") % {
            "distance": floatformat(employer.distance, 1)
        }
    others = len(locations) - 1
    if others > 0:
        if searched_near:
            text = ngettext(
                "(and %(others)s more location in range)",
                "(and %(others)s more locations in range)",
                others,
            )
        else:
            text = ngettext(
                "(and %(others)s more location)", "(and %(others)s more locations)", others
            )
        fill[OTHERS_MARK] = format_html('<span class="muted">{}</span>', text % {"others": others})
    return cached_template(name, "employers/_employer_card.html", context, fill)
