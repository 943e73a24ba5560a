"""One open chapter: its file, the editor's document version, and the parsed model.

The editor is the only place the text changes while a chapter is open. This object counts
versions (one per document change), keeps a log of edits so that positions computed for an
older version can be carried forward, and re-parses the chapter on a short timer after
typing stops rather than on every keystroke, on a thread of its own so that a long
chapter's parse never holds up the next keystroke.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from ficwriter.core.chapter import Chapter, parse
from ficwriter.gui.threads.latest_only import LatestOnly
from ficwriter.gui.editor.editor import ChapterEditor
from ficwriter.gui.editor.positions import QtPositions
from ficwriter.gui.editor.rebase import PositionMap
from ficwriter.gui.threads.relay import on_gui_thread
from ficwriter.history.pieces import text_hash

REPARSE_DELAY_MS = 250
_EDIT_LOG_LIMIT = 2000
_KEEP_MAPS = 8  # as many as the check controller keeps submitted versions


@dataclass(frozen=True)
class Edit:
    """``removed`` Qt positions at ``position`` became ``added`` ones, making ``version``."""

    version: int
    position: int
    removed: int
    added: int


class EditLog:
    """Edits since recent versions, to carry an older version's positions forward."""

    def __init__(self) -> None:
        self._edits: list[Edit] = []
        self._floor = 0  # versions before a reload cannot be carried forward
        self._maps: OrderedDict[int, tuple[PositionMap, int]] = OrderedDict()  # (map, up to)

    def append(self, edit: Edit) -> None:
        self._edits.append(edit)
        if len(self._edits) > _EDIT_LOG_LIMIT:
            del self._edits[: len(self._edits) - _EDIT_LOG_LIMIT]

    def reset(self, version: int) -> None:
        """The whole text was replaced, making ``version``: older positions mean nothing."""
        self._edits.clear()
        self._maps.clear()
        self._floor = version

    def covers(self, version: int) -> bool:
        """Whether every edit after ``version`` is still in the log."""
        if version < self._floor:
            return False
        return not self._edits or self._edits[0].version <= version + 1

    def between(self, since: int, upto: int) -> tuple[Edit, ...]:
        """The edits that made the versions after ``since`` up to ``upto`` (both covered)."""
        first = bisect_right(self._edits, since, key=_edit_version)
        last = bisect_right(self._edits, upto, key=_edit_version)
        return tuple(self._edits[first:last])

    def rebase(self, version: int) -> PositionMap:
        """Where ``version``'s positions are now (``covers(version)`` first). Kept for the
        last few versions asked about and brought up to date with the edits since, so a
        check's partial results each pay only for the keys typed since the one before."""
        found = self._maps.pop(version, None)
        position_map, upto = found if found is not None else (PositionMap(), version)
        for edit in self.between(upto, self._edits[-1].version if self._edits else upto):
            position_map.apply(edit.position, edit.removed, edit.added)
            upto = edit.version
        self._maps[version] = (position_map, upto)
        while len(self._maps) > _KEEP_MAPS:
            self._maps.popitem(last=False)
        return position_map


def fold(edits: Iterable[Edit]) -> PositionMap:
    """The positions of the version before ``edits`` mapped through them."""
    position_map = PositionMap()
    for edit in edits:
        position_map.apply(edit.position, edit.removed, edit.added)
    return position_map


def _edit_version(edit: Edit) -> int:
    return edit.version


def changed_span(old: str, new: str) -> tuple[int, int, int]:
    """Where two texts differ: ``old[start:old_end]`` became ``new[start:new_end]``."""
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    old_end, new_end = len(old), len(new)
    while old_end > start and new_end > start and old[old_end - 1] == new[new_end - 1]:
        old_end -= 1
        new_end -= 1
    return start, old_end, new_end


