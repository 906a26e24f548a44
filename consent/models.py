"""
Cookie consent: the categories of cookies the site may set, the cookies declared in each,
the published revisions of that policy, and the append-only record of every decision.
"""

import re

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Category(models.Model):
    """A group of cookies a visitor accepts or refuses together, e.g. "Analytics"."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=100)
    description = models.TextField(help_text="What cookies in this group are for, in plain words.")
    necessary = models.BooleanField(
        default=False,
        help_text="Needed for the site to work: always on, never asked for.",
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "cookie category"
        verbose_name_plural = "cookie categories"

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        _forget_registry()

    def get_absolute_url(self):
        return reverse("consent:preferences") + f"#category-{self.slug}"

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        _forget_registry()
        return result


class Party(models.TextChoices):
    FIRST = "first", _("First party (this site)")
    THIRD = "third", _("Third party")


class CookieDeclaration(models.Model):
    """One cookie (or a family of cookies matched by a pattern such as `_ga_*`) the site may set."""

    category = models.ForeignKey(Category, on_delete=models.CASCADE, related_name="cookies")
    name = models.CharField(
        max_length=200,
        help_text="The cookie's name; `*` matches any characters, e.g. `_ga_*`.",
    )
    provider = models.CharField(max_length=200, help_text="Who sets the cookie.")
    party = models.CharField(max_length=5, choices=Party.choices, default=Party.FIRST)
    purpose = models.TextField()
    duration = models.CharField(
        max_length=100, help_text='How long it lasts, as visitors read it: "11 months", "Session".'
    )
    max_age = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Lifetime in seconds; empty for a session cookie.",
    )

    class Meta:
        ordering = ["category__order", "name"]
        verbose_name = "cookie declaration"
        constraints = [
            models.UniqueConstraint(fields=["name"], name="consent_cookie_name_unique"),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        _forget_registry()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        _forget_registry()
        return result

    @property
    def is_pattern(self):
        return "*" in self.name

    def matches(self, cookie_name):
        return cookie_name_matches(self.name, cookie_name)


def cookie_name_matches(pattern, cookie_name):
    """`*` is the only wildcard; every other character (even `[` or `?`) is literal."""
    if "*" not in pattern:
        return pattern == cookie_name
    regex = ".*".join(re.escape(part) for part in pattern.split("*"))
    return re.fullmatch(regex, cookie_name) is not None


class PolicyRevision(models.Model):
    """A published version of the cookie policy: a frozen snapshot of categories and cookies."""

    number = models.PositiveIntegerField(unique=True)
    published_at = models.DateTimeField(default=timezone.now)
    snapshot = models.JSONField(help_text="The categories and cookies as published.")
    sha256 = models.CharField(max_length=64, help_text="SHA-256 of the snapshot's canonical JSON.")

    class Meta:
        ordering = ["-number"]
        get_latest_by = "number"
        verbose_name = "policy revision"

    def __str__(self):
        return f"Revision {self.number}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        _forget_registry()


class Action(models.TextChoices):
    ACCEPT_ALL = "accept_all", _("Accept all")
    REJECT_ALL = "reject_all", _("Reject all")
    CUSTOM = "custom", _("Custom choice")
    WITHDRAW = "withdraw", _("Withdraw")
    GPC = "gpc", _("Opt-out preference signal (GPC)")


class Source(models.TextChoices):
    BANNER = "banner", "Banner"
    COOKIES_PAGE = "cookies_page", "Cookies page"
    SIGNAL = "signal", "Browser signal (Sec-GPC header)"


class AppendOnlyError(Exception):
    """Consent records are proof: once written they are never changed or deleted one by one."""


class ConsentRecordQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Consent records cannot be changed.")

    def older_than(self, moment):
        return self.filter(created_at__lt=moment)


class ConsentRecord(models.Model):
    """One decision (or an honoured GPC signal): proof of consent, without personal data."""

    consent_id = models.UUIDField(
        db_index=True, help_text="Random id kept in the visitor's cookie."
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    revision = models.PositiveIntegerField(help_text="Policy revision the visitor saw (0: none).")
    choices = models.JSONField(help_text="Each optional category: true (granted) or false.")
    action = models.CharField(max_length=12, choices=Action.choices)
    source = models.CharField(max_length=12, choices=Source.choices)
    gpc = models.BooleanField("GPC signal sent", default=False)
    language = models.CharField(max_length=16, blank=True)

    objects = ConsentRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "consent record"

    def __str__(self):
        return f"{self.consent_id} {self.get_action_display()} ({self.created_at:%Y-%m-%d %H:%M})"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("Consent records cannot be changed once written.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError(
            "Consent records cannot be deleted one by one; "
            "use `manage.py prune_consent_records --older-than DAYS`."
        )


# The policy registry (consent/registry.py) reads these models and keeps what it read in
# the cache under this key; a change to the policy drops it. The key lives here so the
# registry imports the models and not the other way round.
REGISTRY_CACHE_KEY = "consent:registry:v2"  # v2: category names in every language


def _forget_registry():
    from consent import registry  # the registry imports these models

    registry.forget()
