"""The flow layout: one row while it fits, more rows instead of a wider window."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPushButton, QWidget

from ficwriter.gui.flow_layout import FlowLayout


def _buttons(count: int, width: int = 100) -> list[QPushButton]:
    buttons = []
    for n in range(count):
        button = QPushButton(f"B{n}")
        button.setFixedSize(width, 30)
        buttons.append(button)
    return buttons


def _laid_out(qtbot, layout: FlowLayout, width: int) -> QWidget:
    host = QWidget()
    host.setLayout(layout)
    qtbot.addWidget(host)
    host.resize(width, layout.heightForWidth(width))
    host.show()
    layout.activate()
    return host


def test_items_share_a_row_while_they_fit_then_wrap(qtbot) -> None:
    layout = FlowLayout(spacing=10)
    buttons = _buttons(4)
    for button in buttons:
        layout.addWidget(button)
    host = _laid_out(qtbot, layout, 330)  # three of 100 with two gaps of 10: exactly three a row
    assert [b.y() for b in buttons[:3]] == [0, 0, 0]
    assert buttons[3].y() > 0 and buttons[3].x() == 0
    assert layout.heightForWidth(330) > layout.heightForWidth(430)
    assert layout.minimumSize().width() == 100  # its widest item, not the row
    assert layout.sizeHint().width() == 4 * 100 + 3 * 10  # preferably all on one row
    assert host.minimumSizeHint().width() == 100


def test_a_stretch_pushes_what_follows_to_the_right_and_never_starts_a_row(qtbot) -> None:
    layout = FlowLayout(spacing=10)
    first, last = _buttons(2)
    layout.addWidget(first)
    layout.add_stretch()
    layout.addWidget(last)
    host = _laid_out(qtbot, layout, 500)
    assert last.geometry().right() == host.width() - 1
    host.resize(150, layout.heightForWidth(150))
    layout.activate()
    assert (last.x(), last.y()) == (0, 30 + 4)  # on the next row, not indented by the stretch


def test_a_group_moves_as_one_and_wraps_inside_only_when_it_must(qtbot) -> None:
    layout = FlowLayout(spacing=10)
    lone = _buttons(1)[0]
    layout.addWidget(lone)
    group_buttons = _buttons(3)
    group = layout.add_group(group_buttons)
    host = _laid_out(qtbot, layout, 400)  # the group (320) does not fit beside the lone button
    assert group.pos().y() > 0 and group.pos().x() == 0
    assert {b.y() for b in group_buttons} == {0}  # one row inside the group
    host.resize(210, layout.heightForWidth(210))  # narrower than the group: it wraps inside
    layout.activate()
    group.layout().activate()
    assert [b.y() for b in group_buttons] == [0, 0, 30 + 4]
    assert host.minimumSizeHint().width() == 100


def test_fields_start_narrow_and_take_what_the_row_leaves(qtbot) -> None:
    layout = FlowLayout(spacing=10)
    field = QLineEdit()
    field.setMinimumWidth(120)
    button = _buttons(1)[0]
    layout.addWidget(field)
    layout.addWidget(button)
    host = _laid_out(qtbot, layout, 400)
    assert host.isVisible()
    assert field.geometry().center().y() == button.geometry().center().y()  # one row
    assert field.width() == 400 - 10 - 100  # and grows into the rest
    assert layout.compact_width() == 120 + 10 + 100


def test_hidden_widgets_take_no_room(qtbot) -> None:
    layout = FlowLayout(spacing=10)
    first, hidden, last = _buttons(3)
    for button in (first, hidden, last):
        layout.addWidget(button)
    hidden.hide()
    host = _laid_out(qtbot, layout, 215)
    assert host.isVisible()
    assert last.pos().y() == 0 and last.x() == 110
