"""`thidua eval`: run the evaluation sets through each retriever and report the figures per split and kind."""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path

import typer

from bot.settings import Settings, get_settings

__all__ = ["default_library_dir", "evaluate", "load_corpus_folders"]

log = logging.getLogger(__name__)

_SET_CHOICES = ("directives", "library", "conversations", "all")
_SPLIT_CHOICES = ("dev", "test", "all")


def default_library_dir() -> Path:
    """The gazette library next to the checkout (``../shared/library``), which ``library.jsonl`` is written over."""
    return Path(__file__).resolve().parents[2].parent / "shared" / "library"


def load_corpus_folders(folders: list[Path], max_file_mb: float = 20.0):
    """One corpus from several folders (the library beside the bundled directives); a doc_id seen twice is skipped."""
    import corpus as corpus_pkg
    from corpus import Corpus, Problem, load_corpus

    if hasattr(corpus_pkg, "corpus_dirs"):  # the loader reads several folders itself
        return load_corpus([Path(f) for f in folders], max_file_mb=max_file_mb)
    directives: dict[str, object] = {}
    problems: list[Problem] = []
    for folder in folders:
        part = load_corpus(folder, max_file_mb=max_file_mb)
        problems.extend(part.problems)
        for d in part.directives:
            if d.doc_id in directives:
                problems.append(Problem(Path(folder) / d.source, f"{d.source}: trùng mã văn bản '{d.doc_id}'; bỏ qua.",
                                        f"duplicate doc_id {d.doc_id}"))
                continue
            directives[d.doc_id] = d
    return Corpus(tuple(directives[k] for k in sorted(directives)), tuple(problems))


def _load_assistant(settings: Settings, folders: list[Path]):
    """The real assistant over ``folders`` (kept separate so tests can substitute a fake)."""
    import corpus as corpus_pkg
    from bot.assistant import Assistant, open_settings_index

    if [Path(f) for f in folders] == [Path(settings.corpus_dir)]:
        return Assistant.load(settings)
    if hasattr(corpus_pkg, "corpus_dirs"):  # settings name several folders joined by os.pathsep
        joined = Path(os.pathsep.join(str(f) for f in folders))
        return Assistant.load(settings.model_copy(update={"corpus_dir": joined}))
    corpus = load_corpus_folders(folders, settings.max_file_mb)
    for problem in corpus.problems:
        log.warning("skipped %s: %s", problem.path, problem.detail or problem.message)
    index = open_settings_index(corpus, settings)
    return Assistant(corpus, index, top_k=settings.top_k, retriever=settings.retriever)


def _parse_retrievers(value: str | None) -> tuple[str, ...]:
    from eval.runner import RETRIEVERS

    names = tuple(dict.fromkeys(x.strip().lower() for x in (value or ",".join(RETRIEVERS)).split(",") if x.strip()))
    unknown = [n for n in names if n not in RETRIEVERS]
    if unknown or not names:
        typer.echo(
            f"Bộ truy hồi không hợp lệ: {', '.join(unknown) or '(trống)'}. "
            f"Chọn trong: {', '.join(RETRIEVERS)}, cách nhau bởi dấu phẩy (ví dụ --retriever bm25,hybrid).",
            err=True,
        )
        raise typer.Exit(2)
    return names


def _choice(value: str, choices: tuple[str, ...], option: str) -> str:
    value = (value or "").strip().lower()
    if value not in choices:
        typer.echo(f"{option} không hợp lệ: {value or '(trống)'}. Chọn một trong: {', '.join(choices)}.", err=True)
        raise typer.Exit(2)
    return value


def _load_sets(set_name: str, questions: Path | None, conversations: Path | None) -> dict[str, tuple]:
    """The sets to run: the files given with --questions/--conversations, else the shipped files of --set."""
    from eval.questions import load_conversations, load_questions, set_path

    if questions is not None or conversations is not None:
        out: dict[str, tuple] = {}
        if questions is not None:
            out[Path(questions).stem] = load_questions(questions)
        if conversations is not None:
            out["conversations"] = load_conversations(conversations)
        return out
    names = ("directives", "library", "conversations") if set_name == "all" else (set_name,)
    out = {}
    for name in names:
        path = set_path(name)
        if set_name == "all" and not path.is_file():
            log.warning("evaluation set %s not found at %s", name, path)
            continue
        out[name] = load_conversations(path) if name == "conversations" else load_questions(path)
    return out


def _eval_index_dir(settings: Settings, folders: list[Path]) -> Path:
    """A separate index folder for a corpus other than the configured one, so eval never rebuilds the user's index."""
    key = hashlib.sha256("\n".join(str(Path(f).resolve()) for f in folders).encode()).hexdigest()[:10]
    index_dir = Path(settings.index_dir)
    return index_dir.with_name(f"{index_dir.name}-eval-{key}")


