"""A layout that puts its items in a row and wraps onto more rows where the width ends.

A toolbar in a ``QHBoxLayout`` is as wide as all its controls together, and a window can
never be narrower than that: the issues panel's filters and buttons alone made the window
1,100 px wide. A ``FlowLayout`` can be as narrow as its widest item and grows a row
instead. Items keep their preferred width (capped at the row's); items that expand (line
edits, ``add_stretch``) start at their minimum and share what a row leaves over, so a
stretch before the last items pushes them to the right while they fit on the row. A
``group`` keeps controls that belong together on one row while they fit, and wraps inside
itself only when even a row of its own is too narrow for it.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QSpacerItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, *, spacing: int = 6, row_spacing: int = 4,
                 margins: tuple[int, int, int, int] = (0, 0, 0, 0)) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        # what each item is, noted when it is added: asking Qt (``item.widget()``,
        # ``spacerItem()``) on every layout pass would hand back ``None`` over and over, and
        # PySide6 6.12 on Python 3.11 loses a reference to ``None`` each time it does
        self._stretches: set[int] = set()
        self._groups: dict[int, FlowLayout] = {}
        self._row_spacing = row_spacing
        self.setSpacing(spacing)
        self.setContentsMargins(*margins)

    # -- QLayout's interface ------------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt's name)
        self._items.append(item)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt's name)
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 (Qt's name)
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        self._stretches.discard(id(item))
        self._groups.pop(id(item), None)
        self.invalidate()
        return item

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 (Qt's name)
        expands = any(item.expandingDirections() & Qt.Orientation.Horizontal
                      for item in self._shown())
        return Qt.Orientation.Horizontal if expands else Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 (Qt's name)
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """Everything on one row."""
        shown = self._shown()
        width = sum(item.sizeHint().width() for item in shown) + self.spacing() * max(len(shown) - 1, 0)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return QSize(width, height) + self._margin_size()

    def minimumSize(self) -> QSize:  # noqa: N802 (Qt's name)
        """As narrow as the widest item; as low as one row (the height follows the width)."""
        shown = self._shown()
        width = max((item.minimumSize().width() for item in shown), default=0)
        height = max((item.minimumSize().height() for item in shown), default=0)
        return QSize(width, height) + self._margin_size()

    # -- building -------------------------------------------------------------------------------
    def add_stretch(self) -> None:
        """Room that takes what its row leaves over (nothing at the start of a row)."""
        stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self._stretches.add(id(stretch))
        self.addItem(stretch)

    def add_group(self, widgets: Iterable[QWidget]) -> QWidget:
        """``widgets`` in a flow of their own, laid out as one item: on one row while it fits."""
        group = QWidget()
        inner = FlowLayout(group, spacing=self.spacing(), row_spacing=self._row_spacing)
        for widget in widgets:
            inner.addWidget(widget)
        self.addWidget(group)
        self._groups[id(self._items[-1])] = inner
        return group

    # -- laying out -------------------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        """The items that take room: visible widgets, layouts and stretches."""
        return [item for item in self._items if id(item) in self._stretches or not item.isEmpty()]

    def _margin_size(self) -> QSize:
        margins = self.contentsMargins()
        return QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def compact_width(self) -> int:
        """One row at its narrowest: growing items at their minimum, the others as they like."""
        shown = self._shown()
        return (sum(self._compact_width(item) for item in shown)
                + self.spacing() * max(len(shown) - 1, 0) + self._margin_size().width())

    def _compact_width(self, item: QLayoutItem) -> int:
        """How wide ``item`` is placed in a row before the row's leftover is shared out."""
        group = self._groups.get(id(item))
        if group is not None:
            return max(group.compact_width(), item.minimumSize().width())
        if item.expandingDirections() & Qt.Orientation.Horizontal:
            return item.minimumSize().width()
        return max(item.sizeHint().width(), item.minimumSize().width())

    def _rows(self, width: int) -> list[list[tuple[QLayoutItem, int]]]:
        """The items row by row, each with the width it gets."""
        rows: list[list[tuple[QLayoutItem, int]]] = [[]]
        used = 0
        for item in self._shown():
            stretch = id(item) in self._stretches
            wanted = min(self._compact_width(item), width)
            row = rows[-1]
            if row and used + self.spacing() + wanted > width:
                rows.append([])
                row, used = rows[-1], 0
            if stretch and not row:
                continue  # a stretch has nothing to push at the start of a row
            used += (self.spacing() if row else 0) + wanted
            row.append((item, wanted))
        for row in rows:
            self._share_leftover(row, width)
        return [row for row in rows if row]

    def _share_leftover(self, row: list[tuple[QLayoutItem, int]], width: int) -> None:
        """Give what the row leaves over to its expanding items, evenly, up to their maximum."""
        leftover = width - sum(w for _, w in row) - self.spacing() * max(len(row) - 1, 0)
        growing = [i for i, (item, _) in enumerate(row)
                   if item.expandingDirections() & Qt.Orientation.Horizontal]
        while leftover > 0 and growing:
            share = max(leftover // len(growing), 1)
            for i in list(growing):
                item, current = row[i]
                extra = min(share, item.maximumSize().width() - current, leftover)
                row[i] = (item, current + extra)
                leftover -= extra
                if extra < share:
                    growing.remove(i)
                if leftover <= 0:
                    break

    @staticmethod
    def _height(item: QLayoutItem, width: int) -> int:
        if item.hasHeightForWidth():
            return max(item.heightForWidth(width), item.minimumSize().height())
        return max(item.sizeHint().height(), item.minimumSize().height())

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Lay the items out in ``rect`` (``place``) or only measure; the height they take."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        y = area.y()
        rows = self._rows(max(area.width(), 0))
        for number, row in enumerate(rows):
            heights = [self._height(item, w) for item, w in row]
            row_height = max(heights)
            x = area.x()
            for (item, w), h in zip(row, heights):
                if place:
                    item.setGeometry(QRect(QPoint(x, y + (row_height - h) // 2), QSize(w, h)))
                x += w + self.spacing()
            y += row_height + (self._row_spacing if number < len(rows) - 1 else 0)
        return y - area.y() + margins.top() + margins.bottom()
