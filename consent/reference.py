"""
The reference rows every environment needs: the five cookie categories and the cookies this
site really sets (all necessary). Used by the data migration, and by tests that run after a
transactional flush has emptied the tables.

The source page listed a WordPress consent plugin's cookies (cookielawinfo-checkbox-*,
viewed_cookie_policy); this site does not use that plugin, so it declares its own.
"""

from django.conf import settings

CATEGORIES = [
    {
        "slug": "necessary",
        "name": "Necessary",
        "necessary": True,
        "order": 1,
        "description": (
            "These cookies make the site work and keep it secure: they remember your cookie "
            "choices, protect forms against cross-site request forgery, carry a short "
            "confirmation message from one page to the next, and keep staff signed in. The "
            "site cannot work properly without them, so they are always on. None of them "
            "tracks you across other websites."
        ),
    },
    {
        "slug": "functional",
        "name": "Functional",
        "necessary": False,
        "order": 2,
        "description": (
            "Functional cookies would remember choices that make the site easier to use, "
            "such as a ZIP code or a search you entered, and would let us add features "
            "provided by others, such as an embedded video or map."
        ),
    },
    {
        "slug": "analytics",
        "name": "Analytics",
        "necessary": False,
        "order": 3,
        "description": (
            "Analytics cookies would help us understand how visitors use the site: which "
            "pages are read, how people arrive and where they leave, counted together and "
            "not to identify you. We would use this to improve the information we publish."
        ),
    },
    {
        "slug": "performance",
        "name": "Performance",
        "necessary": False,
        "order": 4,
        "description": (
            "Performance cookies would measure how fast pages load and whether errors "
            "happen, so that we can find and fix slow or broken pages."
        ),
    },
    {
        "slug": "others",
        "name": "Other",
        "necessary": False,
        "order": 5,
        "description": (
            "Cookies that do not fit the groups above and that we have not yet classified. "
            "We would list each one here, with its purpose, before setting it."
        ),
    },
]

# The same words in Spanish (the _es columns, content/i18n.py), by category slug.
CATEGORIES_ES = {
    "necessary": {
        "name": "Necesarias",
        "description": (
            "Estas cookies hacen que el sitio funcione y lo mantienen seguro: recuerdan sus "
            "decisiones sobre cookies, protegen los formularios contra la falsificación de "
            "solicitudes entre sitios, llevan un breve mensaje de confirmación de una página "
            "a la siguiente y mantienen la sesión del personal iniciada. El sitio no puede "
            "funcionar bien sin ellas, por eso siempre están activas. Ninguna de ellas le "
            "sigue por otros sitios web."
        ),
    },
    "functional": {
        "name": "Funcionales",
        "description": (
            "Las cookies funcionales recordarían decisiones que hacen el sitio más fácil de "
            "usar, como un código postal o una búsqueda que usted escribió, y nos permitirían "
            "agregar funciones que ofrecen otros, como un video o un mapa dentro de la página."
        ),
    },
    "analytics": {
        "name": "Analíticas",
        "description": (
            "Las cookies analíticas nos ayudarían a entender cómo se usa el sitio: qué "
            "páginas se leen, cómo llegan las personas y dónde se van, contado en conjunto y "
            "no para identificarle. Lo usaríamos para mejorar la información que publicamos."
        ),
    },
    "performance": {
        "name": "De rendimiento",
        "description": (
            "Las cookies de rendimiento medirían qué tan rápido cargan las páginas y si hay "
            "errores, para que podamos encontrar y corregir las páginas lentas o con fallas."
        ),
    },
    "others": {
        "name": "Sin clasificar",  # "cookies sin clasificar" reads well; "cookies otras" does not
        "description": (
            "Cookies que no entran en los grupos anteriores y que aún no hemos clasificado. "
            "Antes de usar alguna, la incluiríamos aquí con su propósito."
        ),
    },
}

ELEVEN_MONTHS = "11 months"
PROVIDER = "This website"
PROVIDER_ES = "Este sitio web"


