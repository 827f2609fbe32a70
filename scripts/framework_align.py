"""Which block of a new capture is which block of the pages: same, changed, moved, added or removed.

The pages' framework blocks (headings, paragraphs, list items, quotes, table headers and rows,
in nav order) are lined up with the capture's blocks by their text. Blocks with the same text in
the same order are the same block. Between two such runs, blocks of the same kind whose words
are mostly alike are one block, changed. What is left is removed (on the pages) or added (in
the capture), except that a removed block whose text is added elsewhere has moved.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

# The share of words two versions of a block must have in common to be one block, changed.
SAME_BLOCK_SIMILARITY = 0.6

_COMPATIBLE = {
    "heading": {"line", "bullet"},
    "paragraph": {"line", "bullet"},
    "list-item": {"line", "bullet"},
    "quote": {"line", "bullet"},
    "table": {"head"},
    "table-row": {"row"},
}


@dataclass(frozen=True)
class Unit:
    """A block to line up: its kind and the text a reader sees."""

    kind: str
    text: str


@dataclass(frozen=True)
class Alignment:
    """``pairs[new] = (old, status)`` for each new block kept from the pages; ``removed`` is old blocks."""

    pairs: dict[int, tuple[int, str]]  # status: same | changed | moved
    removed: tuple[int, ...]

    def added(self, count: int) -> list[int]:
        return [n for n in range(count) if n not in self.pairs]


def similarity(old: str, new: str) -> float:
    return SequenceMatcher(None, old.split(), new.split(), autojunk=False).ratio()


def _compatible(old: Unit, new: Unit) -> bool:
    return new.kind in _COMPATIBLE.get(old.kind, set())


def _pair_region(
    olds: Sequence[Unit], news: Sequence[Unit], old_ids: list[int], new_ids: list[int]
) -> list[tuple[int, int]]:
    """The best in-order pairing of alike blocks between two runs of unmatched blocks."""
    rows, cols = len(old_ids), len(new_ids)
    alike = [[0.0] * cols for _ in range(rows)]
    for i in range(rows):
        for j in range(cols):
            old, new = olds[old_ids[i]], news[new_ids[j]]
            if _compatible(old, new):
                ratio = similarity(old.text, new.text)
                alike[i][j] = ratio if ratio >= SAME_BLOCK_SIMILARITY else 0.0
    score = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            best = max(score[i + 1][j], score[i][j + 1])
            if alike[i][j]:
                best = max(best, alike[i][j] + score[i + 1][j + 1])
            score[i][j] = best
    pairs = []
    i = j = 0
    while i < rows and j < cols:
        if alike[i][j] and score[i][j] == alike[i][j] + score[i + 1][j + 1]:
            pairs.append((old_ids[i], new_ids[j]))
            i, j = i + 1, j + 1
            continue
        if score[i][j] == score[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def align(olds: Sequence[Unit], news: Sequence[Unit]) -> Alignment:
    matcher = SequenceMatcher(None, [u.text for u in olds], [u.text for u in news], autojunk=False)
    pairs: dict[int, tuple[int, str]] = {}
    lone_old: list[int] = []
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(a2 - a1):
                if _compatible(olds[a1 + k], news[b1 + k]):
                    pairs[b1 + k] = (a1 + k, "same")
                else:
                    lone_old.append(a1 + k)
            continue
        region = _pair_region(olds, news, list(range(a1, a2)), list(range(b1, b2)))
        for old, new in region:
            pairs[new] = (old, "changed")
        paired = {old for old, _ in region}
        lone_old += [k for k in range(a1, a2) if k not in paired]
    for new in range(len(news)):
        if new in pairs:
            continue
        match = next(
            (k for k in lone_old if olds[k].text == news[new].text and _compatible(olds[k], news[new])), None
        )
        if match is not None:
            pairs[new] = (match, "moved")
            lone_old.remove(match)
    return Alignment(pairs, tuple(sorted(lone_old)))
