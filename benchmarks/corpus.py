"""Corpora of N pages for the build benchmarks: copies of a real page, or synthetic pages.

The real-page corpus (``kind="crps"``, issue 12's) is N copies of
``docs/conditions/crps.md``, the site's longest condition page, word for word:
each copy gets its own file name, title and alternative names (the build
rejects a name shared by two pages), and nothing else changes, so every
macro, care card, key points box, link and citation of the real page is in
every copy, and each copy passes every check the real page passes.

The synthetic corpus (``kind="synthetic"``) is described below.

Every page copies the front matter of a real page (``docs/conditions/crps.md``
or ``docs/treatments/iv-ketamine.md``), so fields the project requires stay
present as the schema grows (``reviewed_by`` names a key of data/reviewers.yml,
one key on even pages and a list on odd ones). Bodies follow the same outline: sections, lists,
``stat()`` and ``cite()`` macros with real keys from ``data/``, glossary terms
and links to other pages and their sections. Each condition names a treatment
(``possible_treatments``) and the next condition (``related_pages``), so every
page has a few related pages, as real ones do. Text is picked with a seeded
random generator, so a corpus of the same size is the same on every run.

Two copies are written: ``project/`` is the real project with the pages added
(macros and all; the pages go in their sections' folders and, as in the real
project, not in the nav), ``plain/`` holds the same pages with every macro
already rendered to Markdown, for builds that run no project hooks or macros,
with every page in a nav of groups of 25 (Material's way of listing pages).
"""

from __future__ import annotations

import ast
import random
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from healthsite.checks.components import TREATMENT_SECTIONS
from healthsite.content.citations import Citations, PageCitations
from healthsite.content.datafiles import load_reviewers
from healthsite.content.findings import Findings, FindingsOnPage
from healthsite.content.registry import DataFile, Registry, load_registry
from healthsite.content.reviewers import Reviewers
from healthsite.content.warning_signs import SignsMacro, WarningSigns, load_warning_signs
from healthsite.pages.frontmatter import read_front_matter
from healthsite.translations.editing import stamped
from healthsite.translations.fingerprint import DATA_FILES, DataVersion, fingerprint
from healthsite.translations.status import SPANISH_SUFFIX, spanish_path
from tests.sitebuild import ROOT, copy_project

NAV_GROUP_SIZE = 25
SEED = 20261125
READABILITY_LIMIT = 10
READABILITY_REASON = "Synthetic benchmark text, sampled at random from the real pages' sentences."
# A call's arguments may run over lines (a care card's list of warning signs).
MACRO = re.compile(r"\{\{\s*(\w+)\((.*?)\)\s*\}\}", re.DOTALL)
TOP_LEVEL_BLOCK = r"(?m)^{key}:\n(?:[ \t]+.*\n|[ \t]*\n)*"
FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
# The sections of a generated page; a treatment page's are the ones the build
# checks (healthsite/checks/components.py), with "Questions to ask your doctor"
# and "When to get help" after them.
CONDITION_HEADINGS = (
    "Symptoms",
    "Causes and who gets it",
    "How it is diagnosed",
    "Treatment",
    "Outlook",
)
TREATMENT_HEADINGS = TREATMENT_SECTIONS[:5]
QUESTIONS = "- What benefit can I expect?\n- What are the risks for me?"

