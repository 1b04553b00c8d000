"""The one settings object.  Every CLI flag defaults from it; lower layers get plain arguments."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["DenseUnit", "Retriever", "Settings", "bundled_corpus_dir", "get_settings"]

Retriever = Literal["hybrid", "dense", "bm25"]
#: what one vector stands for (index.chunking.DenseUnit), or "auto": headings for a corpus too large to embed whole
DenseUnit = Literal["auto", "chunk", "heading"]


def bundled_corpus_dir() -> Path:
    """The five seed directives shipped with the package."""
    import corpus

    return Path(corpus.__file__).resolve().parent / "data"


def _data_dir() -> Path:
    return Path(platformdirs.user_data_dir("thidua", appauthor=False))


class Settings(BaseSettings):
    """Read from the environment (prefix ``THIDUA_``) and an optional ``.env`` file."""

    model_config = SettingsConfigDict(env_prefix="THIDUA_", env_file=".env", extra="ignore")

    corpus_dir: Path = Field(default_factory=bundled_corpus_dir)
    index_dir: Path = Field(default_factory=lambda: _data_dir() / "index")
    embedding_model: str = "AITeamVN/Vietnamese_Embedding"
    # Tried when embedding_model cannot be loaded (offline, not cached); empty = straight to BM25.
    embedding_fallback: str | None = "bundled:multilingual-e5-small"
    # More chunks than this to embed are left to `thidua index` (BM25 meanwhile); see README, "Kho lớn".
    embed_on_open_max_chunks: int = Field(default=2000, ge=0)
    # What one vector stands for (index.chunking.DenseUnit): "chunk" reads every chunk whole, "heading" only each
    # document's title and the chapter/article/section headings (a library's vectors in minutes instead of hours);
    # "auto": "heading" when the corpus has more clauses than embed_on_open_max_chunks (README, "Kho lớn").
    dense_unit: DenseUnit = "chunk"
    reranker: str | None = None
    retriever: Retriever = "hybrid"
    top_k: int = Field(default=5, ge=1, le=50)
    device: str = "cpu"
    batch_size: int = Field(default=16, ge=1)
    max_file_mb: float = Field(default=20.0, gt=0)
    feedback_db: Path = Field(default_factory=lambda: _data_dir() / "feedback.db")
    users_file: Path | None = None
    # login (only with users_file): how long a login lasts, failures allowed per window, other web
    # origins allowed to call the chat with the login cookie (comma-separated; none by default)
    session_hours: float = Field(default=12.0, gt=0, le=24 * 30)
    login_max_failures: int = Field(default=5, ge=1)
    login_max_failures_per_address: int = Field(default=20, ge=1)
    login_window_minutes: float = Field(default=15.0, gt=0)
    allowed_origins: str = ""
    chat_cache_size: int = Field(default=512, ge=0)  # answers the chat reuses for a repeated question; 0 = off
    log_level: str = "ERROR"  # operators: THIDUA_LOG_LEVEL=INFO or DEBUG for details
    log_file: Path | None = Field(default_factory=lambda: _data_dir() / "thidua.log")  # operators' traces


def get_settings(**overrides: object) -> Settings:
    """Settings from the environment, with explicit (non-None) overrides from CLI flags."""
    return Settings(**{k: v for k, v in overrides.items() if v is not None})
