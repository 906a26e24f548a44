"""
Writes of the consent app: recording a decision (the record plus the cookie that carries
it), honouring a GPC signal, publishing a policy revision. Each is one transaction.

Records are proof of what a visitor decided, so only a decision writes one: a GPC signal
is honoured on every request it comes with and is stored with the next decision the
visitor makes, and the same decision sent again (a replayed or double-submitted form:
same consent id, same revision, same choices) is stored once.
"""

import hashlib
import json

from django.db import transaction
from django.db.models import Max, Prefetch
from django.utils import timezone
from django.utils.translation import get_language

from consent import registry as registry_module
from consent.models import (
    Action,
    Category,
    ConsentRecord,
    CookieDeclaration,
    PolicyRevision,
)
from consent.state import ConsentState, CookieStatus, new_consent_id


def consent_give(*, state, action, granted=(), source):
    """
    Record the visitor's decision and return the new state (which the middleware writes to
    the cookie). Accept all grants every optional category; reject all and withdraw grant
    none; a custom choice grants exactly `granted`.
    """
    registry = registry_module.load()
    optional = [c.slug for c in registry.optional]
    if action == Action.ACCEPT_ALL:
        chosen = set(optional)
    elif action in (Action.REJECT_ALL, Action.WITHDRAW):
        chosen = set()
    elif action == Action.CUSTOM:
        chosen = set(granted) & set(optional)
    else:
        raise ValueError(f"not a visitor's action: {action!r}")
    if action == Action.REJECT_ALL and state.explicit and state.granted_slugs:
        # Refusing what was given before is a withdrawal: the record says so.
        action = Action.WITHDRAW
    consent_id = state.consent_id or new_consent_id()
    choices = {slug: slug in chosen for slug in optional}
    now = timezone.now()
    with transaction.atomic():
        latest = (
            ConsentRecord.objects.filter(consent_id=consent_id)
            .exclude(action=Action.GPC)
            .order_by("-created_at", "-id")
            .first()
            if state.consent_id
            else None
        )
        if (
            latest is not None
            and latest.revision == registry.revision
            and latest.choices == choices
        ):
            # The decision stored last, sent again: nothing new to prove.
            action, now = latest.action, latest.created_at
        else:
            ConsentRecord.objects.create(
                consent_id=consent_id,
                created_at=now,
                revision=registry.revision,
                choices=choices,
                action=action,
                source=source,
                gpc=state.gpc,
                language=_language(),
            )
    return ConsentState(
        loaded_registry=registry,
        consent_id=consent_id,
        revision=registry.revision,
        granted_slugs=frozenset(chosen),
        action=action,
        given_at=now,
        gpc=state.gpc,
        cookie_status=CookieStatus.VALID,
        write_cookie=True,
    )


def consent_honour_gpc(*, state):
    """
    The browser sent Sec-GPC: 1 and the visitor has made no choice under this revision:
    refuse every optional category for this request. Nothing is written: the signal comes
    with every request, so it needs neither a cookie nor a record (a record per signalled
    request grew without bound); a decision the visitor makes later records that the signal
    was present.
    """
    state.revision = state.registry.revision
    state.granted_slugs = frozenset()
    state.action = Action.GPC
    state.signal_only = True
    return state


def _language():
    return (get_language() or "")[:16]


def canonical_json(data):
    """One byte sequence per value: sorted keys, no spaces, UTF-8."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def snapshot_hash(snapshot):
    return hashlib.sha256(canonical_json(snapshot).encode("utf-8")).hexdigest()


def policy_snapshot(categories):
    """The policy as published: categories (in order) with the cookies each declares."""
    return {
        "categories": [
            {
                "slug": category.slug,
                "name": category.name,
                "description": category.description,
                "necessary": category.necessary,
                "cookies": [
                    {
                        "name": cookie.name,
                        "provider": cookie.provider,
                        "party": cookie.party,
                        "purpose": cookie.purpose,
                        "duration": cookie.duration,
                        "max_age": cookie.max_age,
                    }
                    for cookie in sorted(category.cookies.all(), key=lambda c: c.name)
                ],
            }
            for category in categories
        ]
    }


def revision_publish(*, published_at=None):
    """Snapshot the current categories and cookies as the next revision: everyone is asked again."""
    categories = Category.objects.order_by("order", "slug").prefetch_related(
        Prefetch("cookies", queryset=CookieDeclaration.objects.order_by("name"))
    )
    snapshot = policy_snapshot(categories)
    with transaction.atomic():
        # Two staff publishing at once: the unique number makes the second one fail cleanly.
        latest = PolicyRevision.objects.aggregate(n=Max("number"))["n"] or 0
        revision = PolicyRevision.objects.create(
            number=latest + 1,
            published_at=published_at or timezone.now(),
            snapshot=snapshot,
            sha256=snapshot_hash(snapshot),
        )
    registry_module.forget()
    return revision
