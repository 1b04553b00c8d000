"""File -> raw text, for every format offices send: .txt/.md (any Vietnamese encoding), .docx, .pdf.

A bad file must never stop the others from loading, and the user must learn
in one Vietnamese line what is wrong and what to do, so every failure here
is a ``ReadError`` carrying that line (and an English detail for the log).
"""

from __future__ import annotations

import errno
import logging
import os
import re
import stat
from pathlib import Path

from corpus.encoding import DecodeError, decode_text
from corpus.errors import ThiduaError
from corpus.text import strip_controls

__all__ = ["SUPPORTED_SUFFIXES", "ReadError", "read_raw_text"]

log = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".txt", ".md", ".docx", ".pdf")
_MB = 1024 * 1024
_MIN_PDF_CHARS = 40  # fewer letters than this in a whole PDF means there is no text layer
_MIN_WORDS = 8  # a document uses at least this many different words of two letters or more
_WORD = re.compile(r"[^\W\d_]{2,}")


class ReadError(ThiduaError):
    """A file that cannot be read.  ``message`` is the Vietnamese line for the user."""


def _decode_message(name: str, err: DecodeError) -> ReadError:
    messages = {
        "empty": f"{name}: tệp rỗng, không có nội dung; hãy kiểm tra lại tệp gốc rồi thêm lại.",
        "binary": (
            f"{name}: không phải tệp văn bản (chứa dữ liệu nhị phân); "
            "hãy lưu lại dưới dạng .txt (UTF-8), .docx hoặc .pdf."
        ),
        "vni": (
            f"{name}: văn bản gõ bằng bảng mã VNI cũ, không đọc đúng được; "
            "hãy chuyển sang Unicode (Unikey → Công cụ → Chuyển mã) rồi thêm lại."
        ),
        "unknown": f"{name}: không nhận ra bảng mã ký tự tiếng Việt; hãy lưu lại tệp ở dạng Unicode UTF-8.",
    }
    return ReadError(
        messages.get(err.reason, messages["unknown"]), f"{name}: {err.reason} {err.detail}".strip()
    )


def _read_txt(path: Path) -> str:
    text, encoding = decode_text(path.read_bytes())
    if encoding not in ("utf-8", "utf-8-sig"):
        log.info("%s decoded as %s", path.name, encoding)
    return text


def _read_docx(path: Path) -> str:
    """Paragraphs and table cells in document order (agency headers and signatures sit in tables)."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except Exception as exc:
        raise ReadError(
            f"{path.name}: tệp .docx bị hỏng hoặc không phải tài liệu Word; hãy mở bằng Word và lưu lại.",
            f"{path.name}: python-docx failed: {exc}",
        ) from exc
    out: list[str] = []
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            out.append(Paragraph(child, document).text)
        elif tag == "tbl":
            seen: set[int] = set()
            for row in Table(child, document).rows:
                for cell in row.cells:
                    if id(cell._tc) in seen:  # merged cells repeat
                        continue
                    seen.add(id(cell._tc))
                    out.extend(p.text for p in cell.paragraphs)
        out.append("")  # paragraph boundary: a blank line, as in the Markdown seeds
    return "\n".join(out)


def _read_pdf(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            reader.decrypt("")
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise ReadError(
            f"{path.name}: tệp PDF bị hỏng hoặc có mật khẩu; hãy xuất lại PDF không đặt mật khẩu.",
            f"{path.name}: pypdf failed: {exc}",
        ) from exc
    text = "\n".join(pages)
    if sum(ch.isalpha() for ch in text) < _MIN_PDF_CHARS:
        raise ReadError(
            f"{path.name}: PDF không có lớp chữ (bản quét ảnh); cần nhận dạng ký tự (OCR) hoặc dùng bản .docx/.pdf gốc.",
            f"{path.name}: no text layer ({len(reader.pages)} pages)",
        )
    return text


def _looks_like_document(text: str) -> bool:
    """Enough different words to be a document: not one-letter lines, not one phrase repeated.

    ``findall`` and ``set`` run in C: a 20 MB file of "a" lines is one regex scan.
    """
    head = set(_WORD.findall(text, 0, 200_000))
    if len({w.lower() for w in head}) >= _MIN_WORDS:
        return True
    return len({w.lower() for w in set(_WORD.findall(text))}) >= _MIN_WORDS


def _check_regular_file(path: Path) -> int:
    """Size of ``path``; ``ReadError`` for symlink loops, dangling links, FIFOs, devices, sockets."""
    name = path.name
    try:
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise ReadError(
                f"{name}: liên kết (symlink) trỏ vòng lặp, không dẫn tới tệp nào; hãy xóa hoặc sửa liên kết.",
                f"{name}: symlink loop",
            ) from exc
        if path.is_symlink():
            raise ReadError(
                f"{name}: liên kết (symlink) trỏ tới tệp không còn tồn tại; hãy xóa hoặc sửa liên kết.",
                f"{name}: dangling symlink -> {os.readlink(path)}",
            ) from exc
        raise ReadError(f"{name}: không mở được tệp ({exc.strerror}); kiểm tra quyền đọc.", str(exc)) from exc
    if not stat.S_ISREG(st.st_mode):
        kind = "FIFO (ống dẫn)" if stat.S_ISFIFO(st.st_mode) else "tệp đặc biệt của hệ thống"
        raise ReadError(
            f"{name}: là {kind}, không phải tệp văn bản; đã bỏ qua.",
            f"{name}: not a regular file (mode {stat.filemode(st.st_mode)})",
        )
    return st.st_size


def read_raw_text(path: Path, *, max_file_mb: float = 20.0) -> str:
    """The text of one file, before normalisation, without control sequences.

    Raises ``ReadError`` for anything unreadable or that is not a document.
    """
    name = path.name
    suffix = path.suffix.lower()
    size = _check_regular_file(path)
    if suffix not in SUPPORTED_SUFFIXES:
        hint = " (hãy lưu lại thành .docx)" if suffix == ".doc" else ""
        raise ReadError(
            f"{name}: định dạng '{suffix or 'không có phần mở rộng'}' không được hỗ trợ{hint}; "
            f"chỉ đọc {', '.join(SUPPORTED_SUFFIXES)}.",
            f"{name}: unsupported suffix {suffix!r}",
        )
    if size > max_file_mb * _MB:
        raise ReadError(
            f"{name}: tệp {size / _MB:.1f} MB vượt giới hạn {max_file_mb:g} MB; "
            "hãy tách nhỏ tệp hoặc tăng THIDUA_MAX_FILE_MB.",
            f"{name}: {size} bytes > limit {max_file_mb} MB",
        )
    if size == 0:
        raise _decode_message(name, DecodeError("empty"))
    try:
        if suffix == ".docx":
            text = _read_docx(path)
        elif suffix == ".pdf":
            text = _read_pdf(path)
        else:
            text = _read_txt(path)
    except DecodeError as err:
        raise _decode_message(name, err) from err
    except OSError as exc:
        raise ReadError(
            f"{name}: không đọc được tệp ({exc.strerror}); kiểm tra quyền đọc.", str(exc)
        ) from exc
    text = strip_controls(text)
    if not text.strip():
        raise _decode_message(name, DecodeError("empty"))
    if not _looks_like_document(text):
        raise ReadError(
            f"{name}: không phải văn bản (không có đủ từ ngữ, chỉ là ký tự lặp lại); đã bỏ qua.",
            f"{name}: not a document (fewer than {_MIN_WORDS} distinct words)",
        )
    return text
