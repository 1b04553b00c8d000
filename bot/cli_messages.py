"""Every message the `thidua` command line shows, in Vietnamese and on one line.

Click and Typer write their own English ("No such option", "Missing
argument", "Show this message and exit.") through Python's ``gettext``; a
translation for exactly those texts is installed here.  Usage errors and
invalid settings become one line ``Lỗi: …`` with the command's help hint,
instead of Click's multi-line block or pydantic's report with a web link.
"""

from __future__ import annotations

import gettext
import re
import sys
from collections.abc import Callable

__all__ = ["VietnameseCommand", "VietnameseGroup", "install", "settings_error", "translate_error",
           "translate_help", "usage_error"]

# Click/Typer message ids (as their source writes them) -> Vietnamese.
_TEXTS = {
    "Show this message and exit.": "Hiện hướng dẫn này rồi thoát.",
    "Usage:": "Cách dùng:",
    "Options": "Tùy chọn",
    "Commands": "Lệnh",
    "Arguments": "Tham số",
    "Positional arguments": "Tham số",
    "Error": "Lỗi",
    "Error: {message}": "Lỗi: {message}",
    "Aborted!": "Đã hủy.",
    "Aborted.": "Đã hủy.",
    "Missing argument": "Thiếu tham số",
    "Missing option": "Thiếu tùy chọn",
    "Missing parameter": "Thiếu tham số",
    "Missing command.": "Thiếu tên lệnh.",
    "Missing {param_type}": "Thiếu {param_type}",
    "Missing parameter: {param_name}": "Thiếu tham số: {param_name}",
    "No such option: {name}": "Không có tùy chọn {name}",
    "No such option {name!r}.": "Không có tùy chọn {name!r}.",
    "No such command {name!r}.": "Không có lệnh «{name}».",
    "Option {name!r} does not take a value.": "Tùy chọn {name!r} không nhận giá trị.",
    "Option {name!r} requires an argument.": "Tùy chọn {name!r} cần một giá trị.",
    "Option {name!r} requires {nargs} arguments.": "Tùy chọn {name!r} cần {nargs} giá trị.",
    "Argument {name!r} takes {nargs} values.": "Tham số {name!r} nhận {nargs} giá trị.",
    "Got unexpected extra argument ({args})": "Thừa tham số ({args})",
    "Got unexpected extra arguments ({args})": "Thừa các tham số ({args})",
    "Invalid value for {param_hint}: {message}": "Giá trị không hợp lệ cho {param_hint}: {message}",
    "Invalid value: {message}": "Giá trị không hợp lệ: {message}",
    "{value!r} is not a valid {number_type}.": "{value!r} không phải là {number_type}.",
    "{value} is not in the range {range}.": "{value} nằm ngoài khoảng {range}.",
    "{value!r} is not {choice}.": "{value!r} không phải là {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} không thuộc các giá trị {choices}.",
    "{name} {filename!r} does not exist.": "{name} {filename!r} không tồn tại.",
    "{name} {filename!r} is a file.": "{name} {filename!r} là một tệp.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} là một thư mục.",
    "{name} {filename!r} is not readable.": "Không đọc được {name} {filename!r}.",
    "{name} {filename!r} is not writable.": "Không ghi được {name} {filename!r}.",
    "Could not open file {filename!r}: {message}": "Không mở được tệp {filename!r}: {message}",
    "file": "tệp",
    "directory": "thư mục",
    "path": "đường dẫn",
    "default: {default}": "mặc định: {default}",
    "required": "bắt buộc",
    "env var: {var}": "biến môi trường: {var}",
    "(dynamic)": "(tự xác định)",
    "Try '{command} {option}' for help.": "Xem '{command} {option}' để biết cách dùng.",
    "Repeat for confirmation": "Nhập lại để xác nhận",
    "Error: The two entered values do not match.": "Lỗi: hai lần nhập không khớp nhau.",
    "Error: invalid input": "Lỗi: giá trị nhập không hợp lệ",
    "[default: {}]": "[mặc định: {}]",
    "[env var: {}]": "[biến môi trường: {}]",
    "[required]": "[bắt buộc]",
    "(deprecated) ": "(không còn dùng) ",
}

_installed: dict[str, Callable] = {}


def _dgettext(domain: str, message: str) -> str:
    text = _TEXTS.get(message)
    return text if text is not None else _installed["dgettext"](domain, message)


def _dngettext(domain: str, singular: str, plural: str, n: int) -> str:
    chosen = singular if n == 1 else plural
    text = _TEXTS.get(chosen)
    return text if text is not None else _installed["dngettext"](domain, singular, plural, n)


