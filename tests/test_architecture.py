"""The package's shape: no import cycles anywhere, and Qt only in gui/.

Every ``import`` counts, wherever it stands: at module level, inside a function, under
``if TYPE_CHECKING:``. A cycle is reported as the chain of modules that closes it, so the
failure says which import to take out.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import ficwriter

PACKAGE = Path(ficwriter.__file__).parent
NO_QT = ("core", "checks", "history", "beta", "commands")


def _modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package (``pkg`` for __init__)."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _imported_names(path: Path, module: str, is_package: bool) -> Iterator[str]:
    """Every absolute name an import in ``path`` asks for (relative imports resolved)."""
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            yield source
            # ``from pkg import mod`` imports the module pkg.mod
            yield from (f"{source}.{alias.name}" for alias in node.names)


def _owner(name: str, modules: dict[str, Path]) -> str | None:
    """The package module ``name`` is, or is in (``a.b.C`` -> ``a.b``); None outside."""
    while name:
        if name in modules:
            return name
        name = name.rpartition(".")[0]
    return None


def import_graph() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        is_package = path.name == "__init__.py"
        targets = {_owner(name, modules) for name in _imported_names(path, module, is_package)}
        graph[module] = {t for t in targets if t is not None and t != module}
    return graph


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle as ``[a, b, ..., a]``, or None (depth-first search, white/grey/black)."""
    state: dict[str, int] = {}  # 1 on the current path, 2 done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return path[path.index(target):] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_cycle_finder_names_a_cycle_and_passes_a_tree() -> None:
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_the_graph_sees_imports_in_functions_and_under_type_checking() -> None:
    graph = import_graph()
    # main_window imports the export dialog inside a method, app imports main_window at the top
    assert "ficwriter.gui.dialogs.export_dialog" in graph["ficwriter.gui.main_window"]
    assert "ficwriter.gui.main_window" in graph["ficwriter.gui.app"]
    # the menus name the parts they list under TYPE_CHECKING only
    assert "ficwriter.gui.panels.layout" in graph["ficwriter.gui.menus"]


def test_no_module_of_ficwriter_imports_itself_back() -> None:
    cycle = find_cycle(import_graph())
    assert cycle is None, "import cycle: " + " -> ".join(cycle or [])


def collapse(graph: dict[str, set[str]], depth: int, under: str) -> dict[str, set[str]]:
    """The graph between the parts ``depth`` names deep under ``under`` (``ficwriter.gui.panels``
    for every module in panels/); modules elsewhere are left out."""
    def part(module: str) -> str | None:
        if module != under and not module.startswith(under + "."):
            return None
        return ".".join(module.split(".")[:depth])

    parts: dict[str, set[str]] = {}
    for module, targets in graph.items():
        if (source := part(module)) is not None:
            found = parts.setdefault(source, set())
            found.update(p for t in targets if (p := part(t)) is not None and p != source)
    return parts


def test_the_layers_import_one_way() -> None:
    """core, checks, history, commands, gui: no layer imports one that imports it back."""
    cycle = find_cycle(collapse(import_graph(), 2, "ficwriter"))
    assert cycle is None, "layers import each other: " + " -> ".join(cycle or [])


def test_the_window_s_parts_import_one_way() -> None:
    """threads/ < editor/ < background/ < panels/ < actions/ < menus, main_window: a part may
    use the parts below it, never one above (docs/architecture.md has the picture)."""
    cycle = find_cycle(collapse(import_graph(), 3, "ficwriter.gui"))
    assert cycle is None, "parts of gui/ import each other: " + " -> ".join(cycle or [])


def test_only_the_gui_imports_qt() -> None:
    modules = _modules()
    offenders = []
    for module, path in sorted(modules.items()):
        layer = module.split(".")[1] if "." in module else ""
        if layer not in NO_QT:
            continue
        names = _imported_names(path, module, path.name == "__init__.py")
        qt = sorted({name for name in names if name.split(".")[0] in ("PySide6", "shiboken6")})
        if qt:
            offenders.append(f"{module} imports {', '.join(qt)}")
    assert not offenders, "; ".join(offenders)


def test_no_part_of_the_window_imports_the_window() -> None:
    graph = import_graph()
    back = sorted(m for m, targets in graph.items()
                  if "ficwriter.gui.main_window" in targets and m != "ficwriter.gui.app")
    assert not back, f"{', '.join(back)} import MainWindow: pass the collaborators in instead"


def test_beta_builds_on_core_and_history_alone() -> None:
    """The beta-reader round trip is shared by the window and the command line."""
    allowed = ("ficwriter.core", "ficwriter.history", "ficwriter.beta")
    graph = import_graph()
    wrong = sorted(f"{m} imports {t}" for m, targets in graph.items()
                   if m.startswith("ficwriter.beta") for t in targets
                   if not t.startswith(allowed))
    assert not wrong, "; ".join(wrong)