class ChapterSession(QObject):
    """The chapter file open in the editor."""

    reparsed = Signal(object)  # Chapter, after typing paused
    versionChanged = Signal(int)

    def __init__(self, path: Path, editor: ChapterEditor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = Path(path)
        self.editor = editor
        self.version = 0
        self.edits = EditLog()
        self._chapter: Chapter | None = None
        self._chapter_version = -1
        self.disk_hash = ""  # what the file held when this window last read or wrote it
        self._disk_stamp: tuple[int, int] | None = None  # its size and time then
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REPARSE_DELAY_MS)
        self._timer.timeout.connect(self._parse_in_background)
        self._parser = LatestOnly("ficwriter-parse")
        self._closed = False
        editor.document().contentsChange.connect(self._changed)

    def detach(self) -> None:
        """Stop following the editor (once: closing a window may come after a close)."""
        if self._closed:
            return
        self._closed = True
        self._timer.stop()
        self._parser.close(wait=False)
        self.editor.document().contentsChange.disconnect(self._changed)

    def load(self, text: str) -> None:
        """Put ``text`` in the editor as a fresh, unmodified document (undo starts here).

        The caller parses (``reparse``) once whatever listens to ``reparsed`` is connected.
        """
        self.editor.setPlainText(text)
        self.editor.document().setModified(False)
        self.edits.reset(self.version)
        self.note_disk_text(text)
        self._timer.stop()

    def replace_text(self, text: str) -> None:
        """Swap in ``text`` (a reload from disk) as one undo step: only the part that differs
        is replaced, so cursor, scroll and the underlines elsewhere stay where they were,
        and Undo goes back to the text before the reload."""
        scroll = self.editor.verticalScrollBar().value()
        old = self.editor.text()
        start, old_end, new_end = changed_span(old, text)
        qt = QtPositions(old)
        self.editor.replace_range(qt.to_qt(start), qt.to_qt(old_end), text[start:new_end])
        self.editor.document().setModified(False)
        self.note_disk_text(text)
        self.editor.verticalScrollBar().setValue(scroll)
        self.reparse()

    @property
    def chapter(self) -> Chapter:
        """The chapter as of the last parse (call ``reparse`` first for the newest text)."""
        if self._chapter is None:
            self.reparse()
        assert self._chapter is not None
        return self._chapter

    def current_chapter(self) -> Chapter:
        """The chapter of the text as it is now, parsing if typing happened since."""
        if self._chapter is None or self._chapter_version != self.version:
            self.reparse()
        assert self._chapter is not None
        return self._chapter

    def note_disk_text(self, text: str) -> None:
        """The file now holds ``text`` (read, saved or restored by this window)."""
        self.disk_hash = text_hash(text)
        self._disk_stamp = self._stamp()

    def file_unchanged(self) -> bool:
        """Has the file surely not changed since ``note_disk_text``? Its size and time
        say so without reading it; ``False`` means it may have (read it to know)."""
        return self._disk_stamp is not None and self._stamp() == self._disk_stamp

    def _stamp(self) -> tuple[int, int] | None:
        try:
            stat = self.path.stat()
        except OSError:
            return None
        return stat.st_size, stat.st_mtime_ns

    @property
    def dirty(self) -> bool:
        return self.editor.document().isModified()

    def mark_saved(self) -> None:
        self.editor.document().setModified(False)

    def reparse(self) -> None:
        """Parse the text now, on this thread (an edit the outline made, a reload)."""
        self._timer.stop()
        self._set_chapter(parse(self.editor.text()), self.version)

    def _set_chapter(self, chapter: Chapter, version: int) -> None:
        self._chapter, self._chapter_version = chapter, version
        self.reparsed.emit(chapter)

    def _parse_in_background(self) -> None:
        """Typing paused: parse on the parsing thread; the editor stays free meanwhile."""
        text, version = self.editor.text(), self.version
        self._parser.submit(lambda: self._deliver(parse(text), version))

    def _deliver(self, chapter: Chapter, version: int) -> None:
        on_gui_thread(lambda: self._background_parsed(chapter, version))

    def _background_parsed(self, chapter: Chapter, version: int) -> None:
        if self._closed or version != self.version:  # else typing went on: it parses again
            return
        self._set_chapter(chapter, version)

    def _changed(self, position: int, removed: int, added: int) -> None:
        self.version += 1
        self.edits.append(Edit(self.version, position, removed, added))
        self._timer.start()
        self.versionChanged.emit(self.version)