def install() -> None:
    """Route Click's and Typer's ``gettext`` calls through the Vietnamese texts (idempotent).

    ``gettext.gettext`` looks ``dgettext`` up at call time, so this also reaches the
    ``from gettext import gettext as _`` done by Click and Typer at import.
    """
    if _installed:
        return
    _installed["dgettext"], _installed["dngettext"] = gettext.dgettext, gettext.dngettext
    gettext.dgettext, gettext.dngettext = _dgettext, _dngettext
    from typer.core import TyperArgument, TyperOption

    for cls in (TyperArgument, TyperOption):
        if not hasattr(cls.display_type, "__wrapped__"):
            cls.display_type = _vietnamese_label(cls.display_type)
    # Typer's rich help computed these titles at import time.  `thidua` sets rich_markup_mode=None, so
    # Typer never imports rich_utils (0.1 s of every start): translated only when something else did.
    rich_utils = sys.modules.get("typer.rich_utils")
    if rich_utils is None:
        return
    for name, english in (("ARGUMENTS_PANEL_TITLE", "Arguments"), ("OPTIONS_PANEL_TITLE", "Options"),
                          ("COMMANDS_PANEL_TITLE", "Commands"), ("ERRORS_PANEL_TITLE", "Error"),
                          ("ABORTED_TEXT", "Aborted."), ("DEFAULT_STRING", "[default: {}]"),
                          ("ENVVAR_STRING", "[env var: {}]"), ("REQUIRED_LONG_STRING", "[required]"),
                          ("DEPRECATED_STRING", "(deprecated) ")):
        if hasattr(rich_utils, name):
            setattr(rich_utils, name, _TEXTS[english])


def _one_line(text: str) -> str:
    return " ".join(text.split())


# What Typer's bundled Click and pydantic (through Typer) write, pattern -> Vietnamese.
_ERRORS = (
    (r"No such option: (\S+)(?: \(Possible options: (.+)\))?",
     lambda m: f"Không có tùy chọn {m[1]}" + (f" (có thể là: {m[2]})" if m[2] else "")),
    (r"No such command '(.+?)'\.?(?: Did you mean (.+)\?)?",
     lambda m: f"Không có lệnh «{m[1]}»" + (f" (có phải ý bạn là {m[2]}?)" if m[2] else "")),
    (r"Missing command\.?", lambda m: "Thiếu tên lệnh"),
    (r"Missing argument '(.+?)'\.?(.*)", lambda m: f"Thiếu tham số «{m[1]}»{_rest(m[2])}"),
    (r"Missing option '(.+?)'\.?(.*)", lambda m: f"Thiếu tùy chọn {m[1]}{_rest(m[2])}"),
    (r"Missing parameter: (.+)", lambda m: f"Thiếu tham số «{m[1]}»"),
    (r"Option '(.+?)' requires an argument\.", lambda m: f"Tùy chọn {m[1]} cần một giá trị"),
    (r"Option '(.+?)' requires (\d+) arguments\.", lambda m: f"Tùy chọn {m[1]} cần {m[2]} giá trị"),
    (r"Option '(.+?)' does not take a value\.", lambda m: f"Tùy chọn {m[1]} không nhận giá trị"),
    (r"Got unexpected extra arguments? \((.+)\)", lambda m: f"Thừa tham số: {m[1]}"),
    (r"Invalid value for '?(.+?)'?: (.+)", lambda m: f"Giá trị không hợp lệ cho {m[1]}: {_value(m[2])}"),
    (r"Invalid value: (.+)", lambda m: f"Giá trị không hợp lệ: {_value(m[1])}"),
)
_VALUES = (
    (r"(?:Value error, )?'?(.+?)'? is not one of (.+?)\.?$", lambda m: f"«{m[1]}» không thuộc các giá trị {m[2]}"),
    (r"Input should be greater than or equal to (.+)", lambda m: f"phải lớn hơn hoặc bằng {m[1]}"),
    (r"Input should be greater than (.+)", lambda m: f"phải lớn hơn {m[1]}"),
    (r"Input should be less than or equal to (.+)", lambda m: f"phải nhỏ hơn hoặc bằng {m[1]}"),
    (r"Input should be less than (.+)", lambda m: f"phải nhỏ hơn {m[1]}"),
    (r"Input should be a valid integer.*", lambda m: "phải là số nguyên"),
    (r"Input should be a valid number.*", lambda m: "phải là số"),
    (r"(.+?) is not in the range (.+?)\.?$", lambda m: f"{m[1]} nằm ngoài khoảng {m[2]}"),
    (r"'?(.+?)'? is not a valid (integer|float|int)\.?$", lambda m: f"«{m[1]}» không phải là số"),
    (r"(File|Directory|Path) '(.+?)' does not exist\.?",
     lambda m: f"{ {'File': 'Tệp', 'Directory': 'Thư mục'}.get(m[1], 'Đường dẫn')} «{m[2]}» không tồn tại"),
)


