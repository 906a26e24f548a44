"""
The cookie policy's words in English and Spanish (content/i18n.py): what the banner and the
cookies page print. Cookie names and providers stay as they are.
"""

from consent.models import Category, CookieDeclaration
from content.i18n import translate

translate(Category, "name", "description")
translate(CookieDeclaration, "purpose", "duration")