# Plain-language sentences in the project's voice; {name} is the page's subject.
SENTENCES = (
    "Many people with {name} get better, especially when treatment starts early.",
    "The pain is often much worse than you would expect from the injury.",
    "Some people feel pain from a light touch, which doctors call [allodynia](../glossary.md).",
    "The skin of the limb may change colour and feel warmer or colder than the other side.",
    "Keeping the limb moving is one of the most important parts of treatment.",
    "A physiotherapist can help you use the limb again, step by step.",
    "Talking therapies can help you cope with pain, stress and low mood.",
    "Doctors do not fully know what causes {name}.",
    "It usually starts after an injury, such as a fracture, a sprain or an operation.",
    "Sometimes there is no clear cause, and that can be hard to accept.",
    "Your doctor will ask about your symptoms and examine the painful area.",
    "Tests such as X-rays or scans may be used to rule out other causes.",
    "There is no single test that proves you have {name}.",
    "The nerves, spinal cord and brain can become too sensitive to pain signals.",
    "Doctors call this [central sensitization](../glossary.md).",
    "Muscles may tighten on their own and hold the limb in an odd position.",
    "Hair and nails may grow faster or slower than before.",
    "Symptoms can change over time, and you may not have all of them.",
    "Write down what makes the pain better or worse, and take the notes to your appointment.",
    "Ask your doctor what each treatment is meant to do and how long it takes to work.",
    "Most treatments work best as part of a plan that you agree with your care team.",
    "Some medicines for nerve pain can make you feel sleepy or dizzy at first.",
    "Do not stop or change a medicine without talking to your doctor first.",
    "Research on {name} is still growing, and some questions have no clear answer yet.",
    "Small studies can give a first idea, but larger studies are needed to be sure.",
    "Living with long-lasting pain is hard, and asking for help is a sign of strength.",
    "Family and friends can help by learning about {name} with you.",
    "A pain clinic brings together doctors, nurses and therapists who treat long-lasting pain.",
    "Gentle exercise, such as walking or swimming, can keep joints from getting stiff.",
    "Sleep often gets worse when pain is bad, and poor sleep can make pain worse.",
    "Graded motor imagery is a kind of brain training that uses pictures and mirrors.",
    "A [placebo](../glossary.md) is a dummy treatment used in research to compare.",
    "Some treatments are used [off-label](../glossary.md), for a purpose not yet approved.",
    "Swelling often goes down when the limb is raised and moved gently.",
    "Children can get {name} too, and they often recover faster than adults.",
    "It is more common in women than in men.",
    "An arm is affected more often than a leg.",
    "Stiffness and weakness tend to last longer than the other symptoms.",
    "Your care team should explain the risks and benefits of each choice in plain words.",
    "If a treatment does not help after a fair trial, ask what else you could try.",
)
BULLETS = (
    "a burning, stabbing or pins and needles pain",
    "pain from clothing, a breeze or a light touch",
    "swelling that comes and goes",
    "skin that looks red, blue, purple or pale",
    "sweating more or less than the other side",
    "a stiff joint that is hard to move",
    "shaking that you cannot control, called a [tremor](../glossary.md)",
    "thin or shiny skin",
    "weakness in the hand or foot",
    "changes in how fast hair and nails grow",
)


@dataclass(frozen=True)
class GeneratedPage:
    """One synthetic page: where it goes, its nav entry and its Markdown."""

    src_path: str
    title: str
    section: str
    markdown: str


@dataclass(frozen=True)
class Corpus:
    """The projects that build the same pages, and how many pages each holds."""

    root: Path
    project_dir: Path
    plain_dir: Path
    generated: int
    total_pages: int
    # A generated page (path under docs/) that the serve benchmark edits.
    edited_page: str
    # Its Spanish translation, if the corpus has one.
    edited_translation: str | None = None

    def plain_config(self, name: str) -> Path:
        return self.plain_dir / f"{name}.yml"

    @property
    def english_only_config(self) -> Path:
        """The project's configuration with the i18n plugin building English only."""
        return self.project_dir / ENGLISH_ONLY_CONFIG


@dataclass(frozen=True)
class Keys:
    """The keys pages may use in ``stat()`` and ``cite()``."""

    statistics: list[str]
    sources: list[str]


