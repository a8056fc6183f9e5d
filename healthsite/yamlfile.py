"""Read YAML and remember the line each key sits on, for error messages."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from healthsite.problems import Problem, field_path

KeyPath = tuple[object, ...]


# Called with each scalar node (keys too) and the key path it sits under.
OnScalar = Callable[[yaml.ScalarNode, KeyPath], None]
# Called with each mapping node and the key path it sits under.
OnMapping = Callable[[yaml.MappingNode, KeyPath], None]


def _line_map(
    node: yaml.Node,
    prefix: KeyPath,
    lines: dict[KeyPath, int],
    on_scalar: OnScalar | None = None,
    on_mapping: OnMapping | None = None,
) -> None:
    """The line of every key path, walking each node once (and showing each
    scalar to ``on_scalar`` and each mapping to ``on_mapping``, when given).

    A YAML alias (``*name``) makes a node reachable by more than one path, or
    from inside itself: walked every time, nine lines of aliases nine deep
    take hours ("billion laughs"), and a self-reference never ends. A node
    seen before keeps the lines of the path that reached it first; a path
    through an alias falls back to the alias's line (``line_of``).
    """
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, KeyPath]] = [(node, prefix)]
    while stack:
        current, path = stack.pop()
        lines.setdefault(path, current.start_mark.line + 1)
        if id(current) in seen:
            continue
        seen.add(id(current))
        if on_scalar is not None and isinstance(current, yaml.ScalarNode):
            on_scalar(current, path)
        if isinstance(current, yaml.MappingNode):
            if on_mapping is not None:
                on_mapping(current, path)
            for key_node, value_node in current.value:
                if on_scalar is not None and isinstance(key_node, yaml.ScalarNode):
                    on_scalar(key_node, path)
                key_path = (*path, key_node.value)
                lines[key_path] = key_node.start_mark.line + 1
                stack.append((value_node, key_path))
                key = _key_as_loaded(key_node)
                if key is not _TEXT_KEY:
                    lines.setdefault((*path, key), key_node.start_mark.line + 1)
        elif isinstance(current, yaml.SequenceNode):
            for index, item in enumerate(current.value):
                stack.append((item, (*path, index)))


_TEXT_KEY = object()


def _key_as_loaded(key_node: yaml.Node) -> object:
    """A key that YAML reads as another type than text (``5:``, ``true:``,
    ``null:``, ``2026-11-20:``), as the loaded data has it; ``_TEXT_KEY`` for
    a text key, or one that cannot be loaded.

    The line map is keyed by the text of each key; data files are checked
    key by key as loaded, so a number or a date as a key finds its line too.
    """
    if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:str":
        return _TEXT_KEY
    try:
        key = yaml.SafeLoader("").construct_object(key_node)
        hash(key)
    except (ValueError, TypeError, yaml.YAMLError):
        return _TEXT_KEY  # the whole file is reported as unreadable
    return key


def line_of(lines: Mapping[KeyPath, int], key_path: KeyPath) -> int | None:
    """The line of ``key_path``, or of its nearest parent that has one."""
    for end in range(len(key_path), -1, -1):
        if key_path[:end] in lines:
            return lines[key_path[:end]]
    return None


class DatesAsTextLoader(yaml.SafeLoader):
    """A SafeLoader that keeps dates as written (front matter, data/reviewers.yml).

    PyYAML turns ``2026-11-20`` into a date itself and raises a bare
    ValueError, with no line, for ``2026-13-01``; as text, the date is checked
    by the model that reads it (``PageDate``) and reported with its line.
    """


DatesAsTextLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if not tag.endswith(":timestamp")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# PyYAML's wheels include libyaml; a build from source without it has no CSafeLoader.
_LIBYAML_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LibyamlDatesAsTextLoader(_LIBYAML_SAFE_LOADER):  # type: ignore[misc,valid-type]
    """``DatesAsTextLoader`` parsed by libyaml (PyYAML's C binding)."""


_LibyamlDatesAsTextLoader.yaml_implicit_resolvers = DatesAsTextLoader.yaml_implicit_resolvers
# Each loader the build uses, and the same loader parsed by libyaml: about
# eight times faster on front matter, which every build reads for every page.
_BY_LIBYAML: dict[type[yaml.SafeLoader], type[yaml.SafeLoader]] = {
    yaml.SafeLoader: _LIBYAML_SAFE_LOADER,
    DatesAsTextLoader: _LibyamlDatesAsTextLoader,
}


def load_with_lines(
    path: Path, shown_as: str, loader_class: type[yaml.SafeLoader] = yaml.SafeLoader
) -> tuple[Any, dict[KeyPath, int]]:
    """Parse the YAML file ``path`` (``parse_quickly_with_lines``)."""
    text = path.read_text(encoding="utf-8")
    return parse_quickly_with_lines(text, shown_as, loader_class=loader_class)


@dataclass(frozen=True)
class ParsedYaml:
    """A YAML file parsed with its lines, or the syntax mistake that stopped it."""

    data: Any
    lines: Mapping[KeyPath, int]
    mistake: Problem | None = None

    def read(self) -> tuple[Any, Mapping[KeyPath, int]]:
        """Its data and lines; ``InvalidYamlError`` if it is not valid YAML."""
        if self.mistake is not None:
            raise InvalidYamlError(self.mistake)
        return self.data, self.lines


# The most versions of files not on disk (``YamlFiles.parsed_text``) kept at once.
TEXTS_KEPT = 2_000


class YamlFiles:
    """YAML files, each parsed once while its bytes stay the same.

    Kept by its bytes, not its time and size: reading a data file is cheap
    next to parsing it, and an edit that keeps the size within the file
    system's time resolution (``26.2`` to ``27.2`` saved twice in a second)
    would keep stale data. What it returns is shared by every reader, across
    builds: readers must not change it.
    """

    def __init__(self) -> None:
        self._kept: dict[tuple[Path, str, type[yaml.SafeLoader]], tuple[bytes, ParsedYaml]] = {}
        self._texts: dict[tuple[str, str, type[yaml.SafeLoader]], ParsedYaml] = {}

    def parsed(
        self, path: Path, shown_as: str, loader_class: type[yaml.SafeLoader] = yaml.SafeLoader
    ) -> ParsedYaml:
        """``path`` parsed (``parse_quickly_with_lines``); ``FileNotFoundError`` if missing."""
        content = path.read_bytes()
        key = (path, shown_as, loader_class)
        kept = self._kept.get(key)
        if kept is not None and kept[0] == content:
            return kept[1]
        parsed = _parse_bytes(content, shown_as, loader_class)
        self._kept[key] = (content, parsed)
        return parsed

    def parsed_text(
        self, text: str, shown_as: str, loader_class: type[yaml.SafeLoader] = yaml.SafeLoader
    ) -> ParsedYaml:
        """A version of the file ``shown_as`` that is not on disk (one in git
        history), parsed as ``parsed`` parses the file on disk, and shared
        with it while the file holds that text.

        Kept by its text, many versions at once: the versions of a page's
        history mostly share the same data files. Cleared past ``TEXTS_KEPT``.
        """
        key = (text, shown_as, loader_class)
        found = self._texts.get(key)
        if found is None:
            content = text.encode("utf-8")
            found = self._on_disk(content, shown_as, loader_class)
            if found is None:
                found = _parse_bytes(content, shown_as, loader_class)
            if len(self._texts) >= TEXTS_KEPT:
                self._texts.clear()
            self._texts[key] = found
        return found

    def _on_disk(
        self, content: bytes, shown_as: str, loader_class: type[yaml.SafeLoader]
    ) -> ParsedYaml | None:
        """The parse of a file read from disk that holds ``content``, if one is kept."""
        for (_, kept_as, kept_loader), (kept_content, parsed) in self._kept.items():
            if (kept_as, kept_loader, kept_content) == (shown_as, loader_class, content):
                return parsed
        return None


def _parse_bytes(content: bytes, shown_as: str, loader_class: type[yaml.SafeLoader]) -> ParsedYaml:
    # As Path.read_text reads it: UTF-8, every line ending made "\n".
    try:
        text = content.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError as error:
        return ParsedYaml(None, {}, _not_utf8(content, shown_as, error))
    try:
        data, lines = parse_quickly_with_lines(text, shown_as, loader_class=loader_class)
    except InvalidYamlError as error:
        return ParsedYaml(None, {}, error.problem)
    return ParsedYaml(data, lines)


def _not_utf8(content: bytes, shown_as: str, error: UnicodeDecodeError) -> Problem:
    """A file saved in another encoding (an editor's Windows default, say)."""
    line = content[: error.start].count(b"\n") + 1
    return Problem(
        shown_as,
        line,
        "(file)",
        f"byte 0x{content[error.start]:02x} is not UTF-8 text; "
        "expected the file saved as UTF-8 (most editors offer it under Save As or Encoding)",
    )


def load_quickly(text: str, loader_class: type[yaml.SafeLoader] = yaml.SafeLoader) -> Any:
    """The data of a YAML text, by libyaml, without lines; None if it is not
    valid YAML (for data the build has checked already, or will)."""
    try:
        return yaml.load(text, Loader=_BY_LIBYAML[loader_class])
    except (yaml.YAMLError, ValueError):
        return None


def parse_quickly_with_lines(
    text: str,
    shown_as: str,
    first_line: int = 1,
    loader_class: type[yaml.SafeLoader] = yaml.SafeLoader,
) -> tuple[Any, dict[KeyPath, int]]:
    """``parse_with_lines``, its parsing done by libyaml, PyYAML's C parser (the
    data files and front matter are read on every build, and on every rebuild
    under ``mkdocs serve``); YAML it rejects is parsed again by PyYAML, whose
    messages editors see. The one place the build parses YAML this way."""
    try:
        quick = _BY_LIBYAML[loader_class]
        return parse_with_lines(text, shown_as, first_line, loader_class=quick)
    except InvalidYamlError:
        return parse_with_lines(text, shown_as, first_line, loader_class=loader_class)


def parse_with_lines(
    text: str,
    shown_as: str,
    first_line: int = 1,
    loader_class: type[yaml.SafeLoader] = yaml.SafeLoader,
) -> tuple[Any, dict[KeyPath, int]]:
    """Parse YAML ``text`` that starts on line ``first_line`` of ``shown_as``."""
    # One parse gives both the nodes (for line numbers) and the data: this is
    # what yaml.safe_load does inside, with the composed node kept.
    loader = loader_class(text)
    node: yaml.Node | None = None
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = mark.line + first_line if mark else None
        problem = Problem(shown_as, line, "yaml", f"{error.problem}; fix the YAML syntax")
        raise InvalidYamlError(problem) from None
    except ValueError as error:
        # PyYAML raises a bare ValueError, with no line, for a value its tag
        # cannot hold: a date no calendar has (2026-02-30, !!timestamp 2026-13-01).
        if node is None:
            raise
        raise InvalidYamlError(_unreadable_value(node, shown_as, first_line, error)) from None
    finally:
        loader.dispose()
    lines: dict[KeyPath, int] = {}
    if node is not None:
        repeated: list[Problem] = []
        _line_map(node, (), lines, on_mapping=_repeated_keys_into(repeated, shown_as, first_line))
        if repeated:
            raise InvalidYamlError(min(repeated, key=lambda problem: problem.line or 0))
    return data, {key_path: line + first_line - 1 for key_path, line in lines.items()}


def _repeated_keys_into(found: list[Problem], shown_as: str, first_line: int) -> OnMapping:
    """A mapping check that adds to ``found`` each key written twice.

    YAML keeps the last of two equal keys without a word, so a second
    `webmd_cast_care:` added lower in data/sources.yml would silently replace
    the first, and every page citing it would show the other source.
    """

    def check_keys(mapping: yaml.MappingNode, path: KeyPath) -> None:
        first_seen: dict[str, int] = {}
        for key_node, _ in mapping.value:
            # A merge (`<<: *base`) copies the base's keys into this mapping
            # when the data is built: those keys are written elsewhere.
            written_here = mapping.start_mark.index <= key_node.start_mark.index
            if not isinstance(key_node, yaml.ScalarNode) or not written_here:
                continue
            line = key_node.start_mark.line + first_line
            if key_node.value not in first_seen:
                first_seen[key_node.value] = line
                continue
            said = f"is already written on line {first_seen[key_node.value]}"
            found.append(
                Problem(
                    shown_as,
                    line,
                    field_path((*path, key_node.value)),
                    f"{said}; expected each key once (YAML would keep only the last one)",
                )
            )

    return check_keys


def _unreadable_value(
    node: yaml.Node, shown_as: str, first_line: int, error: ValueError
) -> Problem:
    """The problem for a scalar that its tag's constructor rejects."""
    constructor = yaml.SafeLoader("")
    found: list[Problem] = []

    def try_to_read(scalar: yaml.ScalarNode, path: KeyPath) -> None:
        if found:
            return
        try:
            constructor.construct_object(scalar)
        except ValueError as rejected:
            kind = scalar.tag.rsplit(":", 1)[-1]
            if kind == "timestamp":
                said = f"is not a date in the calendar ({rejected}); expected YYYY-MM-DD"
            else:
                said = f"cannot be read as {kind} ({rejected}); expected a valid {kind}"
            found.append(
                Problem(
                    shown_as,
                    scalar.start_mark.line + first_line,
                    field_path(path) if path else "yaml",
                    f"'{scalar.value}' {said}, or text in quotes",
                )
            )

    _line_map(node, (), {}, try_to_read)
    if found:
        return found[0]
    line = node.start_mark.line + first_line
    return Problem(shown_as, line, "yaml", f"a value cannot be read: {error}; fix it")


def expanded_size(data: Any, limit: int) -> int:
    """How many values ``data`` holds once YAML aliases are written out, up to ``limit + 1``.

    An alias (``*name``) repeats a value without copying it, so nine aliases
    nine deep hold 387 million values; code that walks the data (a log line,
    a repr) would take hours. Counted here in one visit of each object; a
    value that holds itself counts as over the limit.
    """
    sizes: dict[int, int] = {}
    visiting: set[int] = set()

    def size(value: Any) -> int:
        if not isinstance(value, dict | list):
            return 1
        key = id(value)
        if key in sizes:
            return sizes[key]
        if key in visiting:
            return limit + 1
        visiting.add(key)
        items = [*value.keys(), *value.values()] if isinstance(value, dict) else value
        total = 1
        for item in items:
            total = min(total + size(item), limit + 1)
            if total > limit:
                break
        visiting.discard(key)
        sizes[key] = total
        return total

    return size(data)


class InvalidYamlError(ValueError):
    """A data file that is not valid YAML; carries the Problem to report."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem
