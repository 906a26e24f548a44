"""
The cookie policy's words in English and Spanish (content/i18n.py): what the banner and the
cookies page print. Cookie names and named providers stay as they are; the site itself is
"This website" / "Este sitio web".
"""

from consent.models import Category, CookieDeclaration
from content.i18n import translate

translate(Category, "name", "description")
translate(CookieDeclaration, "purpose", "duration", "provider")
