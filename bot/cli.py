"""The `thidua` command line.  Each command lives in its own module under ``bot.commands``."""

from __future__ import annotations

import sys

import typer
from pydantic import ValidationError
from typer._click import exceptions as click_errors  # Typer bundles its own Click

from bot.cli_messages import (
    VietnameseCommand,
    VietnameseGroup,
    install,
    settings_error,
    translate_error,
    usage_error,
)
from bot.commands import ask, chat, corpus_cmds, evaluate, feedback, index_cmds, supervisor
from bot.logs import log_trace, setup_logging
from bot.settings import get_settings
from corpus.errors import ThiduaError

__all__ = ["app", "main"]

app = typer.Typer(
    name="thidua",
    help="Hỏi đáp về Chỉ thị phát động phong trào thi đua, luôn trích dẫn điều khoản nguồn.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help whose every word is translated (bot.cli_messages)
    cls=VietnameseGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
)

app.command("docs", cls=VietnameseCommand, help="Liệt kê các văn bản trong kho và siêu dữ liệu của chúng.")(corpus_cmds.docs)
app.command("show", cls=VietnameseCommand, help="Hiển thị một văn bản hoặc một điều khoản.")(corpus_cmds.show)
app.command("index", cls=VietnameseCommand, help="Xây dựng hoặc cập nhật chỉ mục tìm kiếm.")(index_cmds.index)
app.command("ask", cls=VietnameseCommand, help="Đặt câu hỏi; câu trả lời luôn kèm điều khoản nguồn.")(ask.ask)
app.command("chat", cls=VietnameseCommand, help="Mở giao diện trò chuyện trên trình duyệt.")(chat.chat)
app.command("responsibilities", cls=VietnameseCommand, help="Bảng trách nhiệm: cơ quan nào làm gì, theo điều khoản nào.")(
    supervisor.responsibilities
)
app.command("targets", cls=VietnameseCommand, help="Bảng chỉ tiêu số, theo điều khoản nào.")(supervisor.targets)
app.command("report", cls=VietnameseCommand, help="Xuất bảng tính Excel cho người giám sát.")(supervisor.report)
app.command("eval", cls=VietnameseCommand, help="Đánh giá hệ thống trên bộ câu hỏi.")(evaluate.evaluate)
app.command("feedback", cls=VietnameseCommand, help="Xuất phản hồi của người dùng.")(feedback.feedback)


def main(argv: list[str] | None = None) -> None:
    """Entry point: Vietnamese one-line messages, no stack trace for the user; details go to the log."""
    install()
    try:
        level = get_settings().log_level.upper()
    except ValidationError as exc:  # a bad THIDUA_* value: say which, then stop
        typer.echo(f"{settings_error(exc)} (biến môi trường THIDUA_… hoặc tệp .env)", err=True)
        sys.exit(2)
    except Exception as exc:
        detail = " ".join(str(exc).split())[:300]
        typer.echo(f"Cấu hình không hợp lệ (biến môi trường THIDUA_… hoặc tệp .env): {detail}", err=True)
        sys.exit(2)
    log_file = setup_logging(level, get_settings().log_file)
    command = typer.main.get_command(app)
    try:
        code = command.main(args=argv, prog_name="thidua", standalone_mode=False)
    except click_errors.NoArgsIsHelpError as exc:  # `thidua` alone: the (Vietnamese) help
        typer.echo(exc.format_message())
        sys.exit(0)
    except click_errors.UsageError as exc:
        path = exc.ctx.command_path if exc.ctx is not None else "thidua"
        typer.echo(usage_error(exc.format_message(), path), err=True)
        sys.exit(exc.exit_code)
    except typer.Abort:
        typer.echo("Đã hủy.", err=True)
        sys.exit(1)
    except click_errors.ClickException as exc:
        typer.echo(f"Lỗi: {translate_error(exc.format_message())}", err=True)
        sys.exit(exc.exit_code)
    except ValidationError as exc:  # a flag value the settings refuse (e.g. --top-k 0)
        typer.echo(settings_error(exc), err=True)
        sys.exit(2)
    except KeyboardInterrupt:
        typer.echo("Đã dừng.", err=True)
        sys.exit(130)
    except ThiduaError as exc:  # a known failure: its own Vietnamese line
        log_trace(f"thidua {' '.join(argv or sys.argv[1:])}: {exc.detail}")
        typer.echo(f"Lỗi: {' '.join(exc.message.split())}", err=True)
        sys.exit(1)
    except Exception as exc:  # a bug: one generic line for the user, the trace for operators
        log_trace(f"thidua {' '.join(argv or sys.argv[1:])}: unexpected {type(exc).__name__}")
        where = f" Chi tiết đã ghi vào {log_file}." if log_file else ""
        typer.echo(f"Lỗi nội bộ ({type(exc).__name__}); lệnh chưa hoàn thành.{where}", err=True)
        sys.exit(1)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
