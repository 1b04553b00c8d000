"""Hand-written corrections beside a document: ``X.meta.toml`` overrides what the text says.

Some directives arrive without a header (the number and date were on a
scanned first page), so a supervisor can state them once in a sidecar and
every answer then cites the right number, with provenance "sidecar".
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from corpus.errors import ThiduaError
from corpus.metadata import FIELD_NAMES

__all__ = ["SidecarError", "read_sidecar", "sidecar_path"]


class SidecarError(ThiduaError, ValueError):
    """The sidecar exists but cannot be used; the message is Vietnamese, for the user."""


def sidecar_path(path: Path) -> Path:
    """``son-la-2024.txt`` -> ``son-la-2024.meta.toml``."""
    return path.with_name(f"{path.stem}.meta.toml")


def read_sidecar(path: Path) -> dict[str, str | int | None]:
    """The overrides for the document at ``path`` ({} when there is no sidecar)."""
    side = sidecar_path(path)
    if not side.is_file():
        return {}
    try:
        data = tomllib.loads(side.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SidecarError(
            f"{side.name}: tệp siêu dữ liệu không đúng cú pháp TOML ({exc}); sửa lại hoặc xóa tệp này."
        ) from exc
    unknown = sorted(set(data) - set(FIELD_NAMES))
    if unknown:
        raise SidecarError(
            f"{side.name}: trường không hỗ trợ {', '.join(unknown)}; chỉ dùng: {', '.join(FIELD_NAMES)}."
        )
    out: dict[str, str | int | None] = {}
    for key, value in data.items():
        if key == "year":
            if not isinstance(value, int):
                raise SidecarError(f"{side.name}: year phải là số nguyên, ví dụ year = 2024.")
        elif key == "date" and not isinstance(value, str):
            value = str(value)  # TOML dates (date = 2024-01-03) arrive as datetime.date
        elif not isinstance(value, str):
            raise SidecarError(f'{side.name}: {key} phải là chuỗi, ví dụ {key} = "...".')
        out[key] = value.strip() if isinstance(value, str) else value
    return out