def necessary_cookies():
    """The cookies this site sets itself, as configured (names follow the settings)."""
    return [
        {
            "name": settings.CONSENT_COOKIE_NAME,
            "provider": PROVIDER,
            "purpose": (
                "Remembers your cookie choices: a random consent id, the version of this "
                "cookie policy you saw, the categories you allowed and when you chose. Signed "
                "so that it cannot be altered. It holds no personal details."
            ),
            "duration": ELEVEN_MONTHS,
            "max_age": settings.CONSENT_COOKIE_MAX_AGE,
        },
        {
            "name": settings.CSRF_COOKIE_NAME,
            "provider": PROVIDER,
            "purpose": (
                "Protects the forms on this site (including the cookie choices) against "
                "cross-site request forgery: a form is accepted only when it carries the "
                "matching secret."
            ),
            "duration": "1 year",
            "max_age": settings.CSRF_COOKIE_AGE,
        },
        {
            "name": settings.SESSION_COOKIE_NAME,
            "provider": PROVIDER,
            "purpose": (
                "Keeps a signed-in staff member signed in, and may carry a one-time "
                "message from one page to the next. Visitors who do not sign in usually "
                "never receive it."
            ),
            # SESSION_EXPIRE_AT_BROWSER_CLOSE makes it a browser-session cookie; the
            # server ends staff sessions after STAFF_SESSION_SECONDS in any case.
            "duration": "Until the browser closes (staff sign-in ends after 8 hours)",
            "max_age": None,
        },
        {
            "name": "messages",
            "provider": PROVIDER,
            "purpose": (
                'Carries a one-time confirmation (for example "Your cookie choices have '
                'been saved") to the next page you see, then is removed.'
            ),
            "duration": "Session",
            "max_age": None,
        },
    ]


def necessary_cookies_es():
    """The Spanish provider, purpose and duration of each necessary_cookies() cookie, by name."""
    return {
        settings.CONSENT_COOKIE_NAME: {
            "purpose": (
                "Recuerda sus decisiones sobre cookies: un identificador de consentimiento "
                "al azar, la versión de esta política de cookies que usted vio, las categorías "
                "que permitió y cuándo decidió. Está firmada para que no se pueda alterar. No "
                "guarda datos personales."
            ),
            "duration": "11 meses",
            "provider": PROVIDER_ES,
        },
        settings.CSRF_COOKIE_NAME: {
            "purpose": (
                "Protege los formularios de este sitio (incluidas las decisiones sobre cookies) "
                "contra la falsificación de solicitudes entre sitios: un formulario solo se "
                "acepta si lleva el secreto que le corresponde."
            ),
            "duration": "1 año",
            "provider": PROVIDER_ES,
        },
        settings.SESSION_COOKIE_NAME: {
            "purpose": (
                "Mantiene iniciada la sesión de un miembro del personal, y puede llevar un "
                "mensaje de una sola vez de una página a la siguiente. Los visitantes que no "
                "inician sesión normalmente nunca la reciben."
            ),
            "duration": (
                "Hasta que se cierra el navegador (la sesión del personal termina después de "
                "8 horas)"
            ),
            "provider": PROVIDER_ES,
        },
        "messages": {
            "purpose": (
                "Lleva una confirmación de una sola vez (por ejemplo, “Se guardaron sus "
                "decisiones sobre cookies”) a la siguiente página que usted ve, y luego se "
                "borra."
            ),
            "duration": "Durante la sesión",
            "provider": PROVIDER_ES,
        },
    }


def create_reference_data(Category, CookieDeclaration):
    """Create the categories and necessary declarations that are missing; keep the rest."""
    by_slug = {}
    for data in CATEGORIES:
        category, _ = Category.objects.get_or_create(slug=data["slug"], defaults=data)
        by_slug[category.slug] = category
    for cookie in necessary_cookies():
        CookieDeclaration.objects.get_or_create(
            name=cookie["name"],
            defaults={**cookie, "category": by_slug["necessary"], "party": "first"},
        )
    if any(f.name == "name_es" for f in Category._meta.fields):  # not before migration 0004
        add_spanish(Category, CookieDeclaration)
    return by_slug


def add_spanish(Category, CookieDeclaration):
    """Fill the empty Spanish columns of the reference rows; keep what staff wrote."""
    plan = [
        (Category, "slug", CATEGORIES_ES),
        (CookieDeclaration, "name", necessary_cookies_es()),
    ]
    for model, key, texts in plan:
        for row in model.objects.filter(**{f"{key}__in": list(texts)}):
            changed = False
            for field, text in texts[getattr(row, key)].items():
                if not hasattr(row, f"{field}_es"):
                    continue  # a migration before this field was translated
                current = getattr(row, f"{field}_es")
                if current != text and not (current or "").strip():
                    setattr(row, f"{field}_es", text)
                    changed = True
            if changed:
                row.save()
