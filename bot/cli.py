"""The `thidua` command line.  Each command lives in its own module under ``bot.commands``."""

from __future__ import annotations

import logging
import sys

import typer

from bot.commands import ask, chat, corpus_cmds, evaluate, feedback, index_cmds, supervisor
from bot.settings import get_settings

__all__ = ["app", "main"]

app = typer.Typer(
    name="thidua",
    help="Hỏi đáp về Chỉ thị phát động phong trào thi đua, luôn trích dẫn điều khoản nguồn.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

app.command("docs", help="Liệt kê các văn bản trong kho và siêu dữ liệu của chúng.")(corpus_cmds.docs)
app.command("show", help="Hiển thị một văn bản hoặc một điều khoản.")(corpus_cmds.show)
app.command("index", help="Xây dựng hoặc cập nhật chỉ mục tìm kiếm.")(index_cmds.index)
app.command("ask", help="Đặt câu hỏi; câu trả lời luôn kèm điều khoản nguồn.")(ask.ask)
app.command("chat", help="Mở giao diện trò chuyện trên trình duyệt.")(chat.chat)
app.command("responsibilities", help="Bảng trách nhiệm: cơ quan nào làm gì, theo điều khoản nào.")(
    supervisor.responsibilities
)
app.command("targets", help="Bảng chỉ tiêu số, theo điều khoản nào.")(supervisor.targets)
app.command("report", help="Xuất bảng tính Excel cho người giám sát.")(supervisor.report)
app.command("eval", help="Đánh giá hệ thống trên bộ câu hỏi.")(evaluate.evaluate)
app.command("feedback", help="Xuất phản hồi của người dùng.")(feedback.feedback)


def main() -> None:
    """Entry point: no stack trace reaches the user; details go to the log."""
    try:
        level = get_settings().log_level.upper()
    except Exception as exc:  # a bad THIDUA_* value: say which, then stop
        detail = " ".join(str(exc).split())[:300]
        typer.echo(f"Cấu hình không hợp lệ (biến môi trường THIDUA_… hoặc tệp .env): {detail}", err=True)
        sys.exit(2)
    logging.basicConfig(level=getattr(logging, level, logging.ERROR), format="%(levelname)s %(name)s: %(message)s")
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("Đã dừng.", err=True)
        sys.exit(130)
    except Exception as exc:  # last line of defence; commands report their own known errors
        logging.getLogger("thidua").debug("unexpected error", exc_info=True)
        typer.echo(f"Lỗi: {exc}. Chạy lại với THIDUA_LOG_LEVEL=DEBUG để xem chi tiết.", err=True)
        sys.exit(1)


if __name__ == "__main__":
    main()
