"""`ficwriter beta send | take` on a real project folder."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import pytest

from ficwriter.beta.properties import read_properties
from ficwriter.cli import main
from ficwriter.history.lock import ProjectLock
from ficwriter.history.store import HistoryStore
from tests.beta.conftest import CHAPTER, unsent_project
from tests.beta.marked import Del, Ins, Italic
from tests.beta.sent_text import document
from tests.beta.word_xml import word_file

REL = "chapters/01-the-gate.md"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return unsent_project(tmp_path, REL)


def _send(project: Path, out: Path) -> None:
    assert main(["beta", "send", str(project / REL), "-o", str(out)]) == 0


def _returned(project: Path, tmp_path: Path) -> Path:
    sent = tmp_path / "sent.docx"
    _send(project, sent)
    marked = word_file(sent.read_bytes(), document(
        gate=["Lexa drew her ", Italic("sword"), " and waited ", Ins("silently "), "by the gate."],
        river=["The river ran black under the bridge. She was ", Del("very "), "tired and cold."],
    ))
    back = tmp_path / "back.docx"
    back.write_bytes(marked)
    return back


def test_send_writes_the_word_file_with_its_revision_and_a_snapshot(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _send(project, tmp_path)  # a folder: the file is named for the chapter
    out = tmp_path / "01-the-gate.docx"
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "Lexa drew her sword and waited by the gate." in text
    properties = read_properties(zipfile.ZipFile(out))
    assert properties["ficwriter.revision"] == "r1"
    assert properties["ficwriter.project"] == "Starfall"
    assert properties["ficwriter.chapter"] == REL
    with HistoryStore.open(project, read_only=True) as store:
        (snapshot,) = store.snapshots()
        assert store.text(1) == CHAPTER
    assert snapshot.name == "Sent to beta: 01-the-gate.docx" and snapshot.revisions == {REL: 1}
    assert "r1" in capsys.readouterr().out


def test_send_refuses_a_name_that_is_not_docx_and_a_locked_project(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["beta", "send", str(project / REL), "-o", str(tmp_path / "x.pdf")]) == 2
    assert ".docx" in capsys.readouterr().err
    with ProjectLock.acquire(project):
        assert main(["beta", "send", str(project / REL), "-o", str(tmp_path / "x.docx")]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and not (tmp_path / "x.docx").exists()


def test_take_prints_json_only_with_the_issue_s_keys(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    back = _returned(project, tmp_path)
    capsys.readouterr()
    monkeypatch.chdir(project)
    assert main(["beta", "take", str(back), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["base_revision"] == "r1"
    assert [list(i) for i in out["items"]] == [
        ["kind", "author", "date", "text", "comment", "context", "start", "end"]] * 2
    assert [(i["kind"], i["text"]) for i in out["items"]] == [
        ("insertion", "silently "), ("deletion", "very ")]
    assert CHAPTER[out["items"][1]["start"] : out["items"][1]["end"]] == "very "
    assert (project / REL).read_text(encoding="utf-8") == CHAPTER  # listing changes nothing


def test_take_lists_a_change_the_writer_overtook_as_no_longer_applying(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    back = _returned(project, tmp_path)
    (project / REL).write_text(CHAPTER.replace("very tired", "bone-tired"), encoding="utf-8")
    with HistoryStore.open(project) as store:  # the edit is a revision (a watcher does this)
        store.record(REL, (project / REL).read_text(encoding="utf-8"), "external")
    capsys.readouterr()
    assert main(["beta", "take", str(back), "--chapter", str(project / REL)]) == 0
    out = capsys.readouterr().out
    assert "made on r1" in out and "no longer applies" in out and "very tired" in out


def test_reject_all_leaves_the_chapter_as_it_was(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    back = _returned(project, tmp_path)
    assert main(["beta", "take", str(back), "--chapter", str(project / REL), "--reject-all"]) == 0
    assert (project / REL).read_text(encoding="utf-8") == CHAPTER
    assert "Rejected 2 change(s)" in capsys.readouterr().err
    with HistoryStore.open(project, read_only=True) as store:
        assert len(store.revisions(REL)) == 1


def test_a_file_not_from_send_needs_the_chapter_and_is_then_compared_by_text(
    project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plain = docx.Document()
    plain.add_paragraph("The river ran black under the bridge. She was very tired and cold.")
    path = tmp_path / "google.docx"
    plain.save(str(path))
    assert main(["beta", "take", str(path)]) == 2
    assert "--chapter" in capsys.readouterr().err
    assert main(["beta", "take", str(path), "--chapter", str(project / REL)]) == 0
    assert "compared by text" in capsys.readouterr().out


@pytest.mark.parametrize("content", [b"plain text", b"PK\x03\x04broken zip", b""])
def test_a_file_that_is_not_word_or_is_damaged_exits_2_with_one_line(
    project: Path, tmp_path: Path, content: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "notes.docx"
    path.write_bytes(content)
    assert main(["beta", "take", str(path), "--chapter", str(project / REL)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and len(captured.err.strip().splitlines()) == 1
    assert "Traceback" not in captured.err
    assert (project / REL).read_text(encoding="utf-8") == CHAPTER
