"""schema.org JSON-LD for condition, treatment and guide pages, from their metadata.

Search engines and health apps read a ``MedicalWebPage`` to tell who reviewed
a page and when, what it is about and what it cites. Everything here comes
from front matter and from the sources the page cites, so nobody writes
JSON-LD by hand and it cannot drift from what readers see.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from jinja2.utils import htmlsafe_json_dumps
from markupsafe import Markup
from mkdocs.structure.pages import Page

from healthsite.content.registry import Source
from healthsite.content.reviewers import REVIEWERS_PAGE, PageReview, Reviewer
from healthsite.library.model import SHOWN_BY_NAME, Library
from healthsite.library.relations import Relation
from healthsite.pages.language import page_key, translation_language

JsonObject = dict[str, Any]
# What a condition or treatment page is about, as schema.org types it.
ABOUT_TYPE = {"condition": "MedicalCondition", "treatment": "MedicalTherapy"}
# Pages of health information, described as a MedicalWebPage. A guide has no
# `about`: its front matter does not say what it is about (`related_pages`
# names pages that belong with it, not its subject), and those pages are
# already its `relatedLink`s.
MEDICAL_PAGE_TYPES = frozenset({*ABOUT_TYPE, "guide"})
REVIEWER_TYPE = {"person": "Person", "organization": "Organization"}
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


def _about(page: Page, library: Library) -> JsonObject:
    meta = page.meta
    about: JsonObject = {"@type": ABOUT_TYPE[meta["page_type"]], "name": _title(page)}
    if meta.get("alternative_names"):
        about["alternateName"] = list(meta["alternative_names"])
    if meta.get("signs_or_symptoms"):
        about["signOrSymptom"] = [
            {"@type": "MedicalSignOrSymptom", "name": symptom}
            for symptom in meta["signs_or_symptoms"]
        ]
    src_uri = page_key(page.file)
    treatments = library.related_by(src_uri, Relation.treatment)
    if treatments:
        about["possibleTreatment"] = [
            {"@type": "MedicalTherapy", "name": linked.title, "url": linked.canonical_url}
            for linked in treatments
        ]
    # schema.org's MedicalTherapy (a TherapeuticProcedure) names what it is used
    # for with `indication`; a TreatmentIndication is "an indication for
    # treating an underlying condition".
    # The same conditions the page lists (at most SHOWN_BY_NAME), so that a
    # treatment many conditions name keeps a page of the same size.
    conditions = library.related_by(src_uri, Relation.used_for)[:SHOWN_BY_NAME]
    if conditions:
        about["indication"] = [
            {"@type": "TreatmentIndication", "name": linked.title, "url": linked.canonical_url}
            for linked in conditions
        ]
    return about


def medical_web_page(
    page: Page,
    cited: list[Source],
    review: PageReview,
    library: Library,
    changed_after_review: dt.date | None = None,
) -> JsonObject | None:
    """The page's MedicalWebPage, or None for pages that are not medical topics.
    ``changed_after_review``: the day its text last changed, if after its review
    (the review box's "Changed after that review")."""
    meta = page.meta
    page_type = meta.get("page_type")
    if page_type not in MEDICAL_PAGE_TYPES:
        return None
    document: JsonObject = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": _title(page),
        "description": meta.get("description", ""),
        "url": page.canonical_url,
        # The page's own language: an English page shown untranslated in the
        # Spanish site is English (its canonical URL is the English page's).
        "inLanguage": translation_language(page.file.src_uri),
        "medicalAudience": {"@type": "Patient"},
    }
    if page_type in ABOUT_TYPE:
        document["about"] = _about(page, library)
    document["citation"] = [_citation(source) for source in cited]
    # WebPage's `relatedLink`: every page the "Related pages" block lists.
    related = [linked.canonical_url for _, linked in library.related_shown(page_key(page.file))]
    if related:
        document["relatedLink"] = related
    if meta.get("last_reviewed"):
        document["lastReviewed"] = str(meta["last_reviewed"])
    if changed_after_review is not None:
        document["dateModified"] = changed_after_review.isoformat()
    if review.reviewers:
        reviewers_page = library.pages.get(REVIEWERS_PAGE)
        page_url = reviewers_page.canonical_url if reviewers_page else ""
        document["reviewedBy"] = _reviewed_by(review, page_url)
    return document


def json_ld_filter(
    cited_sources: Callable[[Page], list[Source]],
    page_review: PageReviewOf,
    library: Library,
    changed_after_review: Callable[[Page], dt.date | None],
) -> Callable[[Page], Markup]:
    """A Jinja filter: ``page | medical_web_page`` -> JSON safe inside <script>."""

    def render(page: Page) -> Markup:
        review = page_review(page.meta.get("reviewed_by"), page.meta.get("page_type"))
        changed = changed_after_review(page)
        document = medical_web_page(page, cited_sources(page), review, library, changed)
        return htmlsafe_json_dumps(document) if document else Markup("")

    return render
