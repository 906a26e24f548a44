"""
The visitor's IP address, for the two things that count per visitor: django-axes' sign-in
lockout and the consent rate limit (consent.views), both through axes'
`get_client_ip_address`, which calls this (settings.AXES_CLIENT_IP_CALLABLE).

Without a proxy it is REMOTE_ADDR. Behind `PROXY_COUNT` trusted proxies (nginx:
deploy/nginx.conf, one), REMOTE_ADDR is the nearest proxy, and the visitor is the address
the outermost proxy received the request from: each proxy appends the address it saw to
X-Forwarded-For, so that is the PROXY_COUNT-th entry from the right. Entries further left
are whatever the client sent and can be forged; they are never used. A header with fewer
entries than that, or an entry that is not an IP address, falls back to REMOTE_ADDR.

django-axes would do this with django-ipware, which the project does not install; without
it axes' proxy settings did nothing, and every visitor behind nginx counted as nginx.
"""

import ipaddress

from django.conf import settings


def client_ip(request):
    remote = request.META.get("REMOTE_ADDR") or None
    count = settings.PROXY_COUNT
    if count < 1:
        return remote
    header = request.META.get("HTTP_X_FORWARDED_FOR", "")
    entries = [entry.strip() for entry in header.split(",")]
    if len(entries) < count or not entries[-count]:
        return remote
    try:
        return str(ipaddress.ip_address(entries[-count]))
    except ValueError:
        return remote
