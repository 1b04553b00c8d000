"""Options shared by several commands, so every command reads them the same way."""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["CORPUS_DIR_HELP", "joined_corpus_dirs"]

CORPUS_DIR_HELP = "Thư mục văn bản (THIDUA_CORPUS_DIR); lặp lại được, hoặc nhiều thư mục cách nhau bởi ':'."


def joined_corpus_dirs(dirs: list[Path] | tuple[Path, ...] | None) -> Path | None:
    """Repeated ``--corpus-dir`` flags as the one value ``THIDUA_CORPUS_DIR`` takes (folders joined by os.pathsep).

    A single-value option would keep only the last flag and drop the other folders without a word,
    so every command declares ``--corpus-dir`` as a list and joins it here, as ``thidua eval`` does.
    """
    if not dirs:
        return None
    return Path(os.pathsep.join(str(d) for d in dirs))
