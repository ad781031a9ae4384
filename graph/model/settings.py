"""One settings object for the whole project, read from ``STANCEGRAPH_*`` variables.

``stancegraph settings`` prints every setting with its value, default and help.
Neo4j credentials use the conventional ``NEO4J_URI``, ``NEO4J_USER`` (or ``NEO4J_USERNAME``, the name
Neo4j's own tools read) and ``NEO4J_PASSWORD`` names and may also come from a git-ignored ``.env`` file.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="STANCEGRAPH_", env_file=".env", extra="ignore")

    store: Path = Field(Path(".stancegraph"), description="Folder of the embedded RDF store.")
    base_iri: str = Field(
        "https://w3id.org/stancegraph/id/", description="Base of instance IRIs (must end with / or #)."
    )
    write_token: SecretStr | None = Field(
        None, description="Token that unlocks writes (ingest, SPARQL update, Graph Store writes). Unset: read-only."
    )
    query_timeout: float = Field(10.0, description="Seconds a SPARQL or Cypher query may run before it is stopped.")
    query_row_limit: int = Field(10_000, description="Most rows a SPARQL or Cypher query may return.")
    upload_limit_mb: int = Field(50, description="Largest upload accepted by POST /documents, in MB.")
    body_timeout: float = Field(30.0, description="Seconds the server waits for the next part of a request body "
                                                  "before it answers 408 (a client that stalls mid-upload).")
    cors_origins: str = Field("", description="Comma-separated origins allowed by CORS; empty means CORS is off.")
    warm_cache: bool = Field(True, description="At start-up, read the store's records and build the stance matrix in "
                                               "the background, so the first analysis request does not wait for them.")
    bulk_load_quads: int = Field(
        200_000, description="Loads of new documents with at least this many quads are built from the records, checked "
                             "and written a chunk at a time (of at most 200,000 quads, or this many if fewer) by the bulk "
                             "loader under a recovery mark, instead of in one transaction: memory bounded by the chunk, not "
                             "the load, and the write several times faster; a load cut short is undone when the store "
                             "next opens. Queries that run during such a load may see part of it. 0 turns this off.")
    workers: int = Field(0, description="Processes used to extract documents in parallel; 0 means one per core.")
    neo4j_uri: str | None = Field(
        None,
        validation_alias=AliasChoices("NEO4J_URI", "STANCEGRAPH_NEO4J_URI"),
        description="Bolt URI of a Neo4j server, e.g. bolt://127.0.0.1:7687 (env NEO4J_URI).",
    )
    neo4j_user: str = Field(
        "neo4j", validation_alias=AliasChoices("NEO4J_USER", "NEO4J_USERNAME", "STANCEGRAPH_NEO4J_USER"),
        description="Neo4j user (env NEO4J_USER, or NEO4J_USERNAME as Neo4j's own tools read it)."
    )
    neo4j_password: SecretStr | None = Field(
        None,
        validation_alias=AliasChoices("NEO4J_PASSWORD", "STANCEGRAPH_NEO4J_PASSWORD"),
        description="Neo4j password (env NEO4J_PASSWORD).",
    )
    neo4j_database: str = Field(
        "neo4j",
        validation_alias=AliasChoices("NEO4J_DATABASE", "STANCEGRAPH_NEO4J_DATABASE"),
        description="Neo4j database name (env NEO4J_DATABASE).",
    )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (read once; tests call ``get_settings.cache_clear()``)."""
    return Settings()


def describe_settings(settings: Settings) -> list[dict[str, str]]:
    """Each setting as a row: name, environment variable, value (secrets masked), default, help."""
    rows = []
    for name, field in Settings.model_fields.items():
        alias = field.validation_alias
        env = alias.choices[0] if isinstance(alias, AliasChoices) else f"STANCEGRAPH_{name.upper()}"
        value = getattr(settings, name)
        if isinstance(value, SecretStr):
            shown = "********" if value.get_secret_value() else ""
        else:
            shown = "" if value is None else str(value)
        default = field.default
        rows.append(
            {
                "name": name,
                "env": str(env),
                "value": shown,
                "default": "" if default is None else str(default),
                "help": field.description or "",
            }
        )
    return rows
