"""Employers' descriptions in English and Spanish (content/i18n.py); names stay as they are."""

from content.i18n import translate
from employers.models import Employer

translate(Employer, "description")
