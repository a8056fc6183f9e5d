"""Readers find pages by the words they use: symptoms, old names, treatments."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, Request, Route, expect

from tests.browser import PHONE, SiteServer, danger_line_misreads, wait_for_answer

pytestmark = pytest.mark.browser

CRPS = "conditions/crps/"
CRPS_SOURCE = Path(__file__).parents[1] / "docs" / "conditions" / "crps.md"
# One of the CRPS page's alternative names that its text never uses.
HIDDEN_NAME = "algodystrophy"
IV_KETAMINE = "treatments/iv-ketamine/"
THERAPY = "treatments/physical-and-occupational-therapy/"
MEDICINES = "treatments/medicines/"
STIMULATION = "treatments/spinal-cord-stimulation/"
BLOCKS = "treatments/sympathetic-nerve-blocks/"
PSYCHOLOGY = "treatments/psychological-support/"
DIAGNOSIS = "guides/diagnosis/"
LIVING = "guides/living-with-crps/"
CHILDREN = "guides/children-and-teenagers/"
WRIST = "guides/preventing-crps-after-a-broken-wrist/"
RESEARCH = "guides/research-and-clinical-trials/"
OTHER_TREATMENTS = "treatments/other-treatments/"
# The page of the first result (its best sections may follow it in the item).
FIRST_RESULT = ".md-search-result__item:first-child > a.md-search-result__link:first-child"


@pytest.fixture(scope="module")
def home(chromium: Browser, site_server: SiteServer) -> Iterator[Page]:
    """One page with the search box, reused by every query."""
    page = chromium.new_page()
    page.goto(site_server.url())
    yield page
    page.close()


def first_result_for(page: Page, query: str) -> Locator:
    """Type ``query`` into the search box; wait for the results of that query.

    Material searches on each key release. Typed letter by letter, the results
    of "caus" could be on screen when the test looks, so the box is emptied
    first (Material then says "Type to start searching"), and the query goes
    in whole with a single key release: the next results are the query's own.
    """
    box = page.locator(".md-search__input")
    meta = page.locator(".md-search-result__meta")
    box.click()
    box.fill("")
    box.press("End")
    expect(meta).to_have_text("Type to start searching")
    box.fill(query)
    box.press("End")
    expect(meta).to_contain_text(re.compile(r"matching document|No matching"))
    # The best pages show first; the tests read the final answer (all of them).
    wait_for_answer(page, query)
    return page.locator(FIRST_RESULT)


# What readers type, and the page that must come first (benchmarks/reader.py
# also checks them on a library of 1,000 pages).
READER_QUERIES = [
    ("burning pain", CRPS),
    ("swelling", CRPS),
    ("RSD", CRPS),
    ("RSDS", CRPS),
    ("reflex sympathetic dystrophy", CRPS),
    ("causalgia", CRPS),
    ("Sudeck's atrophy", CRPS),
    ("ketamine infusion", IV_KETAMINE),
    ("ketamine drip", IV_KETAMINE),
    ("mirror therapy", THERAPY),
    ("GMI", THERAPY),
    ("physio", THERAPY),
    ("occupational therapy", THERAPY),
    ("gabapentin", MEDICINES),
    ("bisphosphonates", MEDICINES),
    ("stimulator", STIMULATION),
    ("DRG stimulation", STIMULATION),
    ("nerve block", BLOCKS),
    ("stellate ganglion block", BLOCKS),
    ("CBT", PSYCHOLOGY),
    ("talking therapy", PSYCHOLOGY),
    ("Budapest criteria", DIAGNOSIS),
    ("test for CRPS", DIAGNOSIS),
    ("pacing", LIVING),
    ("CRPS support groups", LIVING),
    ("CRPS child", CHILDREN),
    ("pediatric CRPS", CHILDREN),
    ("vitamin C CRPS", WRIST),
    ("vitamin C", WRIST),
    ("broken wrist", WRIST),
]


@pytest.mark.parametrize(("query", "expected_page"), READER_QUERIES)
def test_readers_words_find_the_page_first(
    home: Page, site_server: SiteServer, query: str, expected_page: str
) -> None:
    first = first_result_for(home, query)
    expected_url = re.compile(re.escape(site_server.url(expected_page)) + r"(\?|$)")
    expect(first, f"first result for {query!r}").to_have_attribute("href", expected_url)


def test_alternative_names_are_not_shown_as_page_text(home: Page) -> None:
    """Hidden keywords rank the page but are not pasted into the result text.

    Only the CRPS page's own result is read: other pages may use the word in
    their text (a reference's title, say), and those results rightly show it.
    """
    name = HIDDEN_NAME
    front_matter, body = CRPS_SOURCE.read_text(encoding="utf-8").split("\n---\n", 1)
    assert f"- {name}" in front_matter, f"{name!r} is no longer an alternative name"
    assert name not in body.lower(), f"{name!r} is in the page's text: choose another name"
    first = first_result_for(home, name)
    expect(first).to_have_attribute("href", re.compile(re.escape(CRPS) + r"(\?|$)"))
    crps_result = home.locator(".md-search-result__item:first-child")
    expect(crps_result).not_to_contain_text(name, ignore_case=True)


# The phone's search button in the header (Material's label for the toggle).
SEARCH_BUTTON = "label.md-header__button[for='__search']"


def _is_search(url: str) -> bool:
    """Pagefind, or how the site reads readers' words (search-readers.js and
    its files under search/; Material's own search_index.json is settings only)."""
    return (
        "/pagefind/" in url
        or "search-readers.js" in url
        or "/search/" in url.replace("/search/search_index.json", "")
    )


def _is_wasm(request: Request) -> bool:
    return "/pagefind/wasm." in request.url


@pytest.mark.parametrize("reach", ["tap the search button", "press / before the worker starts"])
def test_search_loads_when_the_reader_reaches_for_it_not_on_page_load(
    chromium: Browser, site_server: SiteServer, reach: str
) -> None:
    """Pagefind is no part of a first visit; it loads as the reader opens the
    search box (before a query), and a query pasted at once finds its page.

    The search worker's script is fetched after the page's, so a reader can
    reach before the worker listens (on a slow phone or network, a while
    after the page shows): "/" is pressed while its script is held back. The
    reach was lost so, and Pagefind loaded only at the query (search-intent.js).
    """
    context = chromium.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    page = context.new_page()
    box = page.locator(".md-search__input")
    if reach == "tap the search button":
        fetched: list[str] = []
        context.on("request", lambda request: fetched.append(request.url))
        page.goto(site_server.url(CRPS), wait_until="networkidle")
        assert not [url for url in fetched if _is_search(url)]
        with page.expect_request(_is_wasm):
            page.locator(SEARCH_BUTTON).tap()
    else:
        held: list[Route] = []
        context.route("**/search-worker.js?*", lambda route: held.append(route))
        with context.expect_event("request", lambda request: "/search-worker.js?" in request.url):
            page.goto(site_server.url(CRPS))
        page.keyboard.press("/")
        expect(box).to_be_focused()  # Material heard the key, and search-intent.js before it
        assert len(held) == 1, "the search worker's script was not held back"
        with page.expect_request(_is_wasm):
            held[0].continue_()
    expect(box).to_be_focused()
    expect(box).to_have_value("")
    box.fill("ketamine drip")
    box.press("End")
    expect(page.locator(FIRST_RESULT)).to_have_attribute("href", re.compile(IV_KETAMINE))
    context.close()


# Issue 23: readers' own words. The issue's three queries found nothing, or
# the wrong page first; now the page that answers is among the first results
# (the number given), and no longer behind pages that only hold the word
# "crps" (benchmarks/search_eval.py measures the whole set of such queries).
READERS_OWN_WORDS = [
    # The wrist and surgery guides, which say "fracture" and "fingers", come first.
    ("numb tingly fingers after a fracture", CRPS, 5),
    ("pain doctor shots in my back", BLOCKS, 3),
    ("does crps go away", CRPS, 3),
]
# Readers' words that the pages say otherwise (data/search_terms.yml), and a
# query whose reader's word and the page's word score apart in Pagefind
# ("colder", "temperature"): the page that answers comes first.
READERS_OWN_WORDS_FIRST = [
    ("how to stop flare ups", LIVING),  # pacing
    ("new treatments being tested", RESEARCH),  # clinical trials
    ("tens machine", OTHER_TREATMENTS),
    ("implant in my spine for pain", STIMULATION),  # stimulator
    ("one foot colder than the other", CRPS),
    # Lay words for signs and treatments (branch i23-words4): no page says
    # "fingernails", "sign up" or "water therapy"; each page came second or lower.
    ("fingernails brittle and cracking on my sore hand", CRPS),  # nails, hair nails or skin
    ("how do i sign up for a crps study", RESEARCH),  # take part, clinical trials
    ("warm water therapy for crps", OTHER_TREATMENTS),  # warm pool, hydrotherapy
    # Readers' situations (branch i23-rank6): a page of another subject came first.
    ("crps is ruining my marriage", PSYCHOLOGY),  # relationships
    ("504 plan for crps", CHILDREN),  # school
    ("my doctor had never heard of crps", DIAGNOSIS),  # puzzle, late diagnosis
    # A short guide that says "hand" scored above the long CRPS page (the
    # versions page came first): a page's length no longer lowers its score.
    ("one hand is always redder than the other", CRPS),
    # An abbreviation's full name (the glossary's "DMSO (dimethyl sulfoxide)"):
    # the page says DMSO only, and nothing came back before (i23-rank7).
    ("dimethyl sulfoxide", OTHER_TREATMENTS),
]
# Misspelled, or wrapped in question words: the page still comes first (as
# it does for READERS_OWN_WORDS_FIRST).
MISSPELLED_OR_ASKED = [
    ("CPRS", CRPS),
    ("gabapenten", MEDICINES),
    ("ketamin infusion", IV_KETAMINE),  # codespell:ignore
    ("is ketamine safe", IV_KETAMINE),
    # "Sudeck's atrophy", one of the page's names, misspelled without its "s":
    # nothing came back before (benchmarks/README.md, i23-rank6).
    ("sudek", CRPS),  # codespell:ignore
    # "doesnt" is a filler word as readers type it; "feel like mine" is a term.  # codespell:ignore
    ("my arm doesnt feel like mine", CRPS),  # codespell:ignore
]
# A readers' term found in another form of its words, or misspelled. No page
# says "claw", "mottled" or "insomnia" (data/search_terms.yml's lines: dystonia,
# skin color, sleep); typed so, each found nothing before.
TERM_FORMS = [
    ("claws", CRPS),  # the line "claw"
    ("mottld", CRPS),  # codespell:ignore (the line "mottled")
    ("insomnai", LIVING),  # codespell:ignore (the line "insomnia")
]
RESULT_PAGES = ".md-search-result__item > a.md-search-result__link:first-child"
NO_ANSWER = "[data-search-help='no-answer']"
EMERGENCY = "[data-search-help='emergency']"


@pytest.mark.parametrize(("query", "expected_page", "within"), READERS_OWN_WORDS)
def test_readers_own_words_find_the_page_among_the_first_results(
    home: Page, site_server: SiteServer, query: str, expected_page: str, within: int
) -> None:
    first_result_for(home, query)
    first = [link.get_attribute("href") or "" for link in home.locator(RESULT_PAGES).all()[:within]]
    expected_url = site_server.url(expected_page)
    assert any(href.split("?")[0] == expected_url for href in first), first


@pytest.mark.parametrize(
    ("query", "expected_page"), MISSPELLED_OR_ASKED + READERS_OWN_WORDS_FIRST + TERM_FORMS
)
def test_misspelled_asked_or_in_readers_words_the_page_still_comes_first(
    home: Page, site_server: SiteServer, query: str, expected_page: str
) -> None:
    first = first_result_for(home, query)
    expected_url = re.compile(re.escape(site_server.url(expected_page)) + r"(\?|$)")
    expect(first, f"first result for {query!r}").to_have_attribute("href", expected_url)


def _decided(page: Page, query: str) -> Locator:
    """The no-answer note, once search-help.js has heard the worker's answer to ``query``."""
    note = page.locator(NO_ANSWER)
    expect(note).to_have_attribute("data-query", query.lower())
    return note


def test_no_answer_says_so_and_offers_the_a_to_z_and_when_to_get_help(
    home: Page, site_server: SiteServer
) -> None:
    first_result_for(home, "shingles vaccine")
    note = _decided(home, "shingles vaccine")
    expect(note).to_be_visible()
    expect(note).to_contain_text("no page here answers")
    a_to_z = note.get_by_role("link", name="A to Z")
    help_link = note.get_by_role("link", name="when to get help")
    assert a_to_z.evaluate("link => link.href") == site_server.url("a-to-z/")
    assert help_link.evaluate("link => link.href") == site_server.url(f"{CRPS}#when-to-get-help")
    expect(home.locator(EMERGENCY)).to_be_hidden()

    # A query the site answers: the note goes.
    first_result_for(home, "ketamine drip")
    expect(_decided(home, "ketamine drip")).to_be_hidden()


@pytest.mark.parametrize(
    "query",
    [
        "I want to kill myself",
        "chest pain, can't breathe",
        "I can't go on like this",
        # Someone the reader speaks of (the fresh held-out part's "my husband
        # says he wants to hurt himself" showed no line before).
        "my husband says he wants to hurt himself",
        "my daughter wants to die",
        # "hurting" and "harming" matched no danger word before, only "cutting".
        "thinking about hurting myself",
        "my son keeps harming himself",
        # The fourth fresh held-out part's, which showed the kind note alone.
        "i dont want to be alive anymore",
        "my mom swallowed a whole bottle of pills",
        "my chest feels tight and my left arm is numb",
        # A kind of pain is a readers' word for burning pain (i23-words4):
        # the CRPS page could answer every word, with no line, before.
        "sharp pain in my chest",
        "my son is having a seizure",
        # The site's own 911 signs for a limb (data/warning_signs.yml): the
        # first is in the eval set, and the CRPS pages answered it with no line.
        "my cast feels too tight and my fingers are numb",
        "my leg suddenly went cold and white",
        "sudden weakness in my arm",
        "toes numb in cast",
        # The fifth fresh held-out part's (i23-held5), and an older one.
        "my son took a bunch of his amitriptyline on purpose",
        "everyone would be better off without me",
        "gasping for air and lips turning blue",
        "face drooping and slurred speech",
        # "sleeping" is a readers' word for sleep (i23-rank5): the living
        # guide could answer, with no line, before.
        "took too many sleeping pills",
        # A fresh review of i23-rank5's lines: emergencies that "sleeping",
        # "afraid" or "feeling down" sent to a calm page, with no line.
        "found him sleeping cant wake him up",  # codespell:ignore (as readers type it)
        "afraid my throat is closing",
        "numb feeling down my left arm and jaw pain",
    ],
)
def test_words_that_suggest_danger_show_911_and_988(home: Page, query: str) -> None:
    first_result_for(home, query)
    emergency = home.locator(EMERGENCY)
    expect(emergency).to_be_visible()
    expect(emergency).to_contain_text("911")
    expect(emergency).to_contain_text("988")
    expect(emergency).to_contain_text("leg that suddenly turns cold or pale")
    # The rule reads more signs than the line names (a stroke, a throat swelling).
    expect(emergency).to_contain_text("Any other sign you think is an emergency? Call 911.")
    # Words with no danger in them: the line goes.
    first_result_for(home, "burning pain")
    expect(emergency).to_be_hidden()


def test_a_cast_already_off_is_not_a_danger(home: Page) -> None:
    """A cold, blue hand after the cast came off is how CRPS often starts, and
    the pages answer it: no 911 line, where the same words in a cast show it."""
    for query in (
        "after the cast came off my hand is cold and blue",
        "despues del yeso tengo el pie frio",
    ):
        first_result_for(home, query)
        # Decided for these words (the query is already in its read form).
        expect(home.locator(EMERGENCY)).to_have_attribute("data-query", query)
        expect(home.locator(EMERGENCY)).to_be_hidden()
    first_result_for(home, "my hand is cold and blue in the cast")
    expect(home.locator(EMERGENCY)).to_be_visible()


# A review of the rule (branch review6): words of danger it did not read,
# one for each of its new lines, each of which showed no line before.
MORE_DANGER = [
    # Self-harm and suicide, in direct and indirect words, slang and typos.
    "i want to kill myslef",  # codespell:ignore (as readers type it)
    "i want to kms",
    "thinking about unaliving myself",
    "sucidal thoughts",  # codespell:ignore (as readers type it)
    "self injury",
    "i want to hang myself",
    "thinking of cutting my wrists",
    "slit my wrist",
    "jump off a bridge",
    "step in front of a train",
    "how to tie a noose",
    "im going to end it tonight",
    "i wanna die",
    "no reason to go on",
    "life is not worth living",
    "theres no point living with this pain",  # codespell:ignore (as readers type it)
    "i cant take this pain anymore",  # codespell:ignore (as readers type it)
    "i cant live like this",  # codespell:ignore (as readers type it)
    "i want it all to end",
    "i wish it was all over",
    "i hope i die in my sleep",
    "i wish i had never been born",
    "i want to stop existing",
    "i just want to sleep forever",
    "i hope i dont wake up tomorrow",  # codespell:ignore (as readers type it)
    # Too much of a medicine, a child who got into one, looking for a lethal dose.
    "she took a whole box of tylenol",
    "took 30 pills",
    "thinking of taking all my gabapentin",
    "my toddler ate some of my pills",
    "my toddler found my pills",
    "accidentally took a double dose of amitriptyline",
    "lethal dose of amitriptyline",
    "how many pills does it take to die",
    "i od on my meds",  # codespell:ignore (as readers type it)
    # Collapsed or cannot be woken: 911 rather than Poison Help.
    "my husband collapsed",
    "found him unresponsive on the floor",
    # A heart attack, a throat or tongue swelling, a clot in the lung, breathing.
    "chest pressure and sweating",
    "pressure in chest",
    "am i having a heartattack",
    "my tongue is swelling",
    "swollen tongue after new medicine",
    "anaphylaxis",
    "pulmonary embolism symptoms",
    "coughing up blood",
    "struggling to breathe",
    "i cant get enough air",  # codespell:ignore (as readers type it)
    "he stopped breathing",
    "slow shallow breathing on gabapentin",
    "my child is choking",
    "blue lips and very sleepy",
    "lips turning purple",
    # A stroke.
    "face droop",
    "his speech is slurred",
    "signs of a stroke",
    "worst headache of my life",
    "numb on one side of my body",
    "one side of my face is weak",
    "sudden confusion",
    # A limb suddenly numb or still; very bad pain in a cast.
    "cant feel my leg all of a sudden",  # codespell:ignore (as readers type it)
    "cant speak suddenly",  # codespell:ignore (as readers type it)
    "extreme pain in my cast",
    "the pain in my cast is unbearable",
    "my arm hurts really bad in the cast",
    # The site's other 911 signs (data/warning_signs.yml).
    "fever and stiff neck",
    "lost control of my bladder",
    "my legs went numb after the stimulator",
    "cant stand up since the stimulator",  # codespell:ignore (as readers type it)
    "neck swelling after stellate block",
    "swelling in my neck after the block",
    "baclofen withdrawal",
    "baclofen pump ran out",
    "baclofen pump and high fever",
    # Looking for the lines themselves; a seizure.
    "crisis line",
    "988",
    "my son is seizing",
    # A second pass: more ways of saying the same.
    "chestpain",
    "my heart hurts",
    "i think im dying",
    "i dont wanna live",  # codespell:ignore (as readers type it)
    "my family would be better without me",
    "im such a burden",
    "tired of living",
    "i want to go to sleep and never wake up",
    "my baby took a pill",
    "over dose",
    "he drank bleach",
    "she took too many of her pills",
    "my wife isn't breathing",
    "call 911",
    "emergency",
    "arm suddenly paralyzed",
    "no pulse in my foot",
    "the cast is cutting off my circulation",
    # The sixth fresh held-out part's misses, in other words (lead, after review6).
    "she is breathing really slowly after her pills",
    "ive been saving up my pills",
    # A fresh review of i23-rank6's lines (review7): "overdid" went to pacing,
    # "fake pill" to a trial's placebo; violence at home had no line.
    "i overdid my meds",
    "he overdoes his pills",
    "teen took fake percocet",
    "my husband hits me",
    "domestic violence",
]
# Ordinary words the rule read as danger before: pain "killing" a reader is
# how people speak of pain; poison ivy is a rash.
NO_DANGER = [
    "this pain is killing me",
    "my hand is killing me",
    "poison ivy on my arm",
    # Relaxation is slow breathing; money for medicines is not a stockpile.
    "slow breathing exercises for pain",
    "saving up for my meds",
    "overdid it at physical therapy",
    "sugar pill in a study",
    "the pain hits me at night",
]


def test_the_911_and_988_line_follows_the_words_as_typed(home: Page) -> None:
    """The line shows (or goes) as the words are typed, before any results:
    for each way of saying danger above, and for none of the ordinary words."""
    assert danger_line_misreads(home, MORE_DANGER, NO_DANGER) == []


def test_words_of_danger_show_the_911_and_988_line_first_and_where_to_look_under_it(
    home: Page, site_server: SiteServer
) -> None:
    """A frightened reader sees the 911 and 988 line first, and under it the
    A to Z and "When to get help", whatever pages hold the words: pages hold
    "thinking" and "ending" by chance, and before, the note stayed hidden."""
    query = "thinking about ending it all"
    first_result_for(home, query)
    emergency = home.locator(EMERGENCY)
    expect(emergency).to_be_visible()
    expect(emergency).to_contain_text("988")
    expect(emergency).to_contain_text("911")
    # The note right after the danger line, both above the results.
    note = home.locator(f"{EMERGENCY} + {NO_ANSWER}")
    expect(note).to_have_attribute("data-query", query)
    expect(note).to_be_visible()
    a_to_z = note.get_by_role("link", name="A to Z")
    help_link = note.get_by_role("link", name="when to get help")
    expect(a_to_z).to_be_visible()
    expect(help_link).to_be_visible()
    assert a_to_z.evaluate("link => link.href") == site_server.url("a-to-z/")
    assert help_link.evaluate("link => link.href") == site_server.url(f"{CRPS}#when-to-get-help")

    # A query the site answers, with no danger in it: both go.
    first_result_for(home, "ketamine drip")
    expect(_decided(home, "ketamine drip")).to_be_hidden()
    expect(emergency).to_be_hidden()


def test_enter_and_arrow_keys_still_reach_the_results_beside_a_note(
    chromium: Browser, site_server: SiteServer
) -> None:
    """The notes sit outside Material's result list: its arrow keys walk the
    results and Enter opens the best one, as without a note."""
    page = chromium.new_page()
    page.goto(site_server.url())
    first = first_result_for(page, "chest pain")
    expect(page.locator(EMERGENCY)).to_be_visible()
    box = page.locator(".md-search__input")
    box.press("ArrowDown")
    expect(first).to_be_focused()
    box.focus()
    href = first.get_attribute("href") or ""
    box.press("Enter")
    page.wait_for_url(href)
    page.close()


def test_the_tab_key_reaches_the_links_of_the_no_answer_note(
    chromium: Browser, site_server: SiteServer
) -> None:
    """A keyboard reader reaches the note's links from the search box with Tab,
    and back with Shift+Tab; the search stays open (Material's Tab would close
    it, and its arrow keys walk only the results); Enter opens the link."""
    page = chromium.new_page()
    page.goto(site_server.url())
    box = page.locator(".md-search__input")
    first_result_for(page, "shingles vaccine")
    note = _decided(page, "shingles vaccine")
    expect(note).to_be_visible()
    a_to_z = note.get_by_role("link", name="A to Z")
    help_link = note.get_by_role("link", name="when to get help")

    box.press("Tab")
    expect(a_to_z).to_be_focused()
    page.keyboard.press("Tab")
    expect(help_link).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(a_to_z).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(box).to_be_focused()
    expect(note).to_be_visible()

    box.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(site_server.url("a-to-z/"))
    page.close()
