"""Optional login: salted hashes in a TOML/JSON file, `thidua chat --add-user`, refusal without a secret."""

from __future__ import annotations

import json
import tomllib

import pytest
from typer.testing import CliRunner

from bot.chat.users import add_user, hash_password, load_users, verify_password
from bot.cli import app


def test_hash_is_salted_and_verifies_only_the_right_password():
    a, b = hash_password("mật khẩu 2024"), hash_password("mật khẩu 2024")
    assert a != b and "mật" not in a
    assert verify_password("mật khẩu 2024", a)
    assert not verify_password("mat khau 2024", a)
    assert not verify_password("x", "not-a-hash")


def test_password_compared_in_nfc():
    import unicodedata

    stored = hash_password("Uỷ ban 123")
    assert verify_password(unicodedata.normalize("NFD", "Uỷ ban 123"), stored)


@pytest.mark.parametrize("name", ["users.toml", "users.json"])
def test_add_user_keeps_other_users_and_writes_a_readable_file(tmp_path, name):
    path = tmp_path / name
    add_user(path, "nguyễn.văn.a", "matkhau-1")
    add_user(path, "tran.b", "matkhau-2")
    raw = path.read_text(encoding="utf-8")
    data = json.loads(raw) if name.endswith(".json") else tomllib.loads(raw)
    assert set(data) == {"nguyễn.văn.a", "tran.b"}
    users = load_users(path)
    assert verify_password("matkhau-1", users["nguyễn.văn.a"])


def test_short_password_and_broken_file_are_explained(tmp_path):
    with pytest.raises(ValueError, match="8 ký tự"):
        add_user(tmp_path / "u.toml", "a", "short")
    bad = tmp_path / "bad.toml"
    bad.write_text("this is = = not toml", encoding="utf-8")
    with pytest.raises(ValueError, match="--add-user"):
        load_users(bad)


def test_cli_add_user_prompts_twice_and_saves(tmp_path, monkeypatch):
    path = tmp_path / "users.toml"
    monkeypatch.setenv("THIDUA_USERS_FILE", str(path))
    result = CliRunner().invoke(app, ["chat", "--add-user", "can.bo"], input="matkhau-rat-dai\nmatkhau-rat-dai\n")
    assert result.exit_code == 0, result.output
    assert verify_password("matkhau-rat-dai", load_users(path)["can.bo"])


def test_cli_add_user_without_users_file_says_what_to_set():
    result = CliRunner().invoke(app, ["chat", "--add-user", "x"])
    assert result.exit_code == 2 and "THIDUA_USERS_FILE" in result.output


def test_chat_refuses_login_without_auth_secret(tmp_path, monkeypatch):
    monkeypatch.setenv("THIDUA_USERS_FILE", str(tmp_path / "users.toml"))
    monkeypatch.delenv("CHAINLIT_AUTH_SECRET", raising=False)
    result = CliRunner().invoke(app, ["chat", "--port", "8765"])
    assert result.exit_code == 2 and "CHAINLIT_AUTH_SECRET" in result.output


def test_cli_add_user_asks_again_in_vietnamese_and_refuses_a_mismatch(tmp_path, monkeypatch):
    path = tmp_path / "users.toml"
    monkeypatch.setenv("THIDUA_USERS_FILE", str(path))
    result = CliRunner().invoke(app, ["chat", "--add-user", "can.bo"], input="matkhau-rat-dai\nmatkhau-khac-han\n")
    assert result.exit_code == 2
    assert "Nhập lại mật khẩu để xác nhận" in result.output and "không khớp" in result.output
    assert "Repeat for confirmation" not in result.output and "Error:" not in result.output
    assert not path.exists()  # nothing saved


def test_users_file_is_readable_by_its_owner_only(tmp_path):
    path = tmp_path / "users.toml"
    path.write_text("", encoding="utf-8")
    path.chmod(0o644)  # an older, looser file is tightened when rewritten
    add_user(path, "a", "matkhau-rat-dai")
    assert path.stat().st_mode & 0o777 == 0o600
    assert not path.with_suffix(".toml.tmp").exists()
