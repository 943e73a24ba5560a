"""The small note that says how to leave focus mode, shown as it starts and then faded out.

Focus mode hides the menu bar and the status bar, the places that would otherwise tell a
writer how to get them back; a note that stayed would break the focus it is for.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPropertyAnimation, Qt, QTimer
from PySide6.QtWidgets import QGraphicsOpacityEffect, QLabel, QWidget

TEXT = "Focus mode \u2014 F11 or Esc to leave"
SHOWN_MS = 2500  # fully there: long enough to read twice
FADE_MS = 700
TOP_MARGIN = 12


class FocusHint(QLabel):
    def __init__(self, parent: QWidget) -> None:
        super().__init__(TEXT, parent)
        self.setObjectName("focushint")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._opacity = QGraphicsOpacityEffect(self)
        self.setGraphicsEffect(self._opacity)
        self._fade = QPropertyAnimation(self._opacity, b"opacity", self)
        self._fade.setDuration(FADE_MS)
        self._fade.setStartValue(1.0)
        self._fade.setEndValue(0.0)
        self._fade.finished.connect(self.hide)
        self._wait = QTimer(self, singleShot=True, interval=SHOWN_MS)
        self._wait.timeout.connect(self._fade.start)
        parent.installEventFilter(self)  # stays in the middle as the page widens (panels go)
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def flash(self) -> None:
        """Show the note at the top middle of the parent, then let it fade."""
        self._fade.stop()
        self._opacity.setOpacity(1.0)
        self.ensurePolished()  # the style sheet's padding counts in its size
        self.adjustSize()
        self.raise_()
        self.show()
        self._place()  # showing it may have laid the window out anew
        self._wait.start()

    def _place(self) -> None:
        self.move((self.parentWidget().width() - self.width()) // 2, TOP_MARGIN)

    def dismiss(self) -> None:
        """Gone at once (focus mode ended)."""
        self._wait.stop()
        self._fade.stop()
        self.hide()
