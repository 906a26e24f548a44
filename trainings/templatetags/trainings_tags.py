"""
What the trainings app hands to other apps' pages: a career page lists its featured
trainings through `{% featured_trainings career %}`, so careers never imports trainings.
And `{% training_card training %}`, the one way a list shows a training.
"""

from django import template
from django.template.defaultfilters import floatformat
from django.utils.translation import gettext

from content.pagecache import cached_template
from trainings.models import Training

register = template.Library()

FEATURED_TRAININGS = 3


@register.inclusion_tag("trainings/_featured_trainings.html")
def featured_trainings(career):
    """Featured, published trainings for this career (one query), and links to search."""
    trainings = list(
        Training.objects.published()
        .filter(featured=True, careers=career)
        .distinct()
        .order_by("pk")[:FEATURED_TRAININGS]
    )
    return {"career": career, "featured_trainings": trainings}


# Where a card's distance goes: the card is the same for every search but for this.
DISTANCE_MARK = "<!--training-distance-->"


@register.simple_tag
def training_card(training, compare=False, distance_shown=False):
    """A training in a list (trainings/_training_card.html): rendered once per content
    version, language and kind of list, then reused by every search that lists it, with
    only this search's distance written in. `compare` adds the compare checkbox;
    `distance_shown` (a search near a ZIP code) the distance, or "Online"."""
    name = f"trainings:card:{training.pk}:{int(bool(compare))}:{int(bool(distance_shown))}"
    context = {
        "training": training,
        "compare": compare,
        "distance_shown": distance_shown,
        "distance_mark": DISTANCE_MARK,
    }
    fill = {}
    if distance_shown:
        distance = getattr(training, "distance", None)
        miles = ""
        if distance is not None:
            miles = gettext("%(distance)s miles") % {"distance": floatformat(distance, 1)}
        fill[DISTANCE_MARK] = miles
    return cached_template(name, "trainings/_training_card.html", context, fill)
