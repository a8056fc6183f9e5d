"""The search's evaluation set (benchmarks/search_queries.yml) is one to trust.

benchmarks/search_eval.py types its queries into the built site; here, in
process, the set itself: big enough, a third held out, every page it expects
either a page of the site or one of the guides being written, and a query
whose page is not built reported as "page missing", not as a miss.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from benchmarks.search_eval import (
    QUERY_FILES,
    EvalQuery,
    Outcome,
    Row,
    load_queries,
    new_words,
    part_of,
    report,
    score,
    scored_row,
    url_path,
)
from tests.sitebuild import ROOT

# Pages the issue names that are being written (issue 23): queries may expect them.
PLANNED_PAGES = {
    "guides/surgery-and-procedures/",
    "guides/work-and-money/",
    "guides/research-and-clinical-trials/",
    "treatments/other-treatments/",
}


def _site_pages() -> set[str]:
    docs = ROOT / "docs"
    return {url_path(path.relative_to(docs).as_posix()) for path in docs.rglob("*.md")}


def test_the_set_is_big_enough_with_a_third_held_out() -> None:
    queries = load_queries()
    answerable = [query for query in queries if query.pages]
    unanswerable = [query for query in queries if query.no_answer]

    assert len(answerable) >= 60
    assert len(unanswerable) >= 3
    assert any("emergency" in query.no_answer for query in unanswerable)
    for group in (answerable, unanswerable):
        held_out = sum(query.held_out for query in group)
        assert 0.25 <= held_out / len(group) <= 0.4
    assert len({query.query.lower() for query in queries}) == len(queries), "a query twice"


def test_the_tuning_part_leaves_out_every_held_out_query() -> None:
    queries = load_queries()
    tuning = part_of(queries, "tuning")

    assert tuning
    assert not any(query.held_out for query in tuning)
    assert len(tuning) == sum(not query.held_out for query in queries)
    assert part_of(queries, "whole") == queries


def test_a_run_of_the_tuning_part_reports_it_and_no_held_out_line() -> None:
    """`--part tuning` types no held-out query: its report has no held-out line."""
    query = EvalQuery("ketamine drip", ("treatments/iv-ketamine/",), False, frozenset())
    shown = ("treatments/iv-ketamine/",)
    outcomes = [Outcome(query, shown, shown, help_shown=False, emergency_shown=False, ms=20)]
    built = {"treatments/iv-ketamine/"}
    held_out = score([o for o in outcomes if o.query.held_out], built)

    lines = report([Row(23, "checkout", score(outcomes, built), held_out)], False).splitlines()

    assert held_out.typed == 0
    assert [line for line in lines if "| checkout |" in line] == [
        "| 23 | checkout | whole | 1/1 (100%) | 1/1 (100%) | 0 | 0 | 0 | n/a | 20 / 20 ms |"
    ]


def test_held_out_queries_with_a_word_the_tuning_part_never_used_are_reported_apart() -> None:
    """Misses from words nobody had typed (a readers' term would help) and
    misses in ranking known words are told apart: filler words, capitals and
    punctuation do not make a word new."""
    tuning = EvalQuery("ketamine drip for crps", ("treatments/iv-ketamine/",), False, frozenset())
    asked = EvalQuery("is a ketamine drip safe", ("treatments/iv-ketamine/",), True, frozenset())
    known = EvalQuery("Ketamine, CRPS?", ("treatments/iv-ketamine/",), True, frozenset())
    lobster = EvalQuery("hand like a lobster", ("conditions/crps/",), True, frozenset())
    queries = [tuning, asked, known, lobster]

    assert new_words(queries, "en") == {"is a ketamine drip safe", "hand like a lobster"}

    built = {"treatments/iv-ketamine/", "conditions/crps/"}
    shown = ("treatments/iv-ketamine/",)
    outcomes = [
        Outcome(query, shown, shown, help_shown=False, emergency_shown=False, ms=10)
        for query in queries
    ]
    row = scored_row(23, "checkout", outcomes, built, "en")
    lines = [line for line in report([row], False).splitlines() if "| checkout |" in line]
    assert [line.split(" | ")[2:4] for line in lines] == [
        ["whole", "3/4 (75%)"],
        ["held out", "2/3 (67%)"],
        ["held out, a word new to the set", "1/2 (50%)"],
        ["held out, every word in the tuning part", "1/1 (100%)"],
    ]


def test_every_expected_page_is_a_page_of_the_site_or_a_planned_guide() -> None:
    known = _site_pages() | PLANNED_PAGES
    unknown = {page for query in load_queries() for page in query.pages} - known
    assert unknown == set()


def test_a_query_whose_page_is_not_built_is_page_missing_not_a_miss() -> None:
    wanted = EvalQuery("tens machine", ("treatments/other-treatments/",), False, frozenset())
    found = EvalQuery("ketamine drip", ("treatments/iv-ketamine/",), True, frozenset())
    shown = ("treatments/iv-ketamine/", "conditions/crps/")
    outcomes = [
        Outcome(wanted, ("conditions/crps/",), (), help_shown=False, emergency_shown=False, ms=10),
        Outcome(found, shown, shown, help_shown=False, emergency_shown=False, ms=20),
    ]

    result = score(outcomes, {"conditions/crps/", "treatments/iv-ketamine/"})

    assert result.missing == ["tens machine"]
    assert (result.answerable, result.first, result.top, result.empty) == (1, 1, 1, 0)
    assert result.misses == []


def test_a_mistake_in_the_set_names_the_query(tmp_path: Path) -> None:
    broken = tmp_path / "queries.yml"
    broken.write_text("- query: shots\n  pages: [treatments/blocks]\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"query 1 \('shots'\): pages: expected paths"):
        load_queries(broken)


def test_the_spanish_set_is_big_enough_with_a_third_held_out_and_the_issues_queries() -> None:
    queries = load_queries(QUERY_FILES["es"])
    answerable = [query for query in queries if query.pages]

    assert len(answerable) >= 25
    assert any(query.no_answer for query in queries)
    # The fresh held-out part (the latest) is a third or more of the set and of
    # what the site can answer, with a query that suggests danger.
    assert 1 / 3 <= sum(query.held_out for query in queries) / len(queries) <= 0.45
    assert sum(query.held_out for query in answerable) * 3 >= len(answerable)
    assert any("emergency" in query.no_answer for query in queries if query.held_out)
    must_find = {query.query for query in queries if query.must_find}
    assert {"distrofia simpática refleja", "dolor ardiente", "ketamina"} <= must_find
    assert len(must_find) >= 13
    assert len({query.query.lower() for query in queries}) == len(queries), "a query twice"


def test_every_page_the_spanish_set_expects_is_a_spanish_page_of_the_site() -> None:
    expected = {page for query in load_queries(QUERY_FILES["es"]) for page in query.pages}
    assert all(page.startswith("es/") for page in expected)
    assert expected - _site_pages() == set()


def test_a_page_of_another_language_among_the_results_is_counted_and_named() -> None:
    query = EvalQuery("ketamina", ("es/treatments/iv-ketamine/",), False, frozenset())
    shown = ("es/treatments/iv-ketamine/", "treatments/iv-ketamine/")
    outcome = Outcome(query, shown, shown, help_shown=False, emergency_shown=False, ms=10)
    built = {"es/treatments/iv-ketamine/", "treatments/iv-ketamine/"}

    spanish = score([outcome], built, "es")
    english = score([replace(outcome, results=shown[1:])], built, "en")

    assert (spanish.first, spanish.other_language) == (1, 1)
    assert spanish.misses == ["'ketamina': pages of another language: ['treatments/iv-ketamine/']"]
    assert english.other_language == 0


def test_a_translation_is_found_under_its_language() -> None:
    assert url_path("conditions/crps.es.md") == "es/conditions/crps/"
    assert url_path("guides/index.es.md") == "es/guides/"
    assert url_path("index.es.md") == "es/"
    assert url_path("conditions/crps.md") == "conditions/crps/"
