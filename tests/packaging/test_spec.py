"""The PyInstaller spec and the Windows installer script, read without building anything.

The bundle itself is built and run by .ci/run (packaging stage), not in the test suite.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SPEC = REPO / "packaging" / "pyinstaller" / "ficwriter.spec"
ISS = REPO / "packaging" / "windows" / "ficwriter.iss"
SPEC_PARTS = {"QT_PLUGINS", "plugin_name", "qt_part_wanted"}


@pytest.fixture(scope="module")
def qt_part_wanted():
    """The spec's Qt file filter, taken out of the spec and run on its own."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    parts = [
        node
        for node in tree.body
        if (isinstance(node, ast.FunctionDef) and node.name in SPEC_PARTS)
        or (
            isinstance(node, ast.Assign)
            and {getattr(t, "id", "") for t in node.targets} & SPEC_PARTS
        )
    ]
    namespace: dict = {"Path": Path}
    exec(compile(ast.Module(body=parts, type_ignores=[]), str(SPEC), "exec"), namespace)
    return namespace["qt_part_wanted"]


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/plugins/styles/qmodernwindowsstyle.dll",
        "PySide6/Qt/lib/libQt6Gui.so.6",
    ],
)
def test_bundle_keeps_the_qt_parts_a_desktop_needs(qt_part_wanted, dest: str) -> None:
    assert qt_part_wanted(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqvnc.so",
        "PySide6/Qt/plugins/platforms/libqminimalegl.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/qmltooling/libqmldbg_debugger.so",
        "PySide6/Qt/plugins/sqldrivers/libqsqlpsql.so",
        "PySide6/Qt/plugins/imageformats/libqpdf.so",
        "PySide6/Qt/translations/qtwebengine_de.qm",
        "PySide6/Qt/plugins/xcbglintegrations/libqxcb-glx-integration.so",
    ],
)
def test_bundle_leaves_out_qt_parts_ficwriter_does_not_use(qt_part_wanted, dest: str) -> None:
    assert not qt_part_wanted(dest)


def test_windows_installer_packs_the_one_folder_app() -> None:
    script = ISS.read_text(encoding="utf-8")
    assert r'Source: "..\..\dist\ficwriter\*"' in script
    assert '#define AppExe "ficwriter.exe"' in script
    assert "#error" in script  # the version must come from the build (pyproject), never a default
