"""`thidua chat`: start the Chainlit web chat headless, or add a login with --add-user."""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import typer
from pydantic import ValidationError

from bot.commands.options import CORPUS_DIR_HELP, joined_corpus_dirs
from bot.settings import Settings, get_settings

__all__ = ["chainlit_env", "chat", "server_root"]

log = logging.getLogger("thidua.chat")

_PATH_FIELDS = ("corpus_dir", "index_dir", "feedback_db", "users_file")
LOAD_FAILED_EXIT = 3  # bot/chat/app.py exits with it after printing why the assistant could not load


def _fail(message: str, code: int = 1) -> None:
    typer.echo(f"Lỗi: {message}", err=True)
    raise typer.Exit(code)


@contextlib.contextmanager
def server_root() -> Iterator[Path]:
    """A private Chainlit app root for one chat server, removed when the server stops.

    Chainlit writes into its app root: each panel a user opens («Nguồn 1») is a file under ``.files/``, and a
    server deletes the whole ``.files/`` when it stops.  Two servers run from one install shared that folder, so
    the first to stop deleted the other's files and its next «Nguồn» click failed (FileNotFoundError).  Each
    server gets a copy of the packaged app root (config, translation, page files: a few KB) in a temporary folder
    instead; the install itself is never written, so a read-only install works too.
    """
    from bot.chat import APP_ROOT

    root = Path(tempfile.mkdtemp(prefix="thidua-chat-"))
    try:
        for name in (".chainlit", "public"):
            shutil.copytree(APP_ROOT / name, root / name)
        for md in APP_ROOT.glob("*.md"):
            shutil.copy2(md, root / md.name)
        yield root
    finally:
        shutil.rmtree(root, ignore_errors=True)


def chainlit_env(settings: Settings, app_root: Path, base: dict[str, str] | None = None) -> dict[str, str]:
    """Environment for the Chainlit process: every setting as THIDUA_* (paths absolute, since the
    child runs in the app root and would not see this folder's .env), plus CHAINLIT_APP_ROOT."""
    from corpus import corpus_dirs

    env = dict(os.environ if base is None else base)
    for name, value in settings.model_dump().items():
        key = f"THIDUA_{name.upper()}"
        if value is None:
            env.pop(key, None)
            continue
        if name == "corpus_dir":  # several folders joined by os.pathsep: each made absolute on its own
            value = os.pathsep.join(str(Path(part).expanduser().resolve()) for part in corpus_dirs(value))
        elif name in _PATH_FIELDS:
            value = Path(value).expanduser().resolve()
        env[key] = str(value)
    env["CHAINLIT_APP_ROOT"] = str(app_root)
    env.setdefault("PYTHONIOENCODING", "utf-8")
    return env


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def _port_open(host: str, port: int) -> bool:
    target = "127.0.0.1" if host in ("0.0.0.0", "") else host
    try:
        with socket.create_connection((target, port), timeout=0.5):
            return True
    except OSError:
        return False


def _interrupt(signum: int, frame: object) -> None:
    """SIGTERM behaves like Ctrl+C so the Chainlit child is stopped too."""
    raise KeyboardInterrupt


def _add_user(settings: Settings, name: str) -> None:
    from bot.chat.users import add_user

    if not settings.users_file:
        _fail("chưa đặt tệp người dùng. Đặt THIDUA_USERS_FILE=/đường/dẫn/users.toml rồi chạy lại "
              f"`thidua chat --add-user {name}`.", 2)
    password = typer.prompt(f"Mật khẩu cho {name}", hide_input=True)
    if typer.prompt("Nhập lại mật khẩu để xác nhận", hide_input=True) != password:
        _fail("hai mật khẩu đã nhập không khớp; chưa lưu gì. Chạy lại lệnh và nhập lại.", 2)
    try:
        add_user(settings.users_file, name, password)
    except (ValueError, OSError) as exc:
        _fail(str(exc), 2)
    typer.echo(f"Đã lưu người dùng «{name}» vào {settings.users_file}.")
    if not os.environ.get("CHAINLIT_AUTH_SECRET"):
        typer.echo("Để bật đăng nhập, đặt thêm CHAINLIT_AUTH_SECRET (tạo bằng `chainlit create-secret`).")


