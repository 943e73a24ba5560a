"""`ficwriter` with no subcommand: the window, or a plain reason why not."""

from __future__ import annotations

import sys

import pytest

from ficwriter.cli import main


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a display is an X11/Wayland idea")
def test_no_display_is_one_plain_line_not_a_qt_abort(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert main([]) == 1
    err = capsys.readouterr().err
    assert "no display to open the window on" in err and err.count("\n") == 1
