"""Forms of the careers app: the job-title finder."""

from django import forms

from careers.search import MAX_QUERY_LENGTH


class TitleSearchForm(forms.Form):
    """ "Saw a job title and not sure what it is?": one optional text field, validated."""

    q = forms.CharField(
        label="Job title",
        required=False,
        max_length=MAX_QUERY_LENGTH,
        strip=True,
        help_text="For example: care navigator, health home care manager, RN case manager.",
        error_messages={
            "max_length": (
                "That is longer than any job title we know. Please type a job title of "
                f"{MAX_QUERY_LENGTH} characters or fewer."
            ),
            "null_characters_not_allowed": "Please type the job title in plain letters.",
        },
        widget=forms.TextInput(
            attrs={"type": "search", "autocomplete": "off", "spellcheck": "false"}
        ),
    )
