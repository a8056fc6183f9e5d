"""Which version a git ref publishes as: the function the deploy workflow calls."""

from __future__ import annotations

from typing import Any

import pytest

from healthsite.publishing.versioning import (
    PublishTarget,
    UnpublishableRefError,
    newer_release_deployed,
    target_for_ref,
    version_selector_only_when_published,
)
from tests.pagetext import material_config
from tests.sitebuild import Build


def test_push_to_main_publishes_dev_without_aliases() -> None:
    target = target_for_ref("refs/heads/main")
    assert target == PublishTarget("dev", (), "dev (unreleased preview)")
    assert not target.is_release


@pytest.mark.parametrize(
    ("ref", "version"),
    [("refs/tags/v1.2", "1.2"), ("refs/tags/v0.1", "0.1"), ("refs/tags/v10.0", "10.0")],
)
def test_release_tag_publishes_major_minor_as_latest(ref: str, version: str) -> None:
    target = target_for_ref(ref)
    assert target == PublishTarget(version, ("latest",), version)
    assert target.is_release


def test_patch_tag_is_refused_so_a_release_is_never_overwritten() -> None:
    with pytest.raises(UnpublishableRefError) as refused:
        target_for_ref("refs/tags/v1.2.3")
    assert str(refused.value) == (
        "refs/tags/v1.2.3: release tags name a version as vX.Y (major.minor), not "
        "vX.Y.Z; publish a correction as the next minor version (e.g. v1.3) so the "
        "earlier version stays on record"
    )


@pytest.mark.parametrize(
    "ref", ["refs/tags/1.2", "refs/tags/v1", "refs/tags/v01.2", "refs/tags/v1.2-rc1"]
)
def test_malformed_release_tag_is_refused_with_the_expected_form(ref: str) -> None:
    with pytest.raises(UnpublishableRefError) as refused:
        target_for_ref(ref)
    assert str(refused.value) == (
        f"{ref}: a release tag must be 'v' then major.minor numbers without leading "
        "zeros, e.g. v1.2; delete this tag and push one like that"
    )


@pytest.mark.parametrize("ref", ["refs/heads/feature", "refs/pull/3/merge", "main", ""])
def test_other_refs_are_refused(ref: str) -> None:
    with pytest.raises(UnpublishableRefError, match="only pushes to main"):
        target_for_ref(ref)


def test_an_older_release_does_not_take_latest_from_a_newer_one() -> None:
    deployed = ["dev", "1.9", "1.10", "0.5"]
    assert newer_release_deployed(target_for_ref("refs/tags/v1.2"), deployed) == "1.10"
    assert newer_release_deployed(target_for_ref("refs/tags/v1.10"), deployed) is None
    assert newer_release_deployed(target_for_ref("refs/tags/v2.0"), deployed) is None
    assert newer_release_deployed(target_for_ref("refs/heads/main"), deployed) is None


def test_plain_build_has_no_version_selector(built_site: Build) -> None:
    """Outside a mike deployment there is no versions.json for the selector to fetch."""
    assert material_config(built_site.page("conditions/crps/"))["version"] is None
    assert 'data-md-component="outdated"' not in built_site.page("conditions/crps/")


def test_mike_build_keeps_the_version_selector() -> None:
    extra: dict[str, Any] = {"version": {"provider": "mike"}, "published_version": "1.0"}
    version_selector_only_when_published(extra)
    assert extra["version"] == {"provider": "mike"}
    without_mike: dict[str, Any] = {"version": {"provider": "mike"}, "published_version": ""}
    version_selector_only_when_published(without_mike)
    assert "version" not in without_mike
