"""Edits the outline makes to a chapter's text, computed from the chapter model's spans.

Each function returns one replacement ``(start, end, text)`` in the chapter's own offsets,
so the editor applies it as a single undoable edit and everything outside it stays
byte for byte as it was.
"""

from __future__ import annotations

from dataclasses import dataclass

from ficwriter.core.chapter import SCENE_BREAK, Chapter, Scene, format_meta


@dataclass(frozen=True)
class Replacement:
    start: int
    end: int
    text: str


def scene_start(scene: Scene) -> int:
    """Where a scene begins in the file: its metadata comment, else its first paragraph."""
    return scene.meta_span.start if scene.meta_span else scene.span.start


def move_scene(chapter: Chapter, source: int, target: int) -> Replacement | None:
    """Move scene ``source`` to position ``target``; what lies between scenes stays put."""
    scenes = chapter.scenes
    if source == target or not (0 <= source < len(scenes) and 0 <= target < len(scenes)):
        return None
    low, high = min(source, target), max(source, target)
    involved = scenes[low : high + 1]
    text = chapter.text
    bodies = [text[scene_start(s) : s.span.end] for s in involved]
    gaps = [text[a.span.end : scene_start(b)] for a, b in zip(involved, involved[1:])]
    moving = bodies.pop(source - low)
    bodies.insert(target - low, moving)
    joined = bodies[0] + "".join(gap + body for gap, body in zip(gaps, bodies[1:]))
    return Replacement(scene_start(involved[0]), involved[-1].span.end, joined)


def set_scene_field(chapter: Chapter, index: int, key: str, value: str) -> Replacement:
    """Set (or with an empty value, remove) one field of a scene's metadata comment."""
    scene = chapter.scenes[index]
    fields = dict(scene.meta)
    if value:
        fields[key] = value
    else:
        fields.pop(key, None)
    if scene.meta_span is not None:
        line = format_meta(fields) if fields else ""
        end = scene.meta_span.end + (1 if not fields else 0)  # drop the emptied line whole
        return Replacement(scene.meta_span.start, end, line)
    return Replacement(scene.span.start, scene.span.start, format_meta(fields) + "\n")


def scene_break_at(text: str, offset: int) -> Replacement:
    """A scene break at ``offset``, splitting the paragraph there if the cursor is inside one."""
    before = text[:offset].rstrip(" \t")
    after = text[offset:].lstrip(" \t")
    start = len(before)
    end = len(text) - len(after)
    lead = "" if not before or before.endswith("\n\n") else ("\n" if before.endswith("\n") else "\n\n")
    trail = "" if after.startswith("\n\n") else ("\n" if after.startswith("\n") else "\n\n")
    return Replacement(start, end, f"{lead}{SCENE_BREAK}{trail}")
