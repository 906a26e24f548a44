"""The consent form: one action button, plus a yes/no per optional category on the cookies page."""

from django import forms

from consent.models import Action, Source

YES, NO = "yes", "no"


class ConsentForm(forms.Form):
    action = forms.ChoiceField(
        choices=[
            (Action.ACCEPT_ALL, "Accept all"),
            (Action.REJECT_ALL, "Reject all"),
            (Action.CUSTOM, "Save my choices"),
        ],
        error_messages={
            "required": "Choose Accept all, Reject all or Save my choices.",
            "invalid_choice": "Choose Accept all, Reject all or Save my choices.",
        },
    )
    source = forms.ChoiceField(
        choices=[(Source.BANNER, "Banner"), (Source.COOKIES_PAGE, "Cookies page")],
        required=False,
    )
    next = forms.CharField(required=False, max_length=2000)

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.optional = [c for c in categories if not c.necessary]
        for category in self.optional:
            self.fields[self.field_name(category.slug)] = forms.ChoiceField(
                label=f"Allow {category.name.lower()} cookies?",
                choices=[(YES, "Yes"), (NO, "No")],
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
