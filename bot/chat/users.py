"""Optional login for the chat: a small file of user name -> salted scrypt hash.

The file is TOML (``ten = "scrypt$…"``) or JSON (``{"ten": "scrypt$…"}``),
chosen by its suffix.  Passwords are never stored, only
``scrypt$<n>$<r>$<p>$<salt hex>$<hash hex>``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import tomllib
from pathlib import Path

from corpus.text import nfc

__all__ = ["add_user", "hash_password", "load_users", "verify_password"]

_N, _R, _P = 2**14, 8, 1


def hash_password(password: str, *, salt: bytes | None = None) -> str:
    """A self-describing scrypt hash (parameters and salt travel with it)."""
    salt = salt if salt is not None else os.urandom(16)
    digest = hashlib.scrypt(nfc(password).encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    """True if ``password`` matches ``stored``; malformed hashes never match."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        got = hashlib.scrypt(nfc(password).encode("utf-8"), salt=bytes.fromhex(salt),
                             n=int(n), r=int(r), p=int(p), dklen=len(bytes.fromhex(digest)))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got.hex(), digest)


def load_users(path: Path) -> dict[str, str]:
    """User name -> stored hash.  A missing file means no users yet."""
    if not path.exists():
        return {}
    raw = path.read_text(encoding="utf-8")
    try:
        data = json.loads(raw) if path.suffix.lower() == ".json" else tomllib.loads(raw)
    except (ValueError, tomllib.TOMLDecodeError) as exc:
        raise ValueError(
            f"Tệp người dùng {path} không đọc được ({exc}). Sửa tệp hoặc tạo lại bằng "
            "`thidua chat --add-user TÊN`."
        ) from exc
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise ValueError(f"Tệp người dùng {path} phải có dạng tên = \"mã băm\" cho mỗi người.")
    return {nfc(k): v for k, v in data.items()}


def add_user(path: Path, name: str, password: str) -> None:
    """Add or replace one user, keeping the others; writes TOML unless the file ends in .json (mode 0600)."""
    name = nfc(name.strip())
    if not name:
        raise ValueError("Tên người dùng không được để trống.")
    if len(password) < 8:
        raise ValueError("Mật khẩu cần ít nhất 8 ký tự.")
    users = load_users(path)
    users[name] = hash_password(password)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".json":
        text = json.dumps(users, ensure_ascii=False, indent=2) + "\n"
    else:  # json.dumps gives valid TOML basic strings for keys and values
        text = "".join(f"{json.dumps(k)} = {json.dumps(v)}\n" for k, v in sorted(users.items()))
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.unlink(missing_ok=True)
    # password hashes: readable by the owner only (0600), also when replacing a looser older file
    with os.fdopen(os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w", encoding="utf-8") as fh:
        fh.write(text)
    tmp.replace(path)
