"""preview.json: the pages a pull request changes, as its build job describes them.

Written by ``prcomment describe`` in the job that builds the pull request;
read by ``prcomment body`` (for a fork, as untrusted data: validated) and
by ``preview deploy``, which publishes only those pages.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

INFO_FILE = "preview.json"


class ChangedPage(BaseModel):
    """One page the pull request changes: its address below the site, its file, its title."""

    model_config = ConfigDict(extra="forbid")

    path: Annotated[str, Field(pattern=r"^(?:[A-Za-z0-9._-]+/)*$", max_length=300)]
    source: Annotated[str, Field(pattern=r"^docs/[A-Za-z0-9._/-]+\.md$", max_length=300)]
    # None: the build has no such page (the pull request removes it).
    title: Annotated[str, Field(max_length=1000)] | None

    @field_validator("path", "source")
    @classmethod
    def _inside_the_site(cls, value: str) -> str:
        if any(part in (".", "..") for part in value.split("/")):
            raise ValueError("must not leave the site's folder")
        return value


class StaleTranslation(BaseModel):
    """A Spanish page current before the pull request whose English page it changes."""

    model_config = ConfigDict(extra="forbid")

    spanish: Annotated[str, Field(pattern=r"^docs/[A-Za-z0-9._/-]+\.es\.md$", max_length=300)]
    english: Annotated[str, Field(pattern=r"^docs/[A-Za-z0-9._/-]+\.md$", max_length=300)]


class PreviewInfo(BaseModel):
    """What ``describe`` writes and ``body`` reads."""

    model_config = ConfigDict(extra="forbid")

    pull_request: int = Field(gt=0)
    every_page: bool
    pages: list[ChangedPage] = Field(max_length=500)
    # Absent in a description written before translations were tracked.
    stale_translations: list[StaleTranslation] = Field(default_factory=list, max_length=500)


class InfoError(ValueError):
    """preview.json is missing or not what ``describe`` writes."""


def read_info(path: Path) -> PreviewInfo:
    try:
        return PreviewInfo.model_validate_json(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InfoError(f"{path}: not found; the build job writes it with 'describe'") from None
    except ValidationError as error:
        raise InfoError(f"{path}: not a preview description: {error}") from None
