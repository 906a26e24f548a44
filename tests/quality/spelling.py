"""US English: the British spellings no public page may use."""

import re

# Common British spellings and their US forms (the US form is what the site uses).
BRITISH = {
    "organisation": "organization", "organise": "organize", "organising": "organizing",
    "behaviour": "behavior", "behavioural": "behavioral", "programme": "program",
    "centre": "center", "colour": "color", "favour": "favor", "honour": "honor",
    "labour": "labor", "neighbour": "neighbor", "licence": "license", "practise": "practice",
    "recognise": "recognize", "specialise": "specialize", "prioritise": "prioritize",
    "analyse": "analyze", "enrol": "enroll", "enrolment": "enrollment", "fulfil": "fulfill",
    "travelling": "traveling", "modelling": "modeling", "catalogue": "catalog",
    "defence": "defense", "paediatric": "pediatric", "anaesthetic": "anesthetic",
    "whilst": "while", "amongst": "among", "advert": "ad", "judgement": "judgment",
    "counselling": "counseling", "counsellor": "counselor", "cheque": "check",
    "tonne": "ton", "utilise": "utilize", "minimise": "minimize", "maximise": "maximize",
    "summarise": "summarize", "emphasise": "emphasize", "apologise": "apologize",
}  # fmt: skip

_PATTERN = re.compile(r"\b(" + "|".join(BRITISH) + r")\b", re.IGNORECASE)


def british_words(html):
    """The British spellings in a page's text (tags and their attributes left out)."""
    text = re.sub(r"<[^>]+>", " ", html)
    return sorted({m.lower() for m in _PATTERN.findall(text)})
