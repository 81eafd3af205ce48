"""Settings shared by every environment (development, test, production)."""

from datetime import timedelta
from pathlib import Path

import dj_database_url

from .env import env, env_bool, env_float, env_int, env_list
from .languages import language_settings, search_configs

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    # Project apps first so that their templates override third-party ones.
    "core",
    "caching",
    "privacy",
    "operations",
    "demo",
    "navigation",
    "partners",
    "competences",
    "toolkit",
    "practices",
    "films",
    "events",
    "publications",
    "results",
    "reporting",
    "editorial",
    "home",
    "search",
    "syndication",
    "outbox",
    "badges",
    "alerts",
    "deposits",
    "archive",
    "staticcopy",
    "assessments",
    "courses",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "django_countries",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "axes",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "csp",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Whole pages for anonymous visitors, before sessions and routing run. A stored page
    # keeps the policy headers set below it, so a hit does not build them again.
    "caching.page_cache.PageCacheMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    # Archive mode: public posts are answered with the archive page, before the CSRF check.
    "archive.middleware.ArchiveMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "archive.context_processors.archive",
            ],
        },
    },
]

# SQLite is the embedded default; DATABASE_URL selects PostgreSQL in production.
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Admin logins are throttled by django-axes: its backend comes first and refuses
# a locked-out username and address before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Two locks (privacy/login_throttling.py): one username from one address after
# LOGIN_FAILURE_LIMIT failures, and one address, whatever the usernames tried, after
# LOGIN_ADDRESS_FAILURE_LIMIT (never below the first).
LOGIN_FAILURE_LIMIT = max(1, env_int("AXES_FAILURE_LIMIT", 5))
LOGIN_ADDRESS_FAILURE_LIMIT = max(LOGIN_FAILURE_LIMIT, env_int("AXES_ADDRESS_FAILURE_LIMIT", 20))
AXES_FAILURE_LIMIT = "privacy.login_throttling.failure_limit"
# At least a minute: an empty cool-off would make django-axes lock accounts for good.
AXES_COOLOFF_TIME = timedelta(minutes=max(1, env_int("AXES_COOLOFF_MINUTES", 30)))
# Locking by username and address together: an attacker cannot lock a colleague
# out from elsewhere, and one address cannot try one account endlessly; and by
# address, at the higher limit, so that it cannot try many accounts either.
AXES_LOCKOUT_PARAMETERS = "privacy.login_throttling.lockout_parameters"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "privacy.login_throttling.lockout_response"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: a setting, LANGUAGES=en,fr,nl by default, the source language first (it is
# LANGUAGE_CODE, the language pages are written in). Every public URL carries its language
# prefix. Each language is named in its own language from Django's data (LANG_INFO);
# `manage.py setup_languages` (also run after `migrate`) gives a new one its locale, pages,
# editors and media collection (editorial/languages.py).
LANGUAGES = language_settings(env_list("LANGUAGES", ["en", "fr", "nl"]))
LANGUAGE_CODE = LANGUAGES[0][0]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Brussels"
USE_TZ = True

# Translations go through a review before they are published: an untranslated
# copy must never go live when its source is submitted for translation.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Machine translation: an offline translation memory by default; DeepL or a
# LibreTranslate server when configured (see the README).
MACHINE_TRANSLATOR = env("MACHINE_TRANSLATOR", "memory")
if MACHINE_TRANSLATOR == "deepl":
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": env("DEEPL_API_KEY", "")},
    }
elif MACHINE_TRANSLATOR == "libretranslate":
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {"LIBRETRANSLATE_URL": env("LIBRETRANSLATE_URL", ""), "API_KEY": env("LIBRETRANSLATE_API_KEY", "")},
    }
else:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": "editorial.machine_translation.TranslationMemoryTranslator"}

# Public forms: honeypot and rate limits (privacy/protection.py); RATELIMIT_ENABLE=0
# switches the limits off, e.g. for load tests.
RATELIMIT_ENABLE = env_bool("RATELIMIT_ENABLE", True)
# When the cache that counts is unreachable, the forms accept posts rather than
# refuse them: nobody loses what they typed, and the honeypot still stops naive bots.
RATELIMIT_FAIL_OPEN = env_bool("RATELIMIT_FAIL_OPEN", True)
# Personal data of registrants and requesters (privacy/personal_data.py).
PERSONAL_DATA_RETENTION_DAYS = env_int("PERSONAL_DATA_RETENTION_DAYS", 180)
PERSONAL_DATA_CONTACT = env("PERSONAL_DATA_CONTACT", "")

