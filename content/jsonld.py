"""schema.org JSON-LD for <script type="application/ld+json">, shared by every app."""

import json

from django.utils.safestring import mark_safe


def ld_json(data):
    """JSON safe inside a script element: <, > and & are escaped, so data cannot close it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)
