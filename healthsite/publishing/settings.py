"""What may be published to GitHub Pages: ``extra.publishing`` in mkdocs.yml.

One block in mkdocs.yml holds the limits of the published tree, so the site's
Versions page (a macro variable, ``publishing``) and the publish scripts read
the same numbers::

    extra:
      publishing:
        browsable_releases: 4    # releases readers can browse; older ones are removed
        live_previews: 5         # pull request previews on the site at once
        max_published_mb: 900    # no push makes the published tree larger than this
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils.yaml import yaml_load
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from healthsite.publishing.treesize import MB

SETTINGS_KEY = "publishing"


class SettingsError(ValueError):
    """extra.publishing in mkdocs.yml is not what the publish scripts can use."""


class PublishingSettings(BaseModel):
    """The limits of the published tree; each has a default."""

    model_config = ConfigDict(extra="forbid")

    browsable_releases: int = Field(default=4, ge=1)
    live_previews: int = Field(default=5, ge=1)
    max_published_mb: float = Field(default=900, gt=0)

    @property
    def max_published_bytes(self) -> int:
        return int(self.max_published_mb * MB)


def read_settings(config_file: Path) -> PublishingSettings:
    """``extra.publishing`` of ``config_file``; defaults for whatever it leaves out."""
    with config_file.open(encoding="utf-8") as opened:
        config = yaml_load(opened) or {}
    block = (config.get("extra") or {}).get(SETTINGS_KEY) or {}
    try:
        return PublishingSettings.model_validate(block)
    except ValidationError as error:
        problems = "; ".join(
            f"extra.{SETTINGS_KEY}.{'.'.join(map(str, problem['loc']))}: {problem['msg']}"
            for problem in error.errors()
        )
        raise SettingsError(
            f"{config_file}: {problems}; expected whole numbers of releases and previews "
            "(at least 1) and a size in MB"
        ) from None