class PageWriter:
    """Writes the Markdown of generated pages from the sentence pools."""

    def __init__(self, keys: Keys, conditions: int, treatments: int) -> None:
        self.keys = keys
        self.conditions = conditions
        self.treatments = treatments

    def paragraph(self, rng: random.Random, name: str, sentences: int = 5) -> str:
        chosen = rng.sample(SENTENCES, sentences)
        return " ".join(sentence.format(name=name) for sentence in chosen)

    def cite(self, rng: random.Random) -> str:
        return "{{ cite('" + rng.choice(self.keys.sources) + "') }}"

    def stat(self, rng: random.Random) -> str:
        return "{{ stat('" + rng.choice(self.keys.statistics) + "') }}"

    def bullets(self, rng: random.Random, count: int) -> str:
        return "\n".join(f"- {item}" for item in rng.sample(BULLETS, count))

    def body(
        self,
        rng: random.Random,
        title: str,
        name: str,
        links: list[str],
        findings: bool = False,
        treatment: bool = False,
    ) -> str:
        """A page's text; a treatment page has the same amount of text under the
        treatment sections, in the order the build checks."""
        para = self.paragraph
        headings = TREATMENT_HEADINGS if treatment else CONDITION_HEADINGS
        findings_part = ["{{ findings() }}"] if findings else []
        read_next = "\n".join(f"- {link}" for link in links)
        parts = [
            f"# {title}",
            para(rng, name) + self.cite(rng),
            para(rng, name),
            f"## {headings[0]}",
            para(rng, name, 4) + self.cite(rng),
            self.bullets(rng, 5),
            self.stat(rng) + " " + para(rng, name, 3),
            f"## {headings[1]}",
            para(rng, name, 4) + self.cite(rng),
            self.stat(rng),
            "### How many people get it",
            "\n".join(f"- {self.stat(rng)}" for _ in range(3)),
            f"## {headings[2]}",
            para(rng, name, 4) + self.cite(rng),
            "\n".join(f"{n}. {para(rng, name, 1)}" for n in range(1, 5)),
            *(findings_part if treatment else []),
            f"## {headings[3]}",
            para(rng, name, 6) + self.cite(rng),
            self.bullets(rng, 4),
            para(rng, name, 4),
            *(["## What the research shows", *findings_part] if findings and not treatment else []),
            f"## {headings[4]}",
            para(rng, name, 5) + self.cite(rng),
            *(
                ["## Questions to ask your doctor", QUESTIONS, "### Read next", read_next]
                if treatment
                else []
            ),
            "## When to get help",
            # Signs by key, as every page lists them (data/warning_signs.yml).
            "!!! non-urgent\n\n"
            "    {{ signs('pain_out_of_proportion', 'skin_changes_after_injury') }}",
            "!!! urgent\n\n    {{ signs('pain_swelling_fast') }}",
            "!!! emergency\n\n    {{ signs('limb_cold_sudden', 'self_harm') }}",
            *([] if treatment else ["## Read next", read_next]),
        ]
        return "\n\n".join(parts) + "\n"

    def page(self, section: str, number: int, front_matter: dict[str, Any]) -> GeneratedPage:
        rng = random.Random(SEED * 100_003 + number * 2 + (section == "Treatments"))
        kind = "condition" if section == "Conditions" else "treatment"
        name = f"example {kind} {number}"
        title = f"Example {kind} {number}"
        folder = "conditions" if kind == "condition" else "treatments"
        count = self.conditions if kind == "condition" else self.treatments
        # A link to the first section of another page of the same kind.
        anchor = "symptoms" if kind == "condition" else "what-it-is"
        links = [
            f"[Example {kind} {n}]({page_file(kind, n)}#{anchor})"
            for n in {number % count + 1, (number - 2) % count + 1} - {number}
        ]
        if self.treatments:
            other = rng.randint(1, self.treatments)
            links.append(
                f"[Example treatment {other}](../treatments/{page_file('treatment', other)})"
            )
        links.append("[Glossary](../glossary.md)")
        meta = {
            **front_matter,
            "title": title,
            "description": f"What {name} is, its symptoms, how it is treated and when to get help.",
        }
        # reviewed_by names a key of data/reviewers.yml; every other page gives
        # it as a list, so both forms are looked up in the registry.
        if number % 2 and isinstance(meta.get("reviewed_by"), str):
            meta["reviewed_by"] = [meta["reviewed_by"]]
        if "alternative_names" in meta:
            # Unique across the corpus: the build rejects a name shared by two pages.
            meta["alternative_names"] = [f"{kind} {number}", f"example {kind} {number}"]
        meta.pop("possible_treatments", None)
        meta.pop("related_pages", None)
        if kind == "condition":
            if self.treatments:
                treatment = (number - 1) % self.treatments + 1
                meta["possible_treatments"] = [f"treatments/{page_file('treatment', treatment)}"]
            if count > 1:
                # Typed once, on one of the two pages: the build shows it on both.
                following = number % count + 1
                meta["related_pages"] = [f"conditions/{page_file('condition', following)}"]
        # The text is sampled from the real pages' sentences, and a sample can
        # score a little over the target grade; it is still scored on every page.
        meta["readability"] = {"max_grade": READABILITY_LIMIT, "reason": READABILITY_REASON}
        head = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)
        body = self.body(
            rng, title, name, links, findings="findings" in meta, treatment=kind == "treatment"
        )
        markdown = f"---\n{head}---\n\n{body}"
        return GeneratedPage(f"{folder}/{page_file(kind, number)}", title, section, markdown)


