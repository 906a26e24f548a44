"""
Settings for the health-careers site: one file, every knob read from the environment
through one django-environ `env` object. Defaults are for development; production sets
DEBUG=False and must then give SECRET_KEY and ALLOWED_HOSTS (see .env.example).
"""

import datetime
import tempfile
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
if DEBUG:
    SECRET_KEY = SECRET_KEY or "django-insecure-development-only-key-never-use-in-production"
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["localhost", "127.0.0.1", "[::1]", "testserver"]
else:
    if not SECRET_KEY:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. With DEBUG=False the site needs a long random "
            "SECRET_KEY in the environment (see .env.example)."
        )
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured(
            "ALLOWED_HOSTS is not set. With DEBUG=False list the host names the site "
            "answers to, comma-separated, e.g. ALLOWED_HOSTS=careers.example.org."
        )
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# A refused form gets the site's own page saying what happened and how to go on.
CSRF_FAILURE_VIEW = "config.views.csrf_failure"

SITE_NAME = env.str("SITE_NAME", default="Health Careers New York")
# Absolute origin used for canonical links and the sitemap, e.g. https://careers.example.org.
# Empty: built from the request's host (which ALLOWED_HOSTS already validates).
SITE_URL = env.str("SITE_URL", default="").rstrip("/")
# Empty: the site's own credit line, in the page's language.
SITE_CREDIT = env.str("SITE_CREDIT", default="") or gettext_lazy(
    "Career information drawn from named public sources: each figure shows where it "
    "comes from and its year. Always check details with the training provider or employer."
)
SITE_COPYRIGHT = env.str("SITE_COPYRIGHT", default="Health Careers New York contributors")

INSTALLED_APPS = [
    # Before the admin, as django-modeltranslation asks: its admin mixins and the _en/_es
    # columns of the content fields each app lists in its translation.py.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.forms",  # its templates, for FORM_RENDERER below
    "django_filters",
    "csp",
    "simple_history",
    "import_export",
    "places",  # the county map template tag and its template
    "content",
    "careers",
    "trainings",
    "employers",
    "consent",
    "staff",
    "wages",
    "axes",
    "heroicons",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # OPTIONS answered with Allow, TRACE and other methods 405, before any other work.
    "config.middleware.HttpMethodsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    # The content version read once per request, for everything below that is keyed by it.
    "content.pagecache.ContentVersionMiddleware",
    # Above the session, CSRF and messages middleware so that it sees every cookie they set.
    "consent.middleware.ConsentMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the URL only (/es/... Spanish, anything else English): cheap,
    # so it may run before the page cache, and it must run before CommonMiddleware (which
    # resolves URLs) and the consent banner (rendered in the page's language).
    "config.middleware.UrlLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Inside CSRF: renders the per-visitor banner into (possibly cached) pages.
    "consent.middleware.ConsentBannerMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.middleware.StaffPagesMiddleware",
    # A kept public page is served from here (content.pagecache): everything above still
    # runs for it (consent, the banner and its CSRF token, security headers, CSP); what is
    # below is only for pages rendered afresh.
    "content.pagecache.CachedPageMiddleware",
    # The cookies page for a visitor who has not chosen, served the same way.
    "consent.middleware.CookiesPageMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "config.context_processors.site",
                "consent.context_processors.consent",
            ],
        },
    },
]

