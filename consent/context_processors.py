"""`consent` in every template: {% if consent.analytics %} or {{ consent.show_banner }}."""


def consent(request):
    return {"consent": getattr(request, "consent", None)}