def page_file(kind: str, number: int) -> str:
    return f"example-{kind}-{number:04d}.md"


def front_matter_of(path: Path) -> dict[str, Any]:
    found = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
    if found is None:
        raise ValueError(f"{path}: no front matter to copy")
    front: Any = yaml.safe_load(found.group(1))
    if not isinstance(front, dict):
        raise ValueError(f"{path}: front matter is not a mapping")
    return front


REAL_PAGE = "conditions/crps.md"
REAL_SPANISH_PAGE = "conditions/crps.es.md"
H1 = re.compile(r"^# .*$", re.MULTILINE)
# The i18n plugin's entry in mkdocs.yml, and the option that builds one language.
I18N_PLUGIN = "  - i18n:\n"
ENGLISH_ONLY = "      build_only_locale: en\n"
ENGLISH_ONLY_CONFIG = "mkdocs-en.yml"


def real_page_file(number: int) -> str:
    return f"conditions/crps-copy-{number:04d}.md"


@dataclass(frozen=True)
class CopyWords:
    """How a copy of a real page says which copy it is, in the page's language."""

    title: str
    sentence: str


ENGLISH_COPY = CopyWords("{title}, copy {number}", "This is copy {number} of the page.")
SPANISH_COPY = CopyWords("{title}, copia {number}", "Esta es la copia {number} de la página.")


def _retitled_copies(
    relative: str, count: int, words: CopyWords, file_of: Callable[[int], str]
) -> list[GeneratedPage]:
    text = (ROOT / "docs" / relative).read_text(encoding="utf-8")
    found = FRONT_MATTER.match(text)
    if found is None:
        raise ValueError(f"docs/{relative}: no front matter to copy")
    meta = yaml.safe_load(found.group(1))
    body = text[found.end() :]
    heading = H1.search(body)
    if heading is None:
        raise ValueError(f"docs/{relative}: no '# title' line to retitle")
    before, after = body[: heading.start()], body[heading.end() :]
    pages = []
    for number in range(1, count + 1):
        title = words.title.format(title=meta["title"], number=number)
        copy = {
            **meta,
            "title": title,
            "alternative_names": [f"{name} {number}" for name in meta["alternative_names"]],
        }
        head = yaml.safe_dump(copy, sort_keys=False, allow_unicode=True)
        sentence = words.sentence.format(number=number)
        retitled = f"{before}# {title}\n\n{sentence}{after}"
        pages.append(
            GeneratedPage(file_of(number), title, "Conditions", f"---\n{head}---\n{retitled}")
        )
    return pages


def stamp_translations(
    spanish: list[GeneratedPage], english: list[GeneratedPage]
) -> list[GeneratedPage]:
    """Each Spanish page stamped with its English page's fingerprint (what
    `make translations STAMP=...` writes), so every translation is current."""
    data = DataVersion.from_texts(
        {name: (ROOT / name).read_text(encoding="utf-8") for name in DATA_FILES}
    )
    return [
        GeneratedPage(
            page.src_path,
            page.title,
            page.section,
            stamped(page.markdown, fingerprint(source.markdown, data), date.today(), page.src_path),
        )
        for page, source in zip(spanish, english, strict=True)
    ]


def copy_real_spanish_pages(english: list[GeneratedPage]) -> list[GeneratedPage]:
    """The real Spanish CRPS page for each English copy, with the copy's number
    in its title and names, stamped with the English copy's fingerprint."""
    spanish = _retitled_copies(
        REAL_SPANISH_PAGE,
        len(english),
        SPANISH_COPY,
        lambda number: spanish_path(real_page_file(number)),
    )
    return stamp_translations(spanish, english)