# The demo (load_demo) is built only where DEMO_ALLOWED is true: development and the
# test suite. Its accounts (one per role, published password) also need DEMO_USERS
# and DEBUG: development only, never production (demo/development.py).
DEMO_ALLOWED = False
DEMO_USERS = False

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
STATIC_ROOT = Path(env("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = env("MEDIA_URL", "/media/")

# Files that only a view checking who asks may serve (attendance evidence, reporting/):
# never under MEDIA_ROOT, which the web server (or the bucket) gives to anyone. Every
# instance of the site must reach the same folder (a shared volume when scaled out).
PRIVATE_MEDIA_ROOT = Path(env("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": "/no-public-address/"},
    },
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Form fields other than files (large StreamField pages fit well within it); a
# bigger body is refused with 400. Files above FILE_UPLOAD_MAX_MEMORY_SIZE are
# streamed to a temporary file rather than held in memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_PERMISSIONS = 0o644

# Archive mode (archive/): the date the site became an archive (YYYY-MM-DD) closes every
# public form and puts a dated notice on every page; empty, the site is open. The
# contact (an address or an e-mail address) and its name say where to turn instead.
ARCHIVE_MODE = env("ARCHIVE_MODE", "")
ARCHIVE_CONTACT = env("ARCHIVE_CONTACT", "")
ARCHIVE_CONTACT_NAME = env("ARCHIVE_CONTACT_NAME", "")

# The page cache (caching/page_cache.py): on in production, off while developing
# and testing so that template changes and test data show at once.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", False)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 600)
PAGE_CACHE_CDN_SECONDS = env_int("PAGE_CACHE_CDN_SECONDS", 60)
# Memory each app process may use for the pages it served lately (caching/page_cache.py).
PAGE_CACHE_LOCAL_MB = env_int("PAGE_CACHE_LOCAL_MB", 32)
# How often each process reads the content version from the shared cache
# (caching/content_version.py): a change made in another process shows within this time.
PAGE_CACHE_CHECK_SECONDS = env_float("PAGE_CACHE_CHECK_SECONDS", 1.0)
# Stored query variants of one path per content version (?page=2, ?q=…).
PAGE_CACHE_MAX_VARIANTS = env_int("PAGE_CACHE_MAX_VARIANTS", 100)
# Settings that change what every page says: their values are part of each cached page's key.
PAGE_CACHE_KEY_SETTINGS = ["ARCHIVE_MODE", "ARCHIVE_CONTACT", "ARCHIVE_CONTACT_NAME"]

WAGTAIL_SITE_NAME = "STEPS"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Open Badges: the folder of the issuers' signing keys (never in the database or backups),
# and the address credentials name the issuer, keys and status lists by.
BADGES_KEY_DIR = env("BADGES_KEY_DIR", str(BASE_DIR / ".keys"))
BADGES_BASE_URL = env("BADGES_BASE_URL", WAGTAILADMIN_BASE_URL)
# Days a claim link e-mailed to a badge recipient works (a new one is sent from the admin).
BADGES_CLAIM_DAYS = max(1, env_int("BADGES_CLAIM_DAYS", 60))
# Wagtail's database search; on PostgreSQL each language is stemmed with its own
# text search configuration (search/backend.py).
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "search.backend",
        "SEARCH_CONFIG": "simple",
        # Each language's PostgreSQL configuration by its English name ("german"); a language
        # PostgreSQL has none for is searched with "simple" (search/backend.py checks).
        "SEARCH_CONFIGS": search_configs(LANGUAGES),
    }
}
# Uploads: only the kinds of file the site publishes (editions in PDF and EPUB,
# office documents, captions, films), each kind with a size limit; a refused file
# gets a form error naming what is allowed. No SVG images: an uploaded SVG can
# carry script. The proxy in front must accept bodies of UPLOAD_MAX_DOCUMENT_MB.
WAGTAILDOCS_EXTENSIONS = [
    *["pdf", "epub", "docx", "odt", "xlsx", "ods", "pptx", "odp", "csv", "txt"],
    *["vtt", "srt", "webm", "mp4"],
]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("UPLOAD_MAX_DOCUMENT_MB", 200) * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("UPLOAD_MAX_IMAGE_MB", 10) * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

EMAIL_SUBJECT_PREFIX = "[STEPS] "
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "STEPS <no-reply@localhost>")
# Seconds an SMTP connection may wait before the send fails (and is retried by the outbox).
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)

# Background tasks (django-tasks). "default" runs Wagtail's own tasks at once, as
# Wagtail expects. "outbox" stores e-mail as task rows in the database, inserted in
# the same transaction as the registration or request they belong to, and
# `manage.py db_worker --backend outbox --queue-name outbox` sends them (outbox/).
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "outbox": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["outbox"]},
}
# Attempts at sending one e-mail before it is marked failed; the wait between two
# attempts starts at OUTBOX_RETRY_SECONDS and doubles each time.
OUTBOX_MAX_ATTEMPTS = max(1, env_int("OUTBOX_MAX_ATTEMPTS", 8))
OUTBOX_RETRY_SECONDS = max(0, env_int("OUTBOX_RETRY_SECONDS", 60))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

# Security headers for the public pages. No inline scripts: JavaScript lives in
# static files. The admin (Wagtail's own pages) keeps Wagtail's defaults.
_MEDIA_ORIGINS = [origin for origin in env("MEDIA_ORIGIN", "").split(",") if origin]
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *_MEDIA_ORIGINS],
        "media-src": ["'self'", *_MEDIA_ORIGINS],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        # Films hosted on YouTube or Vimeo load only after the visitor asks.
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
    "fullscreen": ["self"],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"
