"""`thidua index`: build or refresh the search index and say, in Vietnamese, what was done."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import typer

from bot.commands.options import CORPUS_DIR_HELP, joined_corpus_dirs
from bot.settings import get_settings

__all__ = ["index"]

log = logging.getLogger(__name__)

_RETRIEVERS = ("hybrid", "dense", "bm25")


def index(
    retriever: str = typer.Option(None, help="hybrid | dense | bm25 (mặc định theo THIDUA_RETRIEVER)."),
    rebuild: bool = typer.Option(False, "--rebuild", help="Xây dựng lại toàn bộ chỉ mục (nhúng lại mọi đoạn)."),
    corpus_dir: list[Path] = typer.Option(None, "--corpus-dir", help=CORPUS_DIR_HELP),
    index_dir: Path = typer.Option(None, help="Thư mục chỉ mục (THIDUA_INDEX_DIR)."),
    embedding_model: str = typer.Option(None, help="Mô hình nhúng: tên trên Hugging Face hoặc thư mục (THIDUA_EMBEDDING_MODEL)."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Hiện thanh tiến trình khi nhúng."),
) -> None:
    """Build the index on first use, refresh only changed documents afterwards."""
    from bot.library import load_settings_library, open_settings_index
    from corpus import corpus_dirs
    from index import IndexMismatchError

    if retriever is not None and retriever not in _RETRIEVERS:
        typer.echo(f"Bộ tìm kiếm '{retriever}' không hợp lệ; chọn một trong: {', '.join(_RETRIEVERS)}.", err=True)
        raise typer.Exit(2)
    settings = get_settings(corpus_dir=joined_corpus_dirs(corpus_dir), index_dir=index_dir, embedding_model=embedding_model,
                            retriever=retriever)
    logging.getLogger().setLevel(settings.log_level.upper())
    folders = corpus_dirs(settings.corpus_dir)
    missing = [f for f in folders if not f.is_dir()]
    if missing:
        typer.echo(f"Không tìm thấy thư mục văn bản: {', '.join(map(str, missing))}. "
                   "Đặt --corpus-dir hoặc THIDUA_CORPUS_DIR.", err=True)
        raise typer.Exit(1)
    t0 = time.perf_counter()
    library = load_settings_library(settings, progress=progress, use_stored=not rebuild, with_facts=True)
    corpus = library.corpus
    for problem in corpus.problems:
        typer.echo(problem.message, err=True)
    if not len(corpus):
        typer.echo(f"Thư mục {settings.corpus_dir} không có văn bản nào đọc được; chưa xây dựng chỉ mục.", err=True)
        raise typer.Exit(1)
    try:
        idx = open_settings_index(library, settings, progress=progress, rebuild=rebuild, embed_all=True)
    except IndexMismatchError as exc:
        typer.echo(str(exc), err=True)
        raise typer.Exit(1) from None
    except OSError as exc:
        log.debug("index write failed", exc_info=True)
        typer.echo(f"Không ghi được chỉ mục vào {settings.index_dir}: {exc.strerror or exc}. "
                   "Kiểm tra quyền ghi hoặc chọn thư mục khác bằng --index-dir.", err=True)
        raise typer.Exit(1) from None
    if idx.report.write_error:
        typer.echo(f"Không ghi được chỉ mục vào {settings.index_dir}: {idx.report.write_error}. "
                   "Kiểm tra quyền ghi hoặc chọn thư mục khác bằng --index-dir.", err=True)
        raise typer.Exit(1)
    if idx.notice:
        typer.echo(idx.notice, err=True)
    # Word rarities are counted here, once per corpus, and kept with the index: otherwise the first
    # question (or the chat's start) after a build would wait for them (seconds over a whole library).
    from bot.assistant import Assistant

    Assistant(corpus, idx, retriever=settings.retriever).count_word_rarities()
    rep = idx.report
    if rep.rebuilt:
        action = "Đã xây dựng mới chỉ mục"
    elif rep.saved:
        parts = [f"thêm {len(rep.added)}", f"cập nhật {len(rep.changed)}", f"bỏ {len(rep.removed)}"]
        action = "Đã cập nhật chỉ mục (" + ", ".join(parts) + " văn bản)"
    else:
        action = "Chỉ mục đã khớp với kho văn bản, không cần cập nhật"
    dim = idx.dimension if idx.dimension else "—"
    # "heading": one vector per distinct title + chapter/article/section heading, shared by the chunks under it
    read = " tiêu đề; mô hình chỉ đọc tên văn bản và tiêu đề chương, điều, mục" if idx.dense_unit == "heading" else ""
    vec = {"flat": "chính xác (IndexFlatIP)", "hnsw": "HNSW"}.get(idx.vector_index or "", "không có")
    typer.echo(
        f"{action}.\n"
        f"  Văn bản: {rep.documents}\n"
        f"  Đoạn (chunk): {rep.chunks} (nhúng mới: {rep.embedded}{read})\n"
        f"  Mô hình nhúng: {idx.model} (số chiều: {dim}; chỉ mục vectơ: {vec})\n"
        f"  Bộ tìm kiếm đang dùng: {idx.retriever}\n"
        f"  Thời gian: {time.perf_counter() - t0:.1f} giây\n"
        f"  Thư mục: {idx.folder}"
    )