# Forms render through the project's templates, so templates/django/forms/field.html is the
# one markup of every field ({{ field.as_field_group }}).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
# No query may run longer than this (a slow search or a large import), so one request
# cannot hold a connection and a worker indefinitely. gunicorn's own timeout
# (gunicorn.conf.py) bounds the whole request.
DATABASE_STATEMENT_TIMEOUT_MS = env.int("DATABASE_STATEMENT_TIMEOUT_MS", default=30000)
# What PostgreSQL's planner takes a page read out of order to cost, against 1.0 for one
# read in order. Its default, 4.0, models spinning disks; the site's tables fit in memory
# many times over and live on SSDs, for which PostgreSQL's manual suggests 1.1. With 4.0
# the planner read every job title or training rather than an index that answered a search
# two or more times faster (bench/results/explain.txt, docs/deploy.md).
DATABASE_RANDOM_PAGE_COST = env.float("DATABASE_RANDOM_PAGE_COST", default=1.1)
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _db_options = DATABASES["default"].setdefault("OPTIONS", {})
    _server_settings = (
        f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT_MS} "
        f"-c random_page_cost={DATABASE_RANDOM_PAGE_COST}"
    )
    _db_options["options"] = f"{_db_options.get('options', '')} {_server_settings}".strip()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # A cache that does not answer must not hold a request for long: pages are served
    # without it (content/cache.py) after this many seconds. Not shorter: a busy worker
    # that is not scheduled for half a second would take a healthy cache for a dead one.
    _cache_timeout = env.float("CACHE_TIMEOUT", default=2.0)
    _cache_options = CACHES["default"].setdefault("OPTIONS", {})
    _cache_options.setdefault("socket_connect_timeout", _cache_timeout)
    _cache_options.setdefault("socket_timeout", _cache_timeout)
# Counters (the consent rate limit: content.cache.safe_incr) in a cache of their own, so
# pages kept in the cache never push them out: a local-memory cache holds 300 entries by
# default, and a visitor who first asked for 300 pages was counted from zero again.
# Shared caches (Redis) keep both in the one server.
CACHES["counters"] = (
    CACHES["default"]
    if CACHES["default"]["BACKEND"] != "django.core.cache.backends.locmem.LocMemCache"
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "counters",
        # A counter is a few dozen bytes; this bounds them to a few MB per process.
        "OPTIONS": {"MAX_ENTRIES": env.int("COUNTER_CACHE_ENTRIES", default=50_000)},
    }
)
# After the cache failed, how long to serve without it before asking it again.
CACHE_RETRY_SECONDS = env.float("CACHE_RETRY_SECONDS", default=5.0)
# Public content pages are cached whole until content changes (content/pagecache.py); this
# bounds how long another process with its own local-memory cache may lag behind an edit.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)

AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out username/IP before the password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Staff admin. The path is a setting so a deployment can move it off the well-known /admin/.
ADMIN_URL = env.str("ADMIN_URL", default="admin/").strip("/") + "/"
# Only staff have sessions (visitors' consent lives in its own signed cookie): keep them short.
SESSION_COOKIE_AGE = env.int("STAFF_SESSION_SECONDS", default=8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = True

# Admin login protection (django-axes): after AXES_FAILURE_LIMIT failures for one username
# from one IP address, refuse that pair, even with the right password, for the cool-off.
AXES_ENABLED = env.bool("AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env.int("LOGIN_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_LOCKOUT_TEMPLATE = "locked_out.html"
# Trusted proxies in front of the site (nginx: 1): who the visitor is (config/client_ip.py),
# for the sign-in lockout and the consent rate limit. 0: REMOTE_ADDR is the visitor.
PROXY_COUNT = env.int("AXES_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "config.client_ip.client_ip"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# English at today's addresses, Spanish under /es/ (config/urls.py, docs/architecture.md).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Spanish numbers and money in the US style ("$58,130", "27.95"), not Django's European one.
FORMAT_MODULE_PATH = ["config.formats"]
TIME_ZONE = "America/New_York"
USE_I18N = True

# Translated content (django-modeltranslation): each registered field has an _en and an _es
# column; the English one is the default, and an empty Spanish one falls back to English
# (templates mark that text lang="en": content/templatetags/translated.py).
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = ("en", "es")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
USE_TZ = True

STATIC_URL = "static/"
# Where collectstatic writes and WhiteNoise serves from (docs/deploy.md).
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "config.storage.ManifestStaticFilesStorage"  # whitenoise's, addresses kept
        )
    },
}
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0

# Security headers. Production values switch on with DEBUG=False; each can be overridden.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env.bool("BEHIND_HTTPS_PROXY", default=False) else None
)
SESSION_COOKIE_SECURE = env.bool("SESSION_COOKIE_SECURE", default=not DEBUG)
CSRF_COOKIE_SECURE = env.bool("CSRF_COOKIE_SECURE", default=not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Strict CSP: nothing inline without a per-request nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}

