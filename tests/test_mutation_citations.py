"""healthsite/content/citations.py in-process: the sentences ``stat()`` writes,
the references list and the message for an unknown key (README, "Mutation
testing")."""

from __future__ import annotations

from pathlib import Path

import pytest

from healthsite.content.citations import CitedKeys, format_reference, format_value
from healthsite.content.registry import DataFile, StatisticWording
from healthsite.content.wording import MissingWording, PageWording
from healthsite.problems import Problem
from tests.mutationdata import PAGE, OnePage, source, statistic

SPANISH_WORDS = {
    "about_value": "unos",
    "verb_found": "encontró que",
    "verb_estimates": "estima que",
    "verb_says": "dice que",
    "reference_accessed": "consultado el",
    "source_in_english": "(en inglés)",
    "references_heading": "Referencias",
}


def spanish() -> PageWording:
    return PageWording(SPANISH_WORDS, {"stats": DataFile(Path("s.yml"), "s.yml")}, "es")


@pytest.mark.parametrize(
    ("value", "approximate", "written"),
    [
        (200000, False, "200,000"),
        (200000.0, True, "about 200,000"),
        (5.46, False, "5.46"),
        (26.2, True, "about 26.2"),
        (0.5, False, "0.5"),
    ],
)
def test_a_number_is_written_as_readers_expect(
    value: float, approximate: bool, written: str
) -> None:
    assert format_value(statistic(value=value, approximate=approximate)) == written


def test_about_is_the_pages_own_word() -> None:
    assert format_value(statistic(value=3, approximate=True), "unos") == "unos 3"


def test_a_reference_names_authors_title_publisher_year_details_and_link() -> None:
    entry = source(authors="Smith AB, Jones CX.", title="A trial of drug X.", details=" 10(2):1-9")
    assert format_reference(entry) == (
        "Smith AB, Jones CX. A trial of drug X. *Journal of Pain*. 2020; 10(2):1-9. "
        "<https://example.org/review> (accessed 5 January 2026)."
    )
    assert format_reference(source()) == (
        "A review of treatments. *Journal of Pain*. 2020. <https://example.org/review> "
        "(accessed 5 January 2026)."
    )


def test_a_spanish_reference_says_a_source_is_in_english() -> None:
    assert format_reference(source(), spanish()) == (
        "A review of treatments (en inglés). *Journal of Pain*. 2020. "
        "<https://example.org/review> (consultado el 5 de enero de 2026)."
    )
    assert format_reference(source(language="es"), spanish()) == (
        "A review of treatments. *Journal of Pain*. 2020. <https://example.org/review> "
        "(consultado el 5 de enero de 2026)."
    )
    english_page = PageWording({}, {}, "en")
    assert format_reference(source(), english_page) == format_reference(source())


def test_stat_writes_an_attributed_cited_sentence_and_cite_marks_sources() -> None:
    page = OnePage()
    page.start()
    citations = page.citations
    assert citations.cite("trial2009", "review2020", "trial2009") == (
        "[^trial2009][^review2020][^trial2009]"
    )
    assert citations.stat("review2020_weeks") == (
        "A review found that pain eased for 12 weeks[^review2020]."
    )
    assert citations.stat_value("trial2009_people") == "60[^trial2009]"
    assert citations.stat_value("trial2009_people") == "60[^trial2009]"
    citations.listed_sign("swelling")
    citations.listed_sign("swelling")
    markdown, problems = page.finish("# Page\n\nText.\n\n")
    assert problems == []
    assert markdown == (
        "# Page\n\nText.\n\n## References\n\n///Footnotes Go Here///\n\n"
        "[^trial2009]: A trial. *Journal of Pain*. 2020. <https://example.org/review> "
        "(accessed 5 January 2026).\n"
        "[^review2020]: A review of treatments. *Journal of Pain*. 2020. "
        "<https://example.org/review> (accessed 5 January 2026).\n"
    ).replace("[^trial2009]: A trial.", "[^trial2009]: Smith AB, Jones CD. A trial.")
    assert citations.keys_by_page[PAGE] == CitedKeys(
        ["trial2009", "review2020"], ["review2020_weeks", "trial2009_people"], ["swelling"]
    )
    assert [entry.title for entry in citations.cited_by_page[PAGE]] == [
        "A trial",
        "A review of treatments.",
    ]


@pytest.mark.parametrize(
    ("kind", "verb"),
    [
        ("advocacy_estimate", "estimates that"),
        ("service_statement", "says that"),
        ("guideline", "says that"),
    ],
)
def test_each_kind_of_figure_has_its_verb(kind: str, verb: str) -> None:
    page = OnePage()
    citations = page.citations
    citations.registry.statistics["x"] = statistic(
        kind=kind, caveat="It was a small study.", approximate=True
    )
    page.start()
    assert citations.stat("x") == (
        f"A review {verb} pain eased for about 12 weeks[^review2020]. It was a small study."
    )


