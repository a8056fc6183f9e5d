"""Turn pydantic's validation errors into what an editor should write instead.

Shared by the data files (registry.py), page front matter (frontmatter.py,
translated.py) and findings (findings.py), so each says "what is wrong, and
what is expected" the same way, on the line the field is written on.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, get_args

from pydantic import AfterValidator, BaseModel, Field, ValidationError

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


def _model_at(model: type[BaseModel], loc: Loc) -> tuple[type[BaseModel], str | None]:
    """The (sub)model that holds the last named field of ``loc``, and that field."""
    names = [part for part in loc if isinstance(part, str)]
    owner = model
    for name in names[:-1]:
        info = owner.model_fields.get(name)
        annotation = info.annotation if info else None
        # An optional submodel (``Model | None``) is the model itself here.
        candidates = [annotation, *get_args(annotation)]
        submodel = next(
            (c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)), None
        )
        if submodel is None:
            break
        owner = submodel
    return owner, names[-1] if names else None


def explain(model: type[BaseModel], loc: Loc, message: str) -> str:
    """``message`` reworded for editors, with the field's description as the fix."""
    owner, field = _model_at(model, loc)
    # Fields are named in data as written there: by their alias, when they have one
    # (``for`` in data/warning_signs.yml is a Python keyword).
    written = {info.alias or name: info for name, info in owner.model_fields.items()}
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