# Cookie consent (consent app): one signed cookie holds the visitor's choices.
CONSENT_COOKIE_NAME = env.str("CONSENT_COOKIE_NAME", default="consent")
# 11 months by default; a system check refuses more than 13 months.
CONSENT_COOKIE_MAX_AGE = env.int("CONSENT_COOKIE_MAX_AGE", default=28927800)
CONSENT_COOKIE_SECURE = env.bool("CONSENT_COOKIE_SECURE", default=SESSION_COOKIE_SECURE)
# Consent choices saved per client (a keyed hash of its IP address, counted in the cache)
# within the window; more get a 429 page. A person makes a handful; a script, thousands.
CONSENT_RATE_LIMIT = env.int("CONSENT_RATE_LIMIT", default=30)
CONSENT_RATE_WINDOW_SECONDS = env.int("CONSENT_RATE_WINDOW_SECONDS", default=600)

# What the privacy notice (/privacy/) promises. Each must match how the site is run:
# consent records are pruned after CONSENT_RECORD_DAYS (the prune_consent_records cron
# line), staff login records after LOGIN_LOG_DAYS (axes_reset_logs), and the web server's
# logs rotated away after SERVER_LOG_DAYS (docs/deploy.md).
CONSENT_RECORD_DAYS = env.int("CONSENT_RECORD_DAYS", default=1095)
LOGIN_LOG_DAYS = env.int("LOGIN_LOG_DAYS", default=90)
SERVER_LOG_DAYS = env.int("SERVER_LOG_DAYS", default=30)
# Where people write about accessibility or privacy (both pages name it).
CONTACT_EMAIL = env.str("CONTACT_EMAIL", default="help@healthcareers.example.org")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"one_line_warning": {"()": "config.log_filters.OneLineWarning"}},
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # A bad Host header, a query string of thousands of fields, a body over the limit: a
    # scanner's noise answered with a 400, not our error. One warning line each, no
    # traceback (it reaches the root handler once). A logger's filter does not see its
    # children's records, so each is named.
    "loggers": {
        f"django.security.{name}": {"level": "WARNING", "filters": ["one_line_warning"]}
        for name in (
            "DisallowedHost",
            "DisallowedRedirect",
            "RequestDataTooBig",
            "SuspiciousOperation",
            "TooManyFieldsSent",
            "TooManyFilesSent",
        )
    },
}

# "Needs review" admin list: content last verified more than this many days ago.
REVIEW_AFTER_DAYS = env.int("REVIEW_AFTER_DAYS", default=365)
# A history entry's change reason tells the story (the publisher's reason, who proposed the
# change, what changed in the inline rows): longer than simple-history's 100 characters.
SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
# The change form says who else has it open, for this long after they opened it.
EDITING_NOTICE_SECONDS = env.int("EDITING_NOTICE_SECONDS", default=600)

# CSV import/export (django-import-export): one transaction per import, so one bad row
# writes nothing; staff who may change a model may import it, staff who may view may export.
IMPORT_EXPORT_USE_TRANSACTIONS = True
IMPORT_EXPORT_SKIP_ADMIN_LOG = False
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"
# An exported cell starting with "=" loses it, so a spreadsheet does not run it (imports
# refuse formula-like text outright: content/importing.py).
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = True
# Bounds of one import: the file's size and rows, and the preview shown before confirming.
IMPORT_MAX_BYTES = env.int("IMPORT_MAX_BYTES", default=2 * 1024 * 1024)
IMPORT_MAX_ROWS = env.int("IMPORT_MAX_ROWS", default=5000)
IMPORT_PREVIEW_ROWS = env.int("IMPORT_PREVIEW_ROWS", default=50)
# The uploaded file waits here between preview and confirm; unconfirmed ones go after this.
IMPORT_PREVIEW_DIR = env.str(
    "IMPORT_PREVIEW_DIR", default=str(Path(tempfile.gettempdir()) / "healthcareers-import-previews")
)
IMPORT_PREVIEW_MAX_AGE = env.int("IMPORT_PREVIEW_MAX_AGE", default=60 * 60)
