"""What is wrong with input data, said so a person can find and fix it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One defect: `line` is the 1-based line in the file (the header is line 1), 0 for the file."""

    file: str
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        where = self.file if self.line == 0 else f"{self.file}:{self.line}"
        if self.column:
            where += f" [{self.column}]"
        return f"{where}: {self.message}"


class DatasetError(Exception):
    """Raised by readers instead of returning partial data: carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = "\n".join(str(p) for p in problems[:20])
        more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
        super().__init__(f"{len(problems)} problem(s) in the data:\n{shown}{more}")