def _rest(text: str) -> str:
    text = text.strip()
    return f". {text}" if text else ""


def _value(text: str) -> str:
    for pattern, render in _VALUES:
        m = re.fullmatch(pattern, text.strip())
        if m:
            return render(m)
    return text


def translate_error(message: str) -> str:
    """Click's/pydantic's English usage message in Vietnamese (unknown ones are kept as they are)."""
    message = _one_line(message)
    for pattern, render in _ERRORS:
        m = re.fullmatch(pattern, message)
        if m:
            return render(m)
    return message


def usage_error(message: str, command_path: str | None) -> str:
    """ "Lỗi: Không có tùy chọn --foo. Xem `thidua ask --help`." """
    line = translate_error(message).rstrip(".")
    hint = f" Xem `{command_path} --help`." if command_path else ""
    return f"Lỗi: {line}.{hint}"


# Help text: Typer's bundled Click writes these words directly (no gettext).
_HELP = (
    ("Usage: ", "Cách dùng: "),
    ("[OPTIONS]", "[TÙY CHỌN]"),
    ("COMMAND [ARGS]...", "LỆNH [THAM SỐ]..."),
    ("[default: ", "[mặc định: "),
    ("[required]", "[bắt buộc]"),
)


# Value labels Typer shows next to options ("--year <list[int]>").
_LABELS = {
    "<str>": "<chữ>", "<list[str]>": "<chữ>", "<int>": "<số>", "<list[int]>": "<số>", "<int range>": "<số>",
    "<float>": "<số>", "<float range>": "<số>", "<path>": "<đường dẫn>", "<bool>": "", "<datetime>": "<ngày>",
}
HELP_OPTION = "Hiện hướng dẫn này rồi thoát."


def _vietnamese_label(display_type: Callable) -> Callable:
    def display(self, ctx) -> str:
        label = display_type(self, ctx)
        return _LABELS.get(label, label)

    display.__wrapped__ = display_type  # type: ignore[attr-defined]
    return display


def translate_help(text: str) -> str:
    for english, vietnamese in _HELP:
        text = text.replace(english, vietnamese)
    return text


# pydantic error types -> what the user must change
_PYDANTIC = {
    "literal_error": "phải là một trong: {expected}",
    "greater_than_equal": "phải lớn hơn hoặc bằng {ge}",
    "greater_than": "phải lớn hơn {gt}",
    "less_than_equal": "phải nhỏ hơn hoặc bằng {le}",
    "less_than": "phải nhỏ hơn {lt}",
    "int_parsing": "phải là số nguyên",
    "float_parsing": "phải là số",
    "bool_parsing": "phải là true hoặc false",
    "missing": "bắt buộc phải có",
}


def settings_error(exc: Exception) -> str:
    """A pydantic ValidationError on Settings as one Vietnamese line naming the variable to fix."""
    errors = getattr(exc, "errors", None)
    if not callable(errors):
        return f"Lỗi cấu hình: {_one_line(str(exc))[:200]}"
    parts = []
    for err in errors():
        field = ".".join(str(x) for x in err.get("loc", ()))
        ctx = {k: str(v) for k, v in (err.get("ctx") or {}).items()}
        if "expected" in ctx:
            ctx["expected"] = ctx["expected"].replace("'", "").replace(" or ", ", ")
        template = _PYDANTIC.get(err.get("type", ""), "không hợp lệ")
        try:
            what = template.format(**ctx)
        except (KeyError, IndexError):
            what = "không hợp lệ"
        shown = repr(err.get("input")) if err.get("type") != "missing" else ""
        name = f"--{field.replace('_', '-')} / THIDUA_{field.upper()}" if field else "cấu hình"
        parts.append(f"{name} {what}" + (f" (nhận được {shown})" if shown else ""))
    return "Lỗi cấu hình: " + "; ".join(parts) + "."


def _translated_help(cls: type) -> type:
    class Translated(cls):  # type: ignore[misc, valid-type]
        def get_help_option(self, ctx):
            option = super().get_help_option(ctx)
            if option is not None:
                option.help = HELP_OPTION
            return option

        def format_help(self, ctx, formatter) -> None:
            super().format_help(ctx, formatter)
            formatter.buffer[:] = [translate_help(piece) for piece in formatter.buffer]

    Translated.__name__ = f"Vietnamese{cls.__name__.removeprefix('Typer')}"
    return Translated


def _typer_classes() -> tuple[type, type]:
    from typer.core import TyperCommand, TyperGroup

    return _translated_help(TyperCommand), _translated_help(TyperGroup)


VietnameseCommand, VietnameseGroup = _typer_classes()
