"""Building a project's checker from its settings: which engines, configured how.

Kept apart from the scheduler so the scheduler knows engines only through the protocol
in ``engine.py``; this is the one place that knows the concrete engines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from ficwriter.checks.cache import CheckCache
from ficwriter.checks.dictionary import ProjectDictionary
from ficwriter.checks.names import project_name_candidates
from ficwriter.checks.dismissals import Dismissals
from ficwriter.checks.engine import ChapterRule, Engine
from ficwriter.checks.fiction import FictionSettings, chapter_rules, paragraph_engine
from ficwriter.checks.harper_engine import HarperEngine
from ficwriter.checks.languagetool import LanguageToolEngine
from ficwriter.checks.scheduler import Checker
from ficwriter.checks.settings import ENGINE_NAMES, CheckSettings, load_check_settings


def fiction_checks(
    settings: CheckSettings, words: Sequence[str] = ()
) -> tuple[Engine, list[ChapterRule]]:
    """The fiction rules' engine and chapter rules, from [checks.fiction] and the dictionary.

    The dictionary's capitalised words are the writer's names: the name-spelling rule then
    prefers their spelling and the dialogue rules recognise them as names.
    """
    fiction_settings = FictionSettings.from_mapping(settings.fiction)  # ValueError names the key
    names = tuple(w for w in words if w[:1].isupper())
    if names:
        fiction_settings = replace(fiction_settings, names=names)
    return paragraph_engine(fiction_settings), list(chapter_rules(fiction_settings))


def build_engines(
    settings: CheckSettings, words: Sequence[str] = (), only: Sequence[str] | None = None
) -> tuple[list[Engine], list[ChapterRule]]:
    """The engines ``settings`` asks for (or just ``only``), LanguageTool first."""
    names = [n for n in ENGINE_NAMES if n in (only if only is not None else settings.engines)]
    engines: list[Engine] = []
    rules: list[ChapterRule] = []
    if "languagetool" in names:
        engines.append(LanguageToolEngine(settings.languagetool, settings.language))
    if "harper" in names:
        engines.append(HarperEngine(settings.harper, settings.language, words))
    if "fiction" in names:
        engine, rules = fiction_checks(settings, words)
        engines.append(engine)
    return engines, rules


def build_checker(
    project_root: Path,
    settings: CheckSettings | None = None,
    only: Sequence[str] | None = None,
    *,
    persist: bool = True,
) -> Checker:
    """The project's checker; with ``persist=False`` dismissals and cache stay in memory."""
    root = Path(project_root)
    settings = settings or load_check_settings(root)
    dictionary = ProjectDictionary.for_project(root)
    cache = CheckCache(root if persist else None)
    project_names = [c.word for c in project_name_candidates(root, cache)]
    engines, rules = build_engines(settings, sorted(dictionary.words | set(project_names)), only)
    fallback = (
        frozenset({"harper"})
        if settings.harper.mode == "fallback" and any(e.name == "languagetool" for e in engines)
        else frozenset()
    )
    return Checker(
        engines,
        rules,
        dictionary=dictionary,
        dismissals=Dismissals(root if persist else None),
        cache=cache,
        check_notes=settings.check_notes,
        fallback_engines=fallback,
        project_names=project_names,
        not_names=settings.not_names,
    )
