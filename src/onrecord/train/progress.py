"""A small progress display for training steps (Rich bars, or nothing)."""
from __future__ import annotations


class Progress:
    """Named steps with a total and an advance; backed by ``rich.progress`` unless quiet.

    Example:
        >>> p = Progress.quiet()
        >>> p.start("parse", total=3); p.advance("parse"); p.finish("parse")
    """

    def __init__(self, rich_progress=None):
        self._rich = rich_progress
        self._tasks: dict[str, int] = {}

    @classmethod
    def quiet(cls) -> "Progress":
        return cls(None)

    @classmethod
    def rich(cls, console=None) -> "Progress":
        from rich.progress import BarColumn, MofNCompleteColumn, TextColumn, TimeElapsedColumn
        from rich.progress import Progress as RichProgress

        bar = RichProgress(
            TextColumn("{task.description:<14}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
        )
        bar.start()
        return cls(bar)

    def start(self, name: str, total: int) -> None:
        if self._rich is not None:
            self._tasks[name] = self._rich.add_task(name, total=total)

    def advance(self, name: str, steps: int = 1) -> None:
        if self._rich is not None and name in self._tasks:
            self._rich.advance(self._tasks[name], steps)

    def finish(self, name: str) -> None:
        if self._rich is not None and name in self._tasks:
            task = self._tasks[name]
            self._rich.update(task, completed=self._rich.tasks[task].total)

    def close(self) -> None:
        if self._rich is not None:
            self._rich.stop()