def copy_real_pages(count: int) -> list[GeneratedPage]:
    """``count`` copies of the real CRPS page, each with its own file, title and names.

    The front matter is re-dumped with only ``title`` and ``alternative_names``
    changed; the body is the real page's, its first heading retitled and one
    sentence naming the copy under it. That sentence makes each copy's prose
    its own: textstat caches scores by text, and so would any cache keyed by
    a page's prose, which would score 1,000 identical texts once and hide the
    cost of a library of different pages.
    """
    return _retitled_copies(REAL_PAGE, count, ENGLISH_COPY, real_page_file)


def generate_pages(count: int, keys: Keys) -> list[GeneratedPage]:
    conditions, treatments = (count + 1) // 2, count // 2
    writer = PageWriter(keys, conditions, treatments)
    condition_meta = front_matter_of(ROOT / "docs/conditions/crps.md")
    treatment_meta = front_matter_of(ROOT / "docs/treatments/iv-ketamine.md")
    pages = [writer.page("Conditions", n, condition_meta) for n in range(1, conditions + 1)]
    pages += [writer.page("Treatments", n, treatment_meta) for n in range(1, treatments + 1)]
    return pages


def top_level_block(config_text: str, key: str) -> re.Match[str]:
    """The text of one top-level key of mkdocs.yml, indented lines included."""
    found = re.search(TOP_LEVEL_BLOCK.format(key=key), config_text)
    if found is None:
        raise ValueError(f"mkdocs.yml has no top-level '{key}:' block")
    return found


def nav_with(nav: list[Any], pages: list[GeneratedPage]) -> list[Any]:
    """The project's nav, with generated pages in groups under their section."""
    for section in ("Conditions", "Treatments"):
        in_section = [page for page in pages if page.section == section]
        groups = [
            {
                f"Examples {start + 1} to {start + len(chunk)}": [
                    {page.title: page.src_path} for page in chunk
                ]
            }
            for start in range(0, len(in_section), NAV_GROUP_SIZE)
            for chunk in [in_section[start : start + NAV_GROUP_SIZE]]
        ]
        existing = next((item for item in nav if isinstance(item, dict) and section in item), None)
        if existing is None:
            nav.append({section: groups})
        else:
            existing[section] = [*existing[section], *groups]
    return nav


def prerender(
    markdown: str,
    registry: Registry,
    reviewers: Reviewers,
    warning_signs: WarningSigns,
    src_path: str,
) -> str:
    """Render the project's citation, findings, warning sign and reviewer macros, as
    the macros plugin would."""
    page = PageCitations(src_path, markdown)
    citations = Citations(registry, lambda: page)
    on_page: FindingsOnPage
    findings = Findings(citations, lambda: on_page)
    front, _problems = read_front_matter(markdown, src_path)
    findings.load([front] if front is not None else [])
    on_page = findings.for_page(src_path, markdown)
    macros: dict[str, Callable[..., str]] = {
        "cite": citations.cite,
        "stat": citations.stat,
        "stat_value": citations.stat_value,
        "reviewers_list": reviewers.page_list,
        "findings": findings.render,
        "signs": SignsMacro(warning_signs, citations).render,
    }

    def render(call: re.Match[str]) -> str:
        macro = macros.get(call.group(1))
        if macro is None:
            return call.group(0)
        arguments = call.group(2).strip()
        return macro(*(ast.literal_eval(f"({arguments},)") if arguments else ()))

    return citations.finish(page, MACRO.sub(render, markdown))


def plain_config(markdown_extensions: str, nav: list[Any], features: list[str]) -> str:
    """A Material site with its defaults: no hooks, no macros, only search."""
    theme = {"name": "material", "features": features} if features else {"name": "material"}
    head = yaml.safe_dump(
        {"site_name": "Benchmark corpus", "docs_dir": "docs", "theme": theme},
        sort_keys=False,
    )
    return head + markdown_extensions + yaml.safe_dump({"nav": nav}, sort_keys=False)


def english_only(config_text: str) -> str:
    """mkdocs.yml with the i18n plugin told to build the English site alone."""
    if config_text.count(I18N_PLUGIN) != 1:
        raise ValueError(f"mkdocs.yml: expected one {I18N_PLUGIN.strip()!r} plugin entry")
    return config_text.replace(I18N_PLUGIN, I18N_PLUGIN + ENGLISH_ONLY)


