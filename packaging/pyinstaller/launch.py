"""Entry script of the bundled app: the same `ficwriter` command pip installs.

It lives outside the package so PyInstaller does not put ficwriter/ itself on the frozen
app's module path (its modules would then also be importable as top-level names).
"""

from ficwriter.cli import main

raise SystemExit(main())
