"""
What the trainings app hands to other apps' pages: a career page lists its featured
trainings through `{% featured_trainings career %}`, so careers never imports trainings.
"""

from django import template

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
