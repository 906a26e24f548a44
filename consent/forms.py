"""The consent form: one action button, plus a yes/no per optional category on the cookies page."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from consent.models import Action, Source

YES, NO = "yes", "no"


class ConsentForm(forms.Form):
    action = forms.ChoiceField(
        choices=[
            (Action.ACCEPT_ALL, _("Accept all")),
            (Action.REJECT_ALL, _("Reject all")),
            (Action.CUSTOM, _("Save my choices")),
        ],
        error_messages={
            "required": _("Choose Accept all, Reject all or Save my choices."),
            "invalid_choice": _("Choose Accept all, Reject all or Save my choices."),
        },
    )
    source = forms.ChoiceField(
        choices=[(Source.BANNER, _("Banner")), (Source.COOKIES_PAGE, _("Cookies page"))],
        required=False,
    )
    next = forms.CharField(required=False, max_length=2000)

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.optional = [c for c in categories if not c.necessary]
        for category in self.optional:
            self.fields[self.field_name(category.slug)] = forms.ChoiceField(
                label=gettext("Allow %(category)s cookies?") % {"category": category.name.lower()},
                choices=[(YES, _("Yes")), (NO, _("No"))],
                widget=forms.RadioSelect,
                required=False,  # not answered counts as no
            )

    @staticmethod
    def field_name(slug):
        return f"category_{slug}"

    def granted(self):
        return [
            c.slug for c in self.optional if self.cleaned_data.get(self.field_name(c.slug)) == YES
        ]

    def category_fields(self):
        return [(c, self[self.field_name(c.slug)]) for c in self.optional]
