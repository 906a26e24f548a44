"""
Two people on one change form: who else has it open (a soft lock, in the cache), and the
version the form was opened on (an optimistic lock, signed into the form), so a save based
on an outdated version is refused instead of silently undoing the other person's work.
"""

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.utils import timezone

VERSION_FIELD = "_content_version"
_SALT = "content.editing.version"


def sign_version(version):
    return signing.dumps(version, salt=_SALT, compress=True)


def read_version(token):
    """The version a form was opened on, or None when the token is missing or altered."""
    if not token:
        return None
    try:
        return signing.loads(token, salt=_SALT)
    except signing.BadSignature:
        return None


def _key(obj):
    return f"content-editing:{obj._meta.label_lower}:{obj.pk}"


def _name(user):
    return user.get_full_name() or user.get_username()


def _current(entries, now):
    limit = settings.EDITING_NOTICE_SECONDS
    return {uid: e for uid, e in entries.items() if (now - e["opened"]).total_seconds() < limit}


def others_editing(obj, user, *, opening=False):
    """[{"name", "opened", "minutes"}] of the other people who opened obj's change form in the
    last EDITING_NOTICE_SECONDS; with `opening`, note that `user` opens it now."""
    now = timezone.now()
    entries = _current(cache.get(_key(obj)) or {}, now)
    others = [
        {**e, "minutes": int((now - e["opened"]).total_seconds() // 60)}
        for uid, e in entries.items()
        if uid != user.pk
    ]
    if opening:
        entries[user.pk] = {"name": _name(user), "opened": now}
        cache.set(_key(obj), entries, settings.EDITING_NOTICE_SECONDS)
    return sorted(others, key=lambda e: e["opened"])


def stop_editing(obj, user):
    """The user saved: they no longer have the form open."""
    entries = cache.get(_key(obj)) or {}
    if entries.pop(user.pk, None) is not None:
        cache.set(_key(obj), entries, settings.EDITING_NOTICE_SECONDS)