def test_a_spanish_page_states_a_figure_in_spanish() -> None:
    wording = spanish()
    page = OnePage(wording)
    citations = page.citations
    citations.registry.statistics["x"] = statistic(
        approximate=True,
        caveat="Small.",
        es=StatisticWording(
            attributed_to="Una revisión", claim="el dolor cedió {value} semanas", caveat="Poca."
        ),
    )
    page.start("docs/x.es.md")
    assert citations.stat("x") == (
        "Una revisión encontró que el dolor cedió unos 12 semanas[^review2020]. Poca."
    )
    assert citations.stat_value("x") == "unos 12[^review2020]"
    markdown, _ = page.finish("Texto.")
    assert markdown.startswith("Texto.\n\n## Referencias {#references}\n\n///Footnotes Go Here///")
    assert "(en inglés)" in markdown
    assert wording.missing == []


def test_a_spanish_page_missing_a_figures_words_keeps_the_english_and_says_so() -> None:
    wording = spanish()
    page = OnePage(wording)
    citations = page.citations
    citations.registry.statistics["c"] = statistic(caveat="Small.")
    page.start("docs/x.es.md")
    assert citations.stat("c").endswith(" Small.")
    assert [entry.field for entry in wording.missing] == ["claim", "attributed_to", "caveat"]
    wording.missing.clear()
    assert citations.stat("review2020_weeks") == (
        "A review encontró que pain eased for 12 weeks[^review2020]."
    )
    assert [(entry.key, entry.field) for entry in wording.missing] == [
        ("review2020_weeks", "claim"),
        ("review2020_weeks", "attributed_to"),
    ]
    assert wording.missing[0] == MissingWording(
        DataFile(Path("s.yml"), "s.yml"), "review2020_weeks", "claim", "es"
    )


def test_a_figure_in_a_finding_is_cited_unless_its_source_is_the_findings() -> None:
    page = OnePage()
    page.start()
    citations = page.citations
    assert citations.figure("review2020_weeks", "review2020") == "12"
    assert citations.figure("trial2009_people", "review2020") == "60[^trial2009]"
    page.finish("Text.")
    assert citations.keys_by_page[PAGE] == CitedKeys(
        ["trial2009"], ["review2020_weeks", "trial2009_people"], []
    )


def test_a_page_that_cites_nothing_gets_no_references() -> None:
    page = OnePage()
    page.start()
    assert page.finish("Text.  \n") == ("Text.  \n", [])
    assert page.citations.cited_by_page[PAGE] == []


def test_unknown_keys_are_named_on_the_line_that_names_them() -> None:
    built = OnePage()
    built.start(
        PAGE,
        "# Page\n\nA fact.{{ cite(\"nobody\") }}\n\nA figure: {{ stat_value('none') }}\n"
        "And {{ stat('none') }}.\n",
    )
    citations = built.citations
    assert citations.cite("nobody", "review2020") == "[^review2020]"
    assert citations.stat_value("none") == "[unknown statistic none]"
    assert citations.stat("none") == "[unknown statistic none]"
    _, problems = built.finish("Text.")
    assert problems == [
        Problem(
            PAGE,
            3,
            "cite",
            "'nobody' is not a key in data/sources.yml; add it there or use one of: "
            "guide2018, review2020, trial2009",
        ),
        Problem(
            PAGE,
            5,
            "stat",
            "'none' is not a key in data/statistics.yml; add it there or use one of: "
            "review2020_weeks, trial2009_people",
        ),
        Problem(
            PAGE,
            5,
            "stat",
            "'none' is not a key in data/statistics.yml; add it there or use one of: "
            "review2020_weeks, trial2009_people",
        ),
    ]


def test_an_unknown_keys_line_is_found_in_the_text_being_built_not_on_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The page's text as the build read it (PageState.file_text) names the
    line, even when the file on disk has changed since (a save under `mkdocs
    serve`), and the page is not read again."""
    (tmp_path / "page.md").write_text("{{ cite('nobody') }}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    read: list[Path] = []
    real_read_text = Path.read_text

    def read_text(path: Path, *args: str, **kwargs: str) -> str:
        read.append(path)
        return real_read_text(path, *args, **kwargs)

    monkeypatch.setattr(Path, "read_text", read_text)
    built = OnePage()
    built.start("page.md", "# Page\n\nA line.\n\n{{ cite('nobody') }}\n")
    built.citations.cite("nobody")
    [problem] = built.finish("")[1]
    assert (problem.path, problem.line, problem.field) == ("page.md", 5, "cite")
    assert read == []


def test_an_unknown_key_on_a_generated_page_or_not_in_the_file_has_no_line() -> None:
    for file_text in (None, "nobody without quotes\n"):
        built = OnePage()
        built.start(PAGE, file_text)
        built.citations.cite("nobody")
        [problem] = built.finish("")[1]
        assert problem.line is None
