"""Each module's mutation score, from ``mutmut results --all true`` on stdin.

``make mutation`` (README, "Mutation testing") runs mutmut, then::

    mutmut results --all true | python -m scripts.mutation_scores

mutmut prints one line per mutant (``    healthsite.yamlfile.x_line_of__mutmut_3:
killed``); this sums them by module into a Markdown table. A mutant is caught
when a test failed on it ("killed") or it ran past its time ("timeout": a
change that makes a loop endless is found too). The score is caught mutants
over all mutants of the module, so one no test reaches counts against it.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterable

# The module, the function's mangled name, and the status.
RESULT = re.compile(r"^\s*(?P<module>[\w.]+?)\.x[_ǁ]\S*__mutmut_\d+: (?P<status>.+?)\s*$")
CAUGHT = ("killed", "timeout")
COLUMNS = ("killed", "timeout", "survived", "no tests")


def scores(lines: Iterable[str]) -> dict[str, Counter[str]]:
    """How many mutants of each module ended in each status."""
    by_module: dict[str, Counter[str]] = {}
    for line in lines:
        found = RESULT.match(line)
        if found:
            by_module.setdefault(found["module"], Counter())[found["status"]] += 1
    return by_module


def table(by_module: dict[str, Counter[str]]) -> str:
    """A Markdown table: each module's counts and its score, in percent."""
    rows = [
        "| module | " + " | ".join(COLUMNS) + " | other | score |",
        "|---|" + "---:|" * (len(COLUMNS) + 2),
    ]
    for module, counts in sorted(by_module.items()):
        total = sum(counts.values())
        other = total - sum(counts[status] for status in COLUMNS)
        caught = sum(counts[status] for status in CAUGHT)
        cells = [str(counts[status]) for status in COLUMNS]
        rows.append(
            f"| {module} | " + " | ".join(cells) + f" | {other} | {100 * caught / total:.0f}% |"
        )
    return "\n".join(rows)


def main() -> int:
    by_module = scores(sys.stdin)
    if not by_module:
        sys.stderr.write("No mutant results on stdin: run `mutmut run` first.\n")
        return 1
    sys.stdout.write(table(by_module) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
