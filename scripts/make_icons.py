"""Render the app icon's PNG sizes, the Windows .ico and the macOS .icns from the one SVG.

    python scripts/make_icons.py

The SVG in resources/icons/ is the only drawn source; everything else in that folder is made
here, so a changed icon needs one edit and one run. PNGs are drawn by Qt's SVG renderer (the
same one the window uses); .ico and .icns are packed by Pillow (the `packaging` extra) and are
skipped with a message where Pillow is missing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ficwriter.paths import APP_ID  # noqa: E402

ICONS = ROOT / "resources" / "icons"
SVG = ICONS / f"{APP_ID}.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def png_path(size: int) -> Path:
    return ICONS / f"{APP_ID}-{size}.png"


def render_pngs() -> list[Path]:
    """Draw the SVG at every size onto a transparent square and save it as PNG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - Qt needs one
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: {SVG} is not a valid SVG")
    written = []
    for size in PNG_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        if not image.save(str(png_path(size)), "PNG"):
            raise SystemExit(f"make_icons: could not write {png_path(size)}")
        written.append(png_path(size))
    return written


def pack_ico_icns() -> list[Path]:
    """The Windows .ico (every size up to 256) and the macOS .icns, packed by Pillow."""
    try:
        from PIL import Image
    except ImportError:
        print("make_icons: Pillow is not installed (pip install '.[packaging]'): no .ico/.icns")
        return []
    largest = Image.open(png_path(max(PNG_SIZES)))
    ico, icns = ICONS / f"{APP_ID}.ico", ICONS / f"{APP_ID}.icns"
    largest.save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES])
    largest.save(icns, format="ICNS")
    return [ico, icns]


def main() -> int:
    for path in [*render_pngs(), *pack_ico_icns()]:
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
