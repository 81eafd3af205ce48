"""The search backend: Wagtail's database backend, with per-language stemming on PostgreSQL.

On PostgreSQL each object is indexed with the text search configuration of its
own language (``SEARCH_CONFIGS``: language code -> configuration, e.g. "fr" ->
"french"), and each query is parsed with the configuration of the active
language, so "formations" finds "formation" in French and "trainingen" finds
"training" in Dutch. Objects without a language, and languages without a
configuration, use ``SEARCH_CONFIG`` (PostgreSQL's default when unset). The settings
name a configuration for every configured language (its English name, e.g. "german");
one the database does not have (PostgreSQL ships about thirty: no "slovenian") is
replaced by ``SEARCH_CONFIG`` ("simple": words as written, without stemming).

Every locale's pages share Wagtail's single index table (one row per object),
which is why one backend picks the configuration per object rather than one
backend per language: separate backends would overwrite each other's rows.

On SQLite (and any other database) this is Wagtail's own database backend,
which does not stem.
"""

import copy
from collections import defaultdict
from functools import cache

from django.db import connection
from django.utils.translation import get_language
from modelsearch.backends.database import SearchBackend as database_backend


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up by this name)
    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    return database_backend(params)


@cache
def _postgres_backend_class():
    # Imported late: the PostgreSQL modules need psycopg and django.contrib.postgres.
    from modelsearch.backends.database.postgres.postgres import (
        PostgresIndex,
        PostgresSearchBackend,
        PostgresSearchQueryCompiler,
        PostgresSearchResults,
    )
    from wagtail.models import Locale

    class LanguageQueryCompiler(PostgresSearchQueryCompiler):
        def get_config(self, backend):
            return backend.config_for_language(get_language())

    class LanguageIndex(PostgresIndex):
        def add_items(self, model, objs):
            languages = dict(Locale.objects.values_list("pk", "language_code"))
            groups = defaultdict(list)
            for obj in objs:
                code = languages.get(getattr(obj, "locale_id", None))
                groups[self.backend.config_for_language(code)].append(obj)
            for config, group in groups.items():
                PostgresIndex(self.backend.with_config(config)).add_items(model, group)

    class LanguagePostgresSearchBackend(PostgresSearchBackend):
        query_compiler_class = LanguageQueryCompiler
        index_class = LanguageIndex
        results_class = PostgresSearchResults

        def __init__(self, params):
            super().__init__(params)
            self.configs = dict(params.get("SEARCH_CONFIGS", {}))
            self._available = None

        def available_configs(self):
            """The text search configurations this database has (read once)."""
            if self._available is None:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT cfgname FROM pg_catalog.pg_ts_config")
                    self._available = {row[0] for row in cursor.fetchall()}
            return self._available

        def config_for_language(self, code):
            if code and code not in self.configs:
                code = code.split("-")[0]
            config = self.configs.get(code)
            if config is None or config not in self.available_configs():
                return self.config
            return config

        def with_config(self, config):
            clone = copy.copy(self)
            clone.config = config
            clone._available = self._available
            return clone

    return LanguagePostgresSearchBackend
