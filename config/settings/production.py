"""Production settings: everything secret or site-specific comes from the environment.

The site refuses to start without SECRET_KEY and ALLOWED_HOSTS. It runs behind a
TLS-terminating proxy that sets X-Forwarded-Proto.
"""

from .base import *  # noqa: F403
from .env import env, env_bool, env_float, env_int, env_list, env_required

DEBUG = False
# Never the demo or its accounts (load_demo --allow-outside-development builds the content only).
DEMO_ALLOWED = False
DEMO_USERS = False
SECRET_KEY = env_required("SECRET_KEY")
BADGES_KEY_DIR = env_required("BADGES_KEY_DIR")
env_required("ALLOWED_HOSTS")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# TLS is terminated by the proxy in front of the app.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)

# Rate limits count per visitor, not per proxy: read the client's address from
# X-Forwarded-For, trusting as many proxies as are in front of the app.
RATELIMIT_IP_META_KEY = "privacy.protection.client_ip"
PROTECTION_PROXY_COUNT = env_int("PROTECTION_PROXY_COUNT", 1)
# Admin login throttling (django-axes) counts the same address.
AXES_CLIENT_IP_CALLABLE = "privacy.protection.client_ip"

# Redis, shared by every process. Without REDIS_URL the cache is private to each
# process, which the page cache refuses (caching/checks.py) unless
# PAGE_CACHE_SINGLE_PROCESS says the site runs as exactly one process.
REDIS_URL = env("REDIS_URL")
CACHE_TIMEOUT_SECONDS = env_float("CACHE_TIMEOUT_SECONDS", 0.25)
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's Redis backend, answering "miss" and backing off while Redis is away.
            "BACKEND": "caching.resilient_cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "steps"),
            "BACKOFF_SECONDS": env_int("CACHE_BACKOFF_SECONDS", 5),
            "OPTIONS": {
                "socket_connect_timeout": CACHE_TIMEOUT_SECONDS,
                "socket_timeout": CACHE_TIMEOUT_SECONDS,
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
PAGE_CACHE_SINGLE_PROCESS = env_bool("PAGE_CACHE_SINGLE_PROCESS", False)

EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405

# Media on S3-compatible object storage when a bucket is configured, else on local disk.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL")
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME")
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN")
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = False
    AWS_S3_FILE_OVERWRITE = False
    STORAGES = {**STORAGES, "default": {"BACKEND": "storages.backends.s3.S3Storage"}}  # noqa: F405

LOGGING = {  # noqa: F405
    **LOGGING,  # noqa: F405
    "loggers": {"django.security.DisallowedHost": {"handlers": [], "propagate": False}},
}