def evaluate(
    set_name: str = typer.Option("directives", "--set", help="Bộ câu hỏi: directives | library | conversations | all."),
    split: str = typer.Option("all", "--split", help="Phần: dev | test | all (báo cáo riêng từng phần)."),
    questions: Path = typer.Option(None, "--questions", help="Tệp câu hỏi JSONL thay cho bộ kèm gói."),
    conversations: Path = typer.Option(None, "--conversations", help="Tệp hội thoại JSONL thay cho bộ kèm gói."),
    retriever: str = typer.Option(
        None, "--retriever", help="Các bộ truy hồi cần đánh giá, cách nhau bởi dấu phẩy (mặc định: bm25,dense,hybrid)."
    ),
    as_json: bool = typer.Option(False, "--json", help="In đúng một đối tượng JSON ra stdout."),
    out: Path = typer.Option(None, "--out", help="Thư mục ghi report.md, metrics.json và metrics.png."),
    corpus_dir: list[Path] = typer.Option(
        None, "--corpus-dir",
        help="Thư mục văn bản, lặp lại được (mặc định THIDUA_CORPUS_DIR; --set library|conversations|all thêm ../shared/library).",
    ),
    index_dir: Path = typer.Option(None, help="Thư mục chỉ mục (THIDUA_INDEX_DIR)."),
    embedding_model: str = typer.Option(None, help="Mô hình nhúng (THIDUA_EMBEDDING_MODEL)."),
    limit: int = typer.Option(None, "--limit", min=1, help="Chỉ chạy N mục đầu tiên mỗi bộ (để thử nhanh)."),
    allow_unresolved_gold: bool = typer.Option(
        False, "--allow-unresolved-gold",
        help="Vẫn chấm câu có điều khoản gold mà bộ đọc văn bản không tìm thấy (trích dẫn tính là sai).",
    ),
) -> None:
    from eval.questions import QuestionSetError
    from eval.report import render_text, write_report
    from eval.runner import run_evaluation

    names = _parse_retrievers(retriever)
    set_name = _choice(set_name, _SET_CHOICES, "--set")
    split = _choice(split, _SPLIT_CHOICES, "--split")
    try:
        sets = _load_sets(set_name, questions, conversations)
    except QuestionSetError as exc:
        typer.echo(f"Lỗi bộ câu hỏi: {exc}", err=True)
        raise typer.Exit(2) from None
    sets = {name: tuple(i for i in items if split == "all" or i.split == split)[:limit] for name, items in sets.items()}
    sets = {name: items for name, items in sets.items() if items}
    if not sets:
        typer.echo(f"Không có câu hỏi nào trong phần {split!r} của bộ {set_name!r}.", err=True)
        raise typer.Exit(2)

    only_bm25 = names == ("bm25",)
    settings = get_settings(corpus_dir=None, index_dir=index_dir, embedding_model=embedding_model,
                            retriever="bm25" if only_bm25 else None)
    folders = [Path(f) for f in corpus_dir] if corpus_dir else [Path(settings.corpus_dir)]
    # Conversations ask about library documents as well as the directives (their gold cites both).
    if not corpus_dir and ("library" in sets or "conversations" in sets) and questions is None and conversations is None:
        library = default_library_dir()
        if not library.is_dir():
            typer.echo(f"Bộ {set_name} cần thư mục thư viện ({library} không có); thêm --corpus-dir THƯ_MỤC.", err=True)
            raise typer.Exit(2)
        folders.append(library)
    if folders != [Path(settings.corpus_dir)] and index_dir is None:
        settings = settings.model_copy(update={"index_dir": _eval_index_dir(settings, folders)})
    try:
        assistant = _load_assistant(settings, folders)
    except Exception as exc:
        log.debug("assistant failed to load", exc_info=True)
        typer.echo(
            f"Không tải được trợ lý ({exc}). Kiểm tra --corpus-dir ({', '.join(map(str, folders))}) và "
            f"--index-dir ({settings.index_dir}), hoặc chạy `thidua index` trước.",
            err=True,
        )
        raise typer.Exit(1) from None
    try:
        report = run_evaluation(assistant, sets, names, progress=True, allow_unresolved_gold=allow_unresolved_gold)
    except QuestionSetError as exc:
        typer.echo(f"Lỗi bộ câu hỏi: {exc}", err=True)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        typer.echo(render_text(report))
    if out is not None:
        try:
            markdown, chart = write_report(report, out)
        except OSError as exc:
            typer.echo(f"Không ghi được báo cáo vào {out}: {exc}. Chọn thư mục khác với --out.", err=True)
            raise typer.Exit(1) from None
        typer.echo(f"Đã ghi {markdown} và {chart}", err=True)
