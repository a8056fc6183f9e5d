"""schema.org JSON-LD for condition and treatment pages, from their metadata.

Search engines and health apps read a ``MedicalWebPage`` to tell who reviewed
a page and when, what it is about and what it cites. Everything here comes
from front matter and from the sources the page cites, so nobody writes
JSON-LD by hand and it cannot drift from what readers see.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from healthsite.content.registry import Source
from healthsite.content.reviewers import REVIEWERS_PAGE, PageReview, Reviewer
from healthsite.problems import Problem

JsonObject = dict[str, Any]
ABOUT_TYPE = {"condition": "MedicalCondition", "treatment": "MedicalTherapy"}
REVIEWER_TYPE = {"person": "Person", "organization": "Organization"}
TREATMENTS_FIELD = "possible_treatments"
PageReviewOf = Callable[[object, object], PageReview]


def _reviewer(reviewer: Reviewer, reviewers_page: str) -> JsonObject:
    """A reviewer as schema.org sees them; a clinician with their registration."""
    described: JsonObject = {
        "@type": REVIEWER_TYPE[reviewer.entry.kind],
        "name": reviewer.name,
        "description": reviewer.role,
    }
    if reviewers_page:
        described["url"] = f"{reviewers_page}#{reviewer.anchor}"
    registration = reviewer.entry.registration
    if registration is not None:
        described["hasCredential"] = {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": "license",
            "recognizedBy": {"@type": "Organization", "name": registration.body},
            "identifier": registration.number,
        }
    return described


def _reviewed_by(review: PageReview, reviewers_page: str) -> JsonObject | list[JsonObject]:
    described = [_reviewer(reviewer, reviewers_page) for reviewer in review.reviewers]
    return described[0] if len(described) == 1 else described


def _citation(source: Source) -> JsonObject:
    work: JsonObject = {
        "@type": "CreativeWork",
        "name": source.title,
        "publisher": {"@type": "Organization", "name": source.publisher},
        "datePublished": str(source.year),
        "url": str(source.url),
    }
    if source.authors:
        work["author"] = source.authors
    if source.doi:
        work["identifier"] = f"doi:{source.doi}"
    return work


def _title(page: Page) -> str:
    """The page's own title from front matter (the nav may shorten it)."""
    return str(page.meta.get("title", page.title))


def _linked_page(files: Files, src_path: str) -> Page | None:
    file = files.get_file_from_path(src_path)
    return file.page if file is not None else None


def _about(page: Page, files: Files) -> JsonObject:
    meta = page.meta
    about: JsonObject = {"@type": ABOUT_TYPE[meta["page_type"]], "name": _title(page)}
    if meta.get("alternative_names"):
        about["alternateName"] = list(meta["alternative_names"])
    if meta.get("signs_or_symptoms"):
        about["signOrSymptom"] = [
            {"@type": "MedicalSignOrSymptom", "name": symptom}
            for symptom in meta["signs_or_symptoms"]
        ]
    treatments = [_linked_page(files, path) for path in meta.get(TREATMENTS_FIELD) or []]
    if treatments:
        about["possibleTreatment"] = [
            {"@type": "MedicalTherapy", "name": _title(linked), "url": linked.canonical_url}
            for linked in treatments
            if linked is not None
        ]
    return about


def medical_web_page(
    page: Page, cited: list[Source], review: PageReview, files: Files
) -> JsonObject | None:
    """The page's MedicalWebPage, or None for pages that are not medical topics."""
    meta = page.meta
    if meta.get("page_type") not in ABOUT_TYPE:
        return None
    document: JsonObject = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": _title(page),
        "description": meta.get("description", ""),
        "url": page.canonical_url,
        "inLanguage": "en",
        "medicalAudience": {"@type": "Patient"},
        "about": _about(page, files),
        "citation": [_citation(source) for source in cited],
    }
    if meta.get("last_reviewed"):
        document["lastReviewed"] = str(meta["last_reviewed"])
    if review.reviewers:
        reviewers_page = _linked_page(files, REVIEWERS_PAGE)
        page_url = reviewers_page.canonical_url if reviewers_page else ""
        document["reviewedBy"] = _reviewed_by(review, page_url or "")
    return document


def json_ld_filter(
    cited_sources: Callable[[Page], list[Source]], page_review: PageReviewOf, files: Files
) -> Callable[[Page], Markup]:
    """A Jinja filter: ``page | medical_web_page`` -> JSON safe inside <script>."""

    def render(page: Page) -> Markup:
        review = page_review(page.meta.get("reviewed_by"), page.meta.get("page_type"))
        document = medical_web_page(page, cited_sources(page), review, files)
        return htmlsafe_json_dumps(document) if document else Markup("")

    return render


def _line_of(path: str | None, text: str) -> int | None:
    """The first line of the file at ``path`` holding ``text``; None for a generated page."""
    if path is None:
        return None
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if text in line:
            return number
    return None


def check_treatment_links(files: Files, docs_dir_name: str) -> list[Problem]:
    """Every ``possible_treatments`` entry must name a page of the site."""
    problems = []
    for file in files.documentation_pages():
        page = file.page
        if page is None:
            continue
        for target in page.meta.get(TREATMENTS_FIELD) or []:
            if _linked_page(files, str(target)) is None:
                problems.append(
                    Problem(
                        f"{docs_dir_name}/{file.src_path}",
                        _line_of(file.abs_src_path, str(target)),
                        TREATMENTS_FIELD,
                        f"'{target}' is not a page of the site; write the path of a "
                        "treatment page under docs/, e.g. treatments/iv-ketamine.md",
                    )
                )
    return problems
