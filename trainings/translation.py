"""
Trainings' own descriptive text in English and Spanish (content/i18n.py). Program titles,
provider names and what the provider states in its own words stay as they are.
"""

from content.i18n import translate
from trainings.models import Training

translate(Training, "description", "prerequisites", "funding_notes")
