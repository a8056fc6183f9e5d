"""Turn pydantic's validation errors into what an editor should write instead.

Shared by the data files (registry.py), page front matter (frontmatter.py,
translated.py) and findings (findings.py), so each says "what is wrong, and
what is expected" the same way, on the line the field is written on.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import AfterValidator, BaseModel, Field, ValidationError
from pydantic.fields import FieldInfo

from healthsite.problems import Problem, field_path
from healthsite.yamlfile import KeyPath, line_of

Loc = tuple[str | int, ...]
# Template code starts so; in data files and front matter it is not run.
TEMPLATE_STARTS = ("{{", "{%")


def no_template_code(text: str) -> str:
    """Text that readers see as written (a page title, a reviewer's name, a
    source's title): template code there would not run, and readers would see
    the braces (issue 13)."""
    for start in TEMPLATE_STARTS:
        if start in text:
            raise ValueError(
                f"holds template code ('{start}'), which is not run here, so readers would "
                "see it as typed"
            )
    return text


# Text a reader sees: not empty, and no template code.
PlainText = Annotated[str, Field(min_length=1), AfterValidator(no_template_code)]


def _alternatives(annotation: Any) -> list[Any]:
    """The types a field may hold: ``X | None`` and ``Annotated[X, ...]`` read as X."""
    if get_origin(annotation) is Annotated:
        return _alternatives(get_args(annotation)[0])
    if get_origin(annotation) in (Union, UnionType):
        return [kind for member in get_args(annotation) for kind in _alternatives(member)]
    return [annotation]


def _submodel(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds, if it holds one."""
    return next(
        (
            kind
            for kind in _alternatives(annotation)
            if isinstance(kind, type) and issubclass(kind, BaseModel)
        ),
        None,
    )


def _item(annotation: Any) -> Any:
    """What a list's items or a mapping's values are; None for anything else."""
    for kind in _alternatives(annotation):
        origin = get_origin(kind)
        if isinstance(origin, type) and issubclass(origin, (list, tuple, set, frozenset)):
            return get_args(kind)[0] if get_args(kind) else None
        if isinstance(origin, type) and issubclass(origin, Mapping):
            return get_args(kind)[1] if len(get_args(kind)) == 2 else None
    return None


def _written_fields(model: type[BaseModel]) -> dict[str, FieldInfo]:
    """The model's fields as data names them: by their alias, when they have one
    (``for`` in data/warning_signs.yml is a Python keyword)."""
    return {info.alias or name: info for name, info in model.model_fields.items()}


def _model_at(model: type[BaseModel], loc: Loc) -> tuple[type[BaseModel], str | None]:
    """The (sub)model that holds the last named field of ``loc``, and that field.

    ``loc`` is walked through submodels, lists of them (``findings.1.source``)
    and mappings of them (an entry's key), so the field is looked up in the
    model it is written in.
    """
    owner: type[BaseModel] = model
    field: str | None = None
    annotation: Any = model
    for part in loc:
        submodel = _submodel(annotation)
        if submodel is not None and isinstance(part, str):
            owner, field = submodel, part
            info = _written_fields(submodel).get(part)
            if info is None:  # not a field of the model: nothing below it to find
                break
            annotation = info.annotation
            continue
        annotation = _item(annotation)
        if annotation is None:  # a list item of plain values, or a union's member name
            break
    return owner, field


def explain(model: type[BaseModel], loc: Loc, message: str) -> str:
    """``message`` reworded for editors, with the field's description as the fix."""
    owner, field = _model_at(model, loc)
    written = _written_fields(owner)
    info = written.get(field) if field else None
    expected = info.description if info and info.description else None
    if message == "Field required":
        message = "is missing"
    elif message.startswith("Extra inputs"):
        allowed = ", ".join(written)
        return f"is not a known field; use one of: {allowed}"
    message = message.removeprefix("Value error, ")
    return f"{message}; expected {expected}" if expected else message


def problems_from(
    error: ValidationError,
    model: type[BaseModel],
    shown_as: str,
    lines: Mapping[KeyPath, int],
    *,
    whole: str,
    under: KeyPath = (),
    first_line: int | None = None,
) -> list[Problem]:
    """One editor problem for each of pydantic's errors in validating ``model``.

    The data validated sits at ``under`` in the YAML that ``lines`` maps (an
    entry's key in a data file, a finding's place in the front matter). Each
    problem names its field by the key path and gives the line it is written
    on (or its nearest parent's, else ``first_line``); an error of the whole
    value, with no field, is named ``whole``.
    """
    problems = []
    for detail in error.errors():
        loc = tuple(detail["loc"])
        path = (*under, *loc)
        problems.append(
            Problem(
                shown_as,
                line_of(lines, path) or first_line,
                field_path(path) if loc else whole,
                explain(model, loc, detail["msg"]),
            )
        )
    return problems
