"""
A visitor's consent as the server sees it on one request (`request.consent`), and the one
signed cookie that carries it between requests.

The cookie holds the consent id, the policy revision, the granted categories, the action
and the date, signed with Django's signing (TimestampSigner), so a changed byte or an age
beyond CONSENT_COOKIE_MAX_AGE is detected. It is set only by the server, HttpOnly.
"""

import datetime
import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.utils import timezone

from consent import registry as registry_module

SALT = "consent.cookie"
NECESSARY = "necessary"
GPC = "gpc"


class CookieStatus:
    MISSING = "missing"
    VALID = "valid"
    TAMPERED = "tampered"
    EXPIRED = "expired"


@dataclass
class ConsentState:
    """What the visitor allowed; `granted(slug)` is the one question code should ask."""

    # The policy (categories, declarations, revision) is loaded only when a question needs
    # it, so a request without consent cookie or GPC signal (a health check) costs nothing.
    loaded_registry: registry_module.Registry | None = None
    consent_id: str | None = None
    revision: int | None = None
    granted_slugs: frozenset[str] = field(default_factory=frozenset)
    action: str | None = None
    given_at: datetime.datetime | None = None
    gpc: bool = False  # the request carried Sec-GPC: 1
    cookie_status: str = CookieStatus.MISSING
    # Set when the response must (re)write the consent cookie.
    write_cookie: bool = False
    # The refusal comes from this request's Sec-GPC header alone: nothing was written.
    signal_only: bool = False

    @property
    def registry(self):
        if self.loaded_registry is None:
            self.loaded_registry = registry_module.load()
        return self.loaded_registry

    @property
    def has_choice(self):
        """The visitor chose (or GPC chose for them) under the current revision."""
        return (
            (self.cookie_status == CookieStatus.VALID or self.signal_only)
            and self.revision == self.registry.revision
            # Our GPC cookie stands for a choice only while the browser still sends the signal.
            and (self.action != GPC or self.gpc)
        )

    @property
    def gpc_applied(self):
        """Every optional category is refused because of the Sec-GPC signal."""
        return self.action == GPC and self.has_choice

    @property
    def outdated(self):
        return self.cookie_status == CookieStatus.VALID and self.revision != self.registry.revision

    @property
    def needs_choice(self):
        return not self.has_choice

    @property
    def show_banner(self):
        # With GPC honoured the signal is the answer: we do not ask on every page (the
        # cookies page still lets the visitor choose otherwise).
        return self.needs_choice

    @property
    def explicit(self):
        return self.has_choice and not self.gpc_applied

    @property
    def action_label(self):
        from consent.models import Action

        try:
            return Action(self.action).label
        except ValueError:
            return ""

    def granted(self, slug):
        if slug == NECESSARY or slug in self.registry.necessary_slugs:
            return True
        if not self.has_choice:
            return False
        return slug in self.granted_slugs

    def choices(self):
        """Each optional category of the current policy: granted or not."""
        return {c.slug: self.granted(c.slug) for c in self.registry.optional}

    def __getitem__(self, slug):
        # Lets templates write {% if consent.analytics %}; attribute names keep their meaning.
        if slug.startswith("_") or hasattr(type(self), slug) or slug in self.__dataclass_fields__:
            raise KeyError(slug)
        return self.granted(slug)

    def cookie_value(self):
        payload = {
            "id": self.consent_id,
            "rev": self.revision,
            "g": sorted(self.granted_slugs),
            "a": self.action,
            "at": int(self.given_at.timestamp()) if self.given_at else None,
        }
        return signing.dumps(payload, salt=SALT, compress=True)


def read(request):
    """The consent state of this request, from its cookie and its Sec-GPC header."""
    state = ConsentState(gpc=request.headers.get("Sec-GPC", "").strip() == "1")
    raw = request.COOKIES.get(settings.CONSENT_COOKIE_NAME)
    if not raw:
        return state
    try:
        payload = signing.loads(raw, salt=SALT, max_age=settings.CONSENT_COOKIE_MAX_AGE)
        consent_id = str(uuid.UUID(str(payload["id"])))
        revision = int(payload["rev"])
        granted = frozenset(str(slug) for slug in payload.get("g") or ())
        action = str(payload["a"])
        given_at = datetime.datetime.fromtimestamp(int(payload["at"]), tz=datetime.UTC)
    except signing.SignatureExpired:
        state.cookie_status = CookieStatus.EXPIRED
        return state
    except (signing.BadSignature, KeyError, TypeError, ValueError, OverflowError, OSError):
        state.cookie_status = CookieStatus.TAMPERED
        return state
    state.consent_id = consent_id
    state.revision = revision
    state.granted_slugs = granted
    state.action = action
    state.given_at = given_at
    state.cookie_status = CookieStatus.VALID  # signed by us; `has_choice` checks the revision
    return state


def new_consent_id():
    return str(uuid.uuid4())


def now():
    return timezone.now()