def chat(
    host: str = typer.Option("127.0.0.1", "--host", help="Địa chỉ lắng nghe (0.0.0.0 để mở cho cả mạng nội bộ)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="Cổng web."),
    corpus_dir: list[Path] | None = typer.Option(None, "--corpus-dir", help=CORPUS_DIR_HELP),
    index_dir: Path | None = typer.Option(None, "--index-dir", help="Thư mục chỉ mục (mặc định: THIDUA_INDEX_DIR)."),
    retriever: str | None = typer.Option(None, "--retriever", help="hybrid, dense hoặc bm25 (mặc định: THIDUA_RETRIEVER)."),
    embedding_model: str | None = typer.Option(None, "--embedding-model", help="Mô hình nhúng (mặc định: THIDUA_EMBEDDING_MODEL)."),
    add_user: str | None = typer.Option(None, "--add-user", metavar="TÊN",
                                        help="Thêm/đổi mật khẩu một người dùng vào THIDUA_USERS_FILE rồi thoát."),
) -> None:
    """Start the chat; prints the address once the assistant has loaded."""
    try:
        settings = get_settings(corpus_dir=joined_corpus_dirs(corpus_dir), index_dir=index_dir, retriever=retriever,
                                embedding_model=embedding_model)
    except ValidationError as exc:
        from bot.cli_messages import settings_error

        typer.echo(settings_error(exc), err=True)
        raise typer.Exit(2) from None
    if add_user:
        _add_user(settings, add_user)
        return
    if settings.users_file and not os.environ.get("CHAINLIT_AUTH_SECRET"):
        _fail("đã đặt THIDUA_USERS_FILE (bật đăng nhập) nhưng thiếu CHAINLIT_AUTH_SECRET. "
              "Tạo bằng `chainlit create-secret` và đặt vào biến môi trường, hoặc bỏ THIDUA_USERS_FILE.", 2)
    if not _port_free(host, port):
        _fail(f"cổng {port} trên {host} đang được dùng. Chọn cổng khác bằng --port, ví dụ --port {port + 1}.")

    from bot.chat import APP_FILE
    from bot.chat.offline import prepare_frontend

    with server_root() as root:
        prepare_frontend(root)  # the page loads no asset from the Internet (offline intranets)
        env = chainlit_env(settings, root)
        cmd = [sys.executable, "-m", "chainlit", "run", str(APP_FILE), "--headless", "--host", host, "--port", str(port)]
        log.info("starting %s in %s", cmd, root)
        typer.echo(f"Đang khởi động trợ lý (kho: {settings.corpus_dir}, chỉ mục: {settings.index_dir}, "
                   f"tìm kiếm: {settings.retriever}). Lần đầu có thể mất vài phút để xây dựng chỉ mục…")
        proc = subprocess.Popen(cmd, cwd=root, env=env)
        signal.signal(signal.SIGTERM, _interrupt)
        shown = "127.0.0.1" if host in ("0.0.0.0", "") else host
        try:
            while proc.poll() is None and not _port_open(host, port):
                time.sleep(0.3)
            if proc.poll() is None:
                typer.echo(f"Mở trình duyệt tại http://{shown}:{port}  (nhấn Ctrl+C để dừng)", color=False)
            code = proc.wait()
        except KeyboardInterrupt:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)  # before its app root is removed
            raise
    if code == LOAD_FAILED_EXIT:  # the chat printed why the assistant could not load
        raise typer.Exit(code)
    if code:
        _fail(f"máy chủ trò chuyện đã dừng với mã {code}. Xem thông báo phía trên; chạy lại với "
              "THIDUA_LOG_LEVEL=INFO để xem chi tiết.", code)