def write_project(destination: Path, pages: list[GeneratedPage]) -> list[Any]:
    """The real project plus the pages, its mkdocs.yml unchanged (the build lists
    them); returns the nav with every page, for the Material-only builds."""
    destination.mkdir(parents=True)
    copy_project(destination)
    for page in pages:
        target = destination / "docs" / page.src_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.markdown, encoding="utf-8")
    config_text = (destination / "mkdocs.yml").read_text(encoding="utf-8")
    (destination / ENGLISH_ONLY_CONFIG).write_text(english_only(config_text), encoding="utf-8")
    block = top_level_block(config_text, "nav")
    # The Material builds list the English pages; the Spanish copies go with their pages.
    english = [page for page in pages if not page.src_path.endswith(".es.md")]
    return nav_with(yaml.safe_load(block.group(0))["nav"], english)


def write_plain(
    destination: Path, project_dir: Path, nav: list[Any], *, spanish: bool = True
) -> None:
    """The project's pages with macros rendered, and Material-only configs
    (``spanish=False``: the English pages only, what an English-only build converts)."""
    registry, problems = load_registry(
        DataFile(ROOT / "data/sources.yml", "data/sources.yml"),
        DataFile(ROOT / "data/statistics.yml", "data/statistics.yml"),
    )
    if problems:
        raise ValueError("; ".join(str(problem) for problem in problems))
    reviewers, reviewer_problems = load_reviewers(ROOT)
    warning_signs, sign_problems = load_warning_signs(
        DataFile(ROOT / "data/warning_signs.yml", "data/warning_signs.yml"),
        registry.sources,
        registry.sources_file,
    )
    if reviewer_problems or sign_problems:
        raise ValueError("; ".join(str(problem) for problem in reviewer_problems + sign_problems))
    shutil.copytree(project_dir / "docs", destination / "docs")
    if not spanish:
        for translation in (destination / "docs").rglob(f"*{SPANISH_SUFFIX}"):
            translation.unlink()
    for path in sorted((destination / "docs").rglob("*.md")):
        src_path = path.relative_to(destination).as_posix()
        markdown = path.read_text(encoding="utf-8")
        rendered = prerender(markdown, registry, reviewers, warning_signs, src_path)
        path.write_text(rendered, encoding="utf-8")
    config_text = (project_dir / "mkdocs.yml").read_text(encoding="utf-8")
    extensions = top_level_block(config_text, "markdown_extensions").group(0)
    for name, features in (("material-defaults", []), ("material-prune", ["navigation.prune"])):
        (destination / f"{name}.yml").write_text(
            plain_config(extensions, nav, features), encoding="utf-8"
        )


KINDS = ("crps", "synthetic")


def make_corpus(
    root: Path, count: int, kind: str = "crps", *, plain: bool = True, spanish: bool = True
) -> Corpus:
    """Write both projects for ``count`` generated pages of ``kind`` under ``root``
    (``plain=False``: only the real project, for benchmarks that build nothing else;
    ``spanish=False``: no Spanish copies, and no Spanish page in the plain project)."""
    if kind == "crps":
        pages = copy_real_pages(count)
        if spanish:
            pages += copy_real_spanish_pages(pages)
    elif kind == "synthetic":
        keys = Keys(
            statistics=list(yaml.safe_load((ROOT / "data/statistics.yml").read_text("utf-8"))),
            sources=list(yaml.safe_load((ROOT / "data/sources.yml").read_text("utf-8"))),
        )
        pages = generate_pages(count, keys)
    else:
        raise ValueError(f"unknown corpus kind {kind!r}; expected one of {', '.join(KINDS)}")
    shutil.rmtree(root, ignore_errors=True)
    project_dir, plain_dir = root / "project", root / "plain"
    nav = write_project(project_dir, pages)
    if plain:
        write_plain(plain_dir, project_dir, nav, spanish=spanish)
    total = sum(1 for _ in (project_dir / "docs").rglob("*.md"))
    written = {page.src_path for page in pages}
    translation = spanish_path(pages[0].src_path)
    return Corpus(
        root,
        project_dir,
        plain_dir,
        count,
        total,
        pages[0].src_path,
        translation if translation in written else None,
    )
