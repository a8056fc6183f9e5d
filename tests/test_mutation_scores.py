"""scripts/mutation_scores.py: each module's score from mutmut's results."""

from __future__ import annotations

from scripts.mutation_scores import scores, table

RESULTS = """\
    healthsite.yamlfile.x_line_of__mutmut_1: killed
    healthsite.yamlfile.x_line_of__mutmut_2: survived
    healthsite.yamlfile.x_expanded_size__mutmut_7: timeout
    healthsite.yamlfile.x_expanded_size__mutmut_8: no tests
    healthsite.content.reviewers.xǁReviewersǁpage_list__mutmut_3: killed
    healthsite.content.reviewers.x__entry__mutmut_1: suspicious
not a result line
"""


def test_each_module_is_scored_by_the_mutants_its_tests_caught() -> None:
    by_module = scores(RESULTS.splitlines())
    assert set(by_module) == {"healthsite.yamlfile", "healthsite.content.reviewers"}
    assert table(by_module).splitlines() == [
        "| module | killed | timeout | survived | no tests | other | score |",
        "|---|---:|---:|---:|---:|---:|---:|",
        "| healthsite.content.reviewers | 1 | 0 | 0 | 0 | 1 | 50% |",
        "| healthsite.yamlfile | 1 | 1 | 1 | 1 | 0 | 50% |",
    ]
