"""Atomic saves: the file is the old text or the new one, never half of each, never lost."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from ficwriter.core.atomic import SaveError, save_text, write_new
from ficwriter.core.textfile import DecodedText, read_text

ORIGINAL = "First line.\r\n\r\nSecond paragraph.\r\n".encode("utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "Story"
    (root / "chapters").mkdir(parents=True)
    return root


@pytest.fixture
def chapter(project: Path) -> Path:
    path = project / "chapters" / "01.md"
    path.write_bytes(ORIGINAL)
    return path


def test_a_save_keeps_the_newline_style_and_leaves_no_temporary_file(chapter: Path) -> None:
    save_text(chapter, "First line.\n\nA new second paragraph.\n")
    assert chapter.read_bytes() == b"First line.\r\n\r\nA new second paragraph.\r\n"
    assert sorted(p.name for p in chapter.parent.iterdir()) == ["01.md"]


def test_a_utf16_file_stays_utf16(chapter: Path) -> None:
    chapter.write_bytes("Caf\u00e9.\r\n".encode("utf-16"))
    like = read_text(chapter)
    save_text(chapter, "Caf\u00e9 au lait.\n", like)
    assert chapter.read_bytes() == "Caf\u00e9 au lait.\r\n".encode("utf-16")


def test_text_a_legacy_encoding_cannot_hold_is_saved_as_utf8(chapter: Path) -> None:
    like = DecodedText(text="", encoding="cp1252", newline="\n")
    written = save_text(chapter, "Hearts \u2665 and emoji \U0001F600.\n", like)
    assert written.encoding == "utf-8"
    assert chapter.read_text(encoding="utf-8") == "Hearts \u2665 and emoji \U0001F600.\n"


def test_the_file_keeps_its_permissions(chapter: Path) -> None:
    chapter.chmod(0o640)
    save_text(chapter, "Changed.\n")
    assert chapter.stat().st_mode & 0o777 == 0o640


def _fail_with(code: int):
    def fail(*args: object, **kwargs: object) -> int:
        raise OSError(code, os.strerror(code))

    return fail


@pytest.mark.parametrize(
    ("call", "code", "plain"),
    [
        ("write", errno.ENOSPC, "the disk is full"),
        ("fsync", errno.EIO, "the disk reported an error"),
        ("replace", errno.EACCES, "permission denied"),
    ],
)
def test_a_failed_os_call_leaves_the_file_byte_identical(
    chapter: Path, monkeypatch: pytest.MonkeyPatch, call: str, code: int, plain: str
) -> None:
    monkeypatch.setattr(os, call, _fail_with(code))
    with pytest.raises(SaveError) as raised:
        save_text(chapter, "This text must not half-replace the file.\n")
    monkeypatch.undo()
    assert chapter.read_bytes() == ORIGINAL
    assert str(raised.value) == f"Could not save 01.md: {plain}. The file on disk is unchanged."
    assert raised.value.errno == code
    assert sorted(p.name for p in chapter.parent.iterdir()) == ["01.md"]


def test_a_disk_that_fills_up_halfway_leaves_the_file_byte_identical(
    chapter: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_write = os.write
    calls = []

    def write_some_then_fail(fd: int, data: bytes) -> int:
        calls.append(len(data))
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, bytes(data[:10]))

    monkeypatch.setattr(os, "write", write_some_then_fail)
    with pytest.raises(SaveError, match="the disk is full"):
        save_text(chapter, "A long new text. " * 100)
    monkeypatch.undo()
    assert chapter.read_bytes() == ORIGINAL


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_a_read_only_folder_gives_a_plain_error(chapter: Path) -> None:
    chapter.parent.chmod(0o500)
    try:
        with pytest.raises(SaveError, match="permission denied"):
            save_text(chapter, "New.\n")
    finally:
        chapter.parent.chmod(0o700)
    assert chapter.read_bytes() == ORIGINAL


def test_a_vanished_folder_gives_a_plain_error(project: Path) -> None:
    with pytest.raises(SaveError, match="its folder no longer exists"):
        save_text(project / "chapters" / "gone" / "01.md", "New.\n")
    assert not (project / "chapters" / "gone").exists()


def test_a_symlinked_chapter_stays_a_link_and_its_target_gets_the_text(project: Path) -> None:
    elsewhere = project.parent / "Dropbox" / "01.md"
    elsewhere.parent.mkdir()
    elsewhere.write_bytes(ORIGINAL)
    link = project / "chapters" / "01.md"
    link.symlink_to(elsewhere)
    save_text(link, "Saved through the link.\n")
    assert link.is_symlink()
    assert elsewhere.read_bytes() == b"Saved through the link.\r\n"


def test_a_drive_that_refuses_chmod_still_saves(
    chapter: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "chmod", _fail_with(errno.EPERM))
    save_text(chapter, "Saved on a FAT drive.\n")
    assert chapter.read_bytes() == b"Saved on a FAT drive.\r\n"


def test_write_new_never_replaces_an_existing_file(project: Path) -> None:
    target = project / "chapters" / "02.md"
    assert write_new(target, b"First import.\n") is True
    assert write_new(target, b"Second import.\n") is False
    assert target.read_bytes() == b"First import.\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["02.md"]
