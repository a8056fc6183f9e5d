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


def expect_first_result(home: Page, site_server: SiteServer, query: str, page: str) -> None:
    """The first result for ``query`` is ``page`` (any query string after it)."""
    expected_url = re.compile(re.escape(site_server.url(page)) + r"(\?|$)")
    expect(first_result_for(home, query), f"first result for {query!r}").to_have_attribute(
        "href", expected_url
    )


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
    expect_first_result(home, site_server, query, expected_page)


@pytest.mark.parametrize(
    ("query", "expected_page"),
    [
        # The IV ketamine page lists "ketamine infusion" among its names and
        # holds nothing else of these; the medicines page holds the medicine.
        ("pamidronate infusion", MEDICINES),
        # The CRPS page lists "burning" among its signs; the reader asks
        # about a medicine (Pamelor) the medicines page names.
        ("pamelor at bedtime for burning feet", MEDICINES),
    ],
)
def test_a_page_named_by_one_of_the_readers_words_alone_does_not_come_first(
    home: Page, site_server: SiteServer, query: str, expected_page: str
) -> None:
    expect_first_result(home, site_server, query, expected_page)


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
    # Signs in a part of the body, no treatment named (branch i23-cond): the
    # broken-wrist guide, which mentions hands and fingers, came first.
    ("my hand feels like its melting", CRPS),
    ("fingers feel fat and tight like sausages", CRPS),
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
    # Medicines by their US names, of a kind the pages name (NSAIDs, opioids;
    # branch i23-brands): no page says "naproxen" or "oxycontin", and the CRPS
    # page, which says "crps", came first.
    ("naproxen for crps pain", OTHER_TREATMENTS),
    ("oxycontin for crps", MEDICINES),
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
    expect_first_result(home, site_server, query, expected_page)


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
    "after the new antibiotic my eyelids puffed up",
    "baclofen pump pins and needles",
    "baclofen pump muscles rigid",
    "my itb pump and i feel confused",
    "burned myself with a lighter on purpose",
    "how do i say goodbye to my family before i go",
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
    # A fresh review (review8): words a frightened reader, parent or partner
    # might type, written before reading the rule; those it did not read are
    # named in the commit.
    # Self-harm and suicide: a relative's words, a goodbye note, cutting.
    "i want to kill myself",
    "i dont want to be alive anymore",
    "thinking about ending it all",
    "how many amitriptyline pills would kill me",
    "my son cut himself",
    "my daughter is cutting her arms",
    "i want to die the pain is too much",
    "crps suicide thoughts",
    "no reason to live with crps",
    "everyone would be better off if i was dead",
    "how to end my life",
    "planning to overdose on my gabapentin",
    "cant go on anymore i want to end it",  # codespell:ignore (as readers type it)
    "i have a plan to kill myself",
    "my husband said he is going to shoot himself",
    "suicidal",
    "self harm",
    "hurting myself on purpose",
    "i hurt myself again",
    "my teen talks about suicide",
    "my wife wrote a goodbye note and took her pills",
    "thinking of jumping off a bridge",
    "i want to unalive myself",
    "i took all my pills to end it",
    "i feel like killing myself",
    "suicidal thoughts crps pain",
    "my brother wants to end his life",
    # Too much of a medicine: a brand name, a dose twice, a street drug.
    "took too many amitriptyline",
    "my toddler swallowed my nortriptyline",
    "kid ate my gabapentin pills",
    "overdose on pregabalin",
    "double dosed my amitriptyline by accident",
    "husband took a whole bottle of pills",
    "od on ketamine",
    "overdosed",
    "overdoes on amitriptyline",
    "accidentally took two doses of nortriptyline",
    "swallowed a handful of pills",
    "mixed gabapentin with oxycodone and cant wake him",  # codespell:ignore (as readers type it)
    "took too much baclofen",
    "i think my friend overdosed on fentanyl",
    "i am going to take all my pills tonight",
    # Breathing, cannot be woken, blue lips (gabapentinoid_breathing); blue nails
    # only with another sign: CRPS can change a nail's color (harden2010).
    "cant breathe",  # codespell:ignore (as readers type it)
    "can't breath",
    "trouble breathing after nerve block",
    "hard to breathe after stellate ganglion block",
    "short of breath after stellate block",
    "chest tight and short of breath",
    "he is breathing very slow and wont wake up",  # codespell:ignore (as readers type it)
    "cant wake her up",  # codespell:ignore (as readers type it)
    "my dad is unresponsive",
    "passed out and wont wake up",  # codespell:ignore (as readers type it)
    "gasping for air",
    "choking",
    "lips turning blue",
    "blue lips on gabapentin",
    "my mom on pregabalin is very sleepy and confused",
    "shallow breathing after taking lyrica",
    "stopped breathing",
    "my baby is not breathing",
    "my throat is closing up",
    "my throat feels like its closing",
    "she is breathing funny and wont wake up",  # codespell:ignore (as readers type it)
    "blue nails and cant breathe",  # codespell:ignore (as readers type it)
    "nails turning blue and very sleepy on gabapentin",
    "blue fingernails and lips",
    # The heart.
    "chest pain",
    "crushing pain in my chest",
    "chest hurts and left arm numb",
    "pain in chest spreading to jaw",
    "heart attack",
    "i think im having a heart attack",
    "chest pain during ketamine infusion",
    "heart racing and chest pain after amitriptyline",
    "hart attack symptoms",  # codespell:ignore (as readers type it)
    # A stroke in plain words: a face that falls, speech, one side, confusion.
    "is this a stroke",
    "face drooping on one side",
    "her face is drooping and her speech is slurred",
    "slurred speech all of a sudden",
    "sudden weakness on one side of body",
    "cant move one side of my body",  # codespell:ignore (as readers type it)
    "my dad cant lift one arm and his words are mixed up",  # codespell:ignore (as readers type it)
    "suddenly cant talk",  # codespell:ignore (as readers type it)
    "mini stroke",
    "i think im having another stroke after the stroke last year",
    "is he having another stroke",
    # Limp, or snoring or gurgling oddly, after pills or drink (seen in the
    # seventh held-out part; tested in other words).
    "my son took oxy with beer and now he wont wake up",  # codespell:ignore
    "she mixed her pills with vodka and went limp",
    "he is limp and snoring weird",
    "my husband is making gurgling sounds and wont wake",  # codespell:ignore
    "took his pills and drank and is snoring weird",
    "is my mom having another stroke",
    "one side of his face fell",
    "my mom suddenly doesnt know who i am",  # codespell:ignore (as readers type it)
    "suddenly confused and cant speak",  # codespell:ignore (as readers type it)
    "grandpa is talking gibberish",
    "her smile is crooked all of a sudden",
    "my arm and leg went weak on one side",
    "sudden trouble speaking",
    # An allergic reaction; a seizure after a block.
    "anaphalaxis",
    "allergic reaction throat swelling",
    "tongue swelling after infusion",
    "lips and face swelling cant breathe",  # codespell:ignore (as readers type it)
    "hives and trouble breathing after ketamine",
    "anaphylactic shock",
    "severe allergic reaction to ketamine",
    "tongue swollen cant swallow",  # codespell:ignore (as readers type it)
    "having a seizure after nerve block",
    "seisure after block",
    # The site's 911 signs (data/warning_signs.yml): a neck block, a cast, a limb,
    # a stimulator, a baclofen pump.
    "neck swelling after stellate ganglion block",
    "bruise on neck getting bigger after block",
    "harder to swallow after neck injection",
    "cant swallow after stellate block",  # codespell:ignore (as readers type it)
    "cast so tight fingers turned blue",
    "fingers numb and cold in cast",
    "cant move my fingers in my cast",  # codespell:ignore (as readers type it)
    "toes blue under cast",
    "severe pain in cast getting worse",
    "compartment syndrome",
    "leg suddenly cold and pale and very painful",
    "sudden cold white foot cant feel it",  # codespell:ignore (as readers type it)
    "arm suddenly went white and numb",
    "cant stand up after spinal cord stimulator",  # codespell:ignore (as readers type it)
    "legs numb and weak after stimulator surgery",
    "lost control of bladder after stimulator",
    "cant pee after spinal cord stimulator",  # codespell:ignore (as readers type it)
    "fever stiff neck headache after stimulator",
    "stiff neck and fever",
    "cant control my bowels after stimulator",  # codespell:ignore (as readers type it)
    "baclofen pump withdrawal",
    "baclofen pump high fever and confused",
    "baclofen pump stopped muscles very stiff and itchy",
    "neck swelling up a few hours after my block",
    "cant feel my legs after the stimulator surgery",  # codespell:ignore (as readers type it)
    "fever and my neck is so stiff i cant bend it",  # codespell:ignore (as readers type it)
    # An ambulance, a collapse, violence at home.
    "ambulance",
    "he collapsed",
    "my partner hits me",
    # The eighth held-out part's danger queries the rule missed, in other words
    # (benchmarks/search_queries.yml has the part's own).
    "got a rope and chose the date",
    "i picked the day and i have the pills ready",
    "heavy pressure on my breastbone and i feel sick",
    "sternum feels crushed and my arm aches",
    "my sons ribs are sucking in when he breathes",
    "skin pulling in between her ribs",
    "my face swelled up shut after the shot",
    "hives everywhere and my lips are swelling",
    # review10's queries in these areas, written before it read the new lines.
    "i chose the day i will die",
    "my dad has pressure in his breastbone and is sweaty and pale",
    "something pressing on my breastbone",
    "baby has retractions",
    "babys nostrils flaring",
    "newborn breathing fast and grunting",
    "toddler neck sucking in when breathing",
    "my face is swelling up after i took a new pill",
    "got stung by a bee and my face is puffing up",
    "hives and swollen face after antibiotic",
    "pressure in the middle of my chest",
    "feels like an elephant sitting on my chest",
    "my chest feels squeezed",
    # danger9's queries, written before it changed the rule: a plan with no
    # means word, pills saved, a goodbye, a heart attack or a child's breathing
    # in other words (each showed no line before).
    "i wrote my note and set the date",
    "set the date im done",
    "i know how i would do it and when",
    "already picked the spot and the time",
    "tonight is the night im doing it",
    "i bought a gun",
    "i have a rope",
    "my husband keeps a gun and i think about using it on myself",
    "going to drive my car into a tree tomorrow",
    "i want to crash my car on purpose",
    "thinking of ending things",
    "i feel like ending it",
    "im going to off myself",
    "urges to cut",
    "been cutting again and it wont stop bleeding",  # codespell:ignore (as readers type it)
    "been looking up ways to die",
    "my daughter texted me goodbye and wont answer",  # codespell:ignore (as readers type it)
    "my friend posted goodbye on facebook",
    "my wife left a note saying sorry and took her pills",
    "gave away my stuff and said bye to everyone",
    "everyone would be better if i wasnt here",  # codespell:ignore (as readers type it)
    "idk how much longer i can keep living like this",
    "i dont see a way out of this pain except dying",
    "i want to go to sleep forever",
    "whats the most painless way to go",  # codespell:ignore (as readers type it)
    "i cant stop thinking about dying",  # codespell:ignore (as readers type it)
    "how much gabapentin is lethal",
    "took 30 gabapentin",
    "took a bunch of lyrica and feel weird",
    "going to take every pill in the house",
    "my mom took her whole month of pills at once",
    "my husband said he would kill me",
    "i have the pills saved up and i know when im going to take them all",
    "i have enough pills saved to do it",
    "been saving my oxy for when i decide to go",
    "my grandson got into my pill box and ate some",
    "found my brother unresponsive",
    "my chest is killing me and my arm is numb",
    "dad grabbed his chest and fell down",
    "pain spreading from my chest to my jaw",
    "baby turning blue",
    "crushing feeling in my chest and sweating",
    "something heavy pressing on my heart and i feel faint",
    "i feel like someone is standing on my chest",
    "feels like an elephant sitting on me and my left arm aches",
    "my lips and tongue are tingling and swelling after a new medicine",
    "my mom is not making sense and her face looks droopy",
    "baby breathing with his belly and grunting",
    "skin pulling in at the neck when my daughter breathes",
    "kid breathing really hard belly going in and out",
    "wheezing and cant talk after bee sting",  # codespell:ignore (as readers type it)
    "fingers blue and ice cold in my arm cast",
    "after stimulator surgery cant feel my legs",  # codespell:ignore (as readers type it)
    "baclofen pump alarm going off and im itchy and feverish",
    "my sons baclofen pump and now he is confused and itchy all over",
    "his baclofen pump beeped yesterday and today he is stiff as a board with a fever",
    "my dad is giving away all his things",
    "my daughter started cutting again",
    "the bleeding wont stop",  # codespell:ignore (as readers type it)
    "he said goodbye to everyone tonight",
    "i have enough pills to die",
    "my wrist wont stop bleeding",  # codespell:ignore (as readers type it)
    "wheezing after a wasp sting",  # codespell:ignore (a bee's sting)
    "wheezing so bad she cant talk",  # codespell:ignore (as readers type it)
    "ate peanuts and now wheezing",
    "ran out of baclofen and feel feverish",
    # danger9's last fresh queries, written after the rule's other changes.
    "cant stop cutting",  # codespell:ignore (as readers type it)
    "sometimes i think my family would be better off",
    "i think my daughter is having an allergic reaction her face is swelling",
    "my 3 year old drank some of the cough syrup",
    "she fell and hit her head and now shes confused and throwing up",
    # The ninth held-out part's English danger queries the rule missed; and
    # for each pair of kinds of words (search-danger.js, PAIRS), one query
    # only that pair reads, its words far apart or in another order.
    "tonight is my last night and i have made my peace",
    "the pills are lined up on my nightstand and i am done",
    "my mom wheezes and her lips are turning a dusky color after eating peanuts",
    "i have my pills and i have made my peace",
    "my dad says his chest feels like it is in a vise",  # codespell:ignore (as readers type it)
    "hes wheezing and holding his chest",
    "she fainted and said her chest felt weird",
    "her lips have a dusky tinge and she is wheezing",
    "wheezing and about to pass out",
    "ate shrimp and now im wheezing",
    "stung by a wasp and she fainted",
    "after a wasp sting her lips went dusky",  # codespell:ignore (as readers type it)
    "she keeps blacking out and her lips are dusky",
    "this is my last day alive",
    "i wrote letters to my kids and i have the pills",
    "feels like a band around my chest",
    "sore chest and cold sweat",
    "she said this is her last night and locked herself in",
    "if i swallow the whole bottle of gabapentin will it be quick",
    "thinking of jumping from the top of the parking garage",
    "hives all over and she is wheezing",
    "covered in welts and feel like i might faint",
    "dad cant walk and has a new spinal cord stimulator",  # codespell:ignore (as readers type it)
    "my husband took his pills and cant be woken",  # codespell:ignore (as readers type it)
    # A splint just put on is not one taken off (the cast-off words above).
    "my fingers went numb and white after my splint was put on",
    # danger11: the last session's misses and review11's and review12's: a
    # small tricyclic overdose, gabapentin's or pregabalin's signs, a bridge now,
    # a child's cuts, a cast or a limb gone cold in the last hour, a baclofen
    # pump's early signs, a plan in other words.
    "i took 4 amitriptyline instead of 1 by accident",
    "my son took 3 of my nortriptyline he seems fine",
    "took an extra nortriptyline tonight, feel fine",
    "grandma swallowed a few of my amitriptyline tablets",
    "she swallowed 5 of my amitriptyline",
    "gabapentin and i feel really strange and confused and dizzy",
    "my fingers and toes are turning blue on gabapentin",
    "my husband is so dizzy and confused on gabapentin and cant stay awake",  # codespell:ignore
    "unusually dizzy on pregabalin",
    "my wife takes lyrica and oxycodone and we can not get her to respond",
    "my boyfriend drank and took his percocet and gabapentin and wont respond",  # codespell:ignore
    "i am standing on the bridge right now",
    "my 15 year old has cuts all over her arms",
    "my leg went cold and white in the last hour and hurts like crazy",
    "toes sticking out of the cast went purple and i cant wiggle them",  # codespell:ignore
    "baclofen pump itching",
    "baclofen pump and im itchy",
    "baclofen pump stiff",
    "intrathecal pump fever confused",
    "stung by a bee and my tongue feels big",
    "heart pounding and i cant get a full breath",  # codespell:ignore (as readers type it)
    "i have the pills counted out on the nightstand and tonight i stop",
    "its time to end this, i have my husbands gun",
    "my chest feels like someone is sitting on it",
    "my daughter keeps saying she hates being alive",
    "nobody will have to deal with me after this weekend",
    "wrote letters to my kids and i know where the bottle is",
    "gave away my dog and my stuff i wont need it after this weekend",  # codespell:ignore
    "how many lyrica pills would it take",
    "how much tylenol is too much i already took 30",
    "im not going to be here tomorrow",
    "i have my pills lined up for saturday",
    "i just want the pain to stop forever",
    "i took extra pills and now i feel dizzy and my heart is racing",
    "my daughter texted me she is sorry and she loves me and wont answer now",  # codespell:ignore
    "my son said he has a rope in his closet",
    "neck injection this morning now big lump on neck and hard to swallow",
    "im at the bridge and i want to jump",
    "found razor blades in my sons room",
    "he hasnt answered and he said goodbye last night",  # codespell:ignore
    "my chest feels like a ton of bricks",
    "my arm and face went numb on one side",
    "my son swallowed a button battery",
    "my son drank the cough syrup bottle",
    "my leg is ice cold and blue and i cant feel it",  # codespell:ignore
    # danger11's held-out part (/tmp/danger11-fresh, written by danger11-writer):
    # the English danger queries the rule missed before it was tuned on them.
    "fingers wont move in my new cast and they feel dead",  # codespell:ignore
    # review13: "just went cold and pale" reads as limb_cold_sudden only with
    # its other sign, numbness here (below: danger12).
    "is it crps or a clot my leg just went cold and pale and numb",
    "no reason to keep living with crps",
    "found razor blades and fresh cuts on my daughters legs",
    "my 14 year old said she wishes she was dead",
    "teen says nobody would miss her if she was gone",
    "i have a spinal cord stimulator and my legs just went numb",
    "legs giving out and numb with my scs",
    "since the stimulator went in my legs feel like jelly and numb",
    "spinal cord stimulator and i cant pee",  # codespell:ignore
    "peed myself and didnt feel it i have a spinal stimulator",  # codespell:ignore
    "stimulator placed last week now having trouble urinating",
    "i took 10 amitriptyline tablets",
    "my pump ran empty and my old spasms are back",
    "took too many tramadol by mistake",
    "my kid swallowed some of my pain pills",
    "took double my oxycodone dose and feel really sleepy",
    # danger12, from review13: very sleepy or confused on gabapentin or
    # pregabalin (gabapentinoid_breathing; FDA, B2.2), bladder or bowel control
    # lost with a stimulator, and a limb cold and pale with numbness hours
    # after it began (limb_cold_sudden, "hours ago" as "sudden": editors).
    "gabapentin made him very confused",
    "lyrica makes me very sleepy",
    "gabapentin makes me very sleepy",
    "is it normal for gabapentin to make you this confused",
    "lost bladder control after stimulator",
    "loss of bowel control spinal cord stimulator",
    "my leg went numb 2 hours ago and is cold and white",
    # danger13, from review14: confusion about the day, the time, where one
    # is or who people are, on gabapentin or pregabalin, is disorientation
    # (gabapentinoid_breathing; FDA's confusion, B2.2).
    "my grandma on gabapentin is confused about what day it is",
    "dad takes pregabalin and is confused about where he is",
    "my husband on gabapentin doesnt know where he is",  # codespell:ignore
    # review15: asking what day it is again and again, "disorientated",
    # "i dont know where i am".
    "grandma on gabapentin keeps asking what day it is",
    "mom on gabapentin seems disorientated",
    "i dont know where i am gabapentin",
    # review16: "right now" is no question of the right day; a sign that
    # began with the medicine; a name forgotten, words that make no sense.
    "my dad on gabapentin doesnt know who we are right now",  # codespell:ignore
    "mom on pregabalin doesnt know where she is right now",  # codespell:ignore
    "my mom wasnt confused before starting gabapentin but now she is",  # codespell:ignore
    "gabapentin causing confusion in my mom right now",
    "she doesnt know her own name on gabapentin",  # codespell:ignore
    "my wife is on lyrica and not making sense",
]
# Ordinary words the rule read as danger before: pain "killing" a reader is
# how people speak of pain; poison ivy is a rash.
NO_DANGER = [
    "does a baclofen pump help pins and needles in crps",
    "should i take my gabapentin before i go to bed",
    "im done trying new pills nothing works for my crps",
    "the pain feels like a knife, before i go to work i take ibuprofen",
    "my cast came off and my foot is blue and numb, is this crps",
    "will a stimulator help if i cant walk because of foot crps",  # codespell:ignore
    "does an intrathecal pump help if i feel confused by pain meds",
    "my legs keep jumping at night and the pain keeps building",
    "the burning stings so much i almost pass out",
    "i felt faint after the nerve block shot, is that normal",
    "tight shirts hurt the skin on my chest, allodynia",
    "said goodbye to my old job, will my meds be covered",
    "how many people with crps go on to die from it",
    "does a baclofen pump help stiffness",
    "we picked the date for my surgery",
    "i bought a rope for my hand exercises",
    "hives from the heat on my arm",
    "my face is puffy from prednisone",
    "crushing pain in my foot",
    "my ribs hurt after the fall",
    "i set a date to stop my pills",
    "picked a date for my ketamine infusion to kill the pain",
    "i have a rope and pulley for shoulder exercises",
    "i got a rope to stretch my leg",
    "i get hives from heat on my face and swelling in my foot",
    "chose a day for my nerve block",
    "my toddler grunts when he lifts things",
    "bee sting started my crps",  # codespell:ignore
    "pressure in the middle of my foot",
    "walking with a limp after crps",
    "my hand is limp and weak",
    "my hand is limp and blue",
    "my leg is limp and not responding to treatment",
    "gurgling noises in my stomach after gabapentin",
    "does gabapentin make you snore weird",
    "does alcohol make snoring worse",
    "is it ok to mix lyrica and alcohol",
    "this pain is killing me",
    "my hand is killing me",
    "poison ivy on my arm",
    # Relaxation is slow breathing; money for medicines is not a stockpile.
    "slow breathing exercises for pain",
    "saving up for my meds",
    "overdid it at physical therapy",
    "sugar pill in a study",
    "the pain hits me at night",
    # review8: CRPS words that sound dramatic but are not emergencies (color,
    # temperature, nails, burning pain), expected effects of a block, a stroke
    # or a heart attack in the past (CRPS can follow one), questions about doses.
    "my hand is turning purple",
    "burning pain is killing me",
    "my foot is blue and cold",
    "dying to know if it goes away",
    "nerve block shot",
    "blue nails",
    "my nails turned purple",
    "nail changes crps",
    "my fingernails are blue and brittle",
    "toenails turning blue crps",
    "skin mottled blue on my leg",
    "red hot swollen hand",
    "my leg feels like its on fire",
    "worst pain ever crps",
    "most painful condition in the world",
    "ketamine infusion side effects",
    "droopy eyelid after stellate ganglion block",
    "hoarse voice after stellate block",
    "stiff fingers in the morning",
    "stiff joints crps",
    "stiff neck from sleeping wrong",
    "fever after zoledronic acid infusion",
    "ketamine made me feel like i was floating",
    "hallucinations during ketamine infusion",
    "confused about which treatment is best",
    "brain fog crps",
    "memory problems crps",
    "heart rate monitor during infusion",
    "breathing exercises for pain",
    "deep breathing for a flare",
    "crps after a stroke",
    "shoulder hand syndrome after stroke",
    "mirror therapy for stroke patients",
    "kill the pain",
    "painkillers for crps",
    "dead arm feeling",
    "my foot feels dead",
    "cold sweats crps",
    "cast came off and my hand is purple and swollen",
    "swollen hand after cast removed",
    "numbness in fingers crps",
    "pins and needles in my hand",
    "one foot colder than the other",
    "hand turns blue when cold",
    "purple blotchy skin",
    "shooting pain like electric shocks",
    "can i drive after a lumbar sympathetic block",
    "leg numb after lumbar sympathetic block",
    "bladder problems from ketamine",
    "blood in urine after block",
    "my nails grow faster on the crps hand",
    "hair growth on the painful leg",
    "is ketamine safe if i had a heart problem",
    "dosage of amitriptyline for sleep",
    "how many gabapentin can i take a day",
    "blue discoloration of foot crps",
    "my hand looks like a dead person's hand",
    "this pain makes me want to scream",
    "killer headache after ketamine",
    "overdoing it with exercise",
    "crps after a heart attack",
    "cant swallow pills is there liquid gabapentin",  # codespell:ignore (as readers type it)
    "should i double the dose if i miss one",
    "gabapentin makes me sleepy",
    "stroke the skin with a soft brush",
    "cut my nails on the crps hand",
    "seizure medicine gabapentin for nerve pain",
    "hard to pee after ketamine",
    "sore neck after the block",
    "hard to swallow after the block",
    "i mix up my words with brain fog",
    "my face fell asleep on one side after the dentist",
    # danger9's: the same words in ordinary queries (dye spelled "die", a
    # massage gun, a rope for exercises, a cast taken off at home).
    "ways to die my hair with one hand",
    "my son wants to die his hair blue",
    "im dying to know if this gets better",
    "i feel like im dying of boredom on bed rest",
    "i have a massage gun for my leg",
    "i have the rope for my pulley exercises",
    "can i use a tens unit on myself",
    "how do i take the cast off myself",
    "cutting back on gabapentin again",
    "started cutting carbs again",
    "grabbed my chest strap for the heart monitor",
    "my hand is turning blue in the cold",
    "my foot is going gray and cold",
    "wheezing from a cold",
    "after the stimulator i cant feel the pain in my legs",  # codespell:ignore
    "baclofen pump itching at the site",
    "took a bunch of notes at my appointment",
    "i know how i would do it differently next time",
    "picked the time and place for my appointment",
    "tonight is the night i try the new cream",
    "things would be easier if i wasnt in pain",  # codespell:ignore (as readers type it)
    "my husband said he would take me to the er if it gets worse",
    "giving away my old crutches",
    "said goodbye to everyone at my old job",
    "crashed my car and broke my wrist",
    "the whole month of pills costs too much",
    "i set the date for my stimulator trial",
    "picked a day to quit smoking",
    "pill organizer for my gabapentin",
    "tapering date for lyrica set by my doctor",
    "rope exercises for shoulder stiffness",
    "chest stretches for posture",
    "my childs asthma action plan",  # codespell:ignore (as readers type it)
    "breathing exercises to calm a flare",
    "i could die of embarrassment",
    "my baby grunts when pooping",
    "tight chest muscles from crutches",
    "the pain takes my breath away",
    "face swelling after dental work",
    "we set the date and im done with pt after that",
    "we picked the place and the time for my nerve block",
    "got a gun safe to lock up my opioids",
    "thinking about ending things with my pain doctor",
    "urge to cut my hair short because i cant brush it",  # codespell:ignore (as readers type it)
    "thinking about dying my hair purple",
    "got a note from work and set the date for surgery",
    "my family would be better off if i got disability",
    "my kid drank her medicine without a fuss",
    "allergic reaction to the tape on my arm",
    "i hit my head on the door last week",
    # A pair's two kinds of words in ordinary senses: "last night" is
    # yesterday, "done with" a medicine, a blood pressure, weight lost.
    "i took my pills last night and slept better",
    "i am done with these pills they dont work",
    "i am done taking pills for this",
    "made peace with taking pills every day",
    "my last day of pills is friday",
    "blood pressure and chest x ray before surgery",
    "lost weight and my chest looks bony",
    "tight chest strap for the heart monitor",
    "chest wall stretches for tight muscles",
    "hives on my face and swelling in my foot from crps",
    "my doctor wont answer about my pills",  # codespell:ignore (as readers type it)
    # danger11: each new pair's and guard's words in an ordinary sense (a
    # question of what a medicine does, the edge of a bed, a bruise after a
    # block, a morphine pump, sleep, crying, fainting at needles).
    "should i take an extra amitriptyline if i cant sleep",  # codespell:ignore (as readers type it)
    "i took amitriptyline instead of gabapentin for a year",
    "does lyrica make you confused",
    "sitting on the edge of my bed right now with a flare",
    "bruise on my neck after the stellate block",
    "my crps wont respond to the pills",  # codespell:ignore (as readers type it)
    "my pain wont respond to treatment and i dont drink alcohol",  # codespell:ignore
    "my cold and pale hand with crps and i cant move it much",  # codespell:ignore
    "my husband has a morphine intrathecal pump and is confused",
    "does an intrathecal pump help if i feel confused by pain meds",
    "baclofen pump for stiffness in my legs",
    "i wont be here tomorrow for my infusion",  # codespell:ignore (as readers type it)
    "i have my pills lined up in my organizer for the week",
    "i want to stop taking gabapentin for good",
    "my son has cuts on his arm from the fall",
    "i have a jump rope in my closet",
    "i do not wake up at night since starting nortriptyline pills",
    "i cant breathe through the pain sometimes is meditation helpful",  # codespell:ignore
    "my eyes swelled shut from crying all night",
    "started a new medicine and my face looks puffy in the morning",
    "i have hives on my arm from the tape and feel faint when i see needles",
    "toes sticking out of my cast feel warm and i can wiggle them",
    "gabapentin and lyrica confusion which is better",
    "does a baclofen pump cause itching",
    "is it normal to itch around the baclofen pump incision",
    "i want the swelling to stop forever",
    "my pills are counted out in my pill organizer",
    "i got a flu shot and my neck glands are swollen",
    "my mom wont respond to my texts about her pills",  # codespell:ignore
    "gabapentin made me confused at first but it got better",
    "he doesnt respond to gabapentin",  # codespell:ignore
    "tonight i am at the bridge club",
    # A stroke last year; a stimulator and peeing, or a cast, in ordinary words.
    "grandpa had a stroke last year and now his hand is swollen could it be crps",
    "can i pee normally after stimulator surgery",
    "my cast feels like dead weight on my arm",
    # danger12, from review13: exercises, a cast's colour, a splint not to
    # bend, a prescribed dose, a confusing schedule, CRPS's purple toes, a
    # pump's dose not yet enough; a limb cold and blue, or numb after a block,
    # an hour ago, with no other sign (limb_cold_sudden asks for both;
    # stellate_block_arm_heavy is urgent; a lumbar block's numb leg, A3.9).
    "glute bridge and jump squats for crps rehab",
    "can i get a purple cast for my kid",
    "grey or purple splint which is better",
    "physio said do not bend the splint",
    "took 2 of my 10mg amitriptyline tablets as my doctor said",
    "gabapentin dosing schedule is confusing",
    "gabapentin for crps purple toes",
    "baclofen pump dose increased still stiff",
    "missed my pump refill will my stiffness come back",
    "my crps foot just went cold and blue after the shower",
    "leg numb an hour ago after lumbar sympathetic block",
    "sgb 2 hours ago arm numb",
    "took my meds 2 hours ago and im confused about the dose",
    # danger13, from review14: limb_cold_sudden needs a limb cold AND pale
    # (yml; A2.1's pallor and coldness), not cold alone: ice on the foot, a
    # leg numb after a lumbar block (A3.9); nor cold and purple, CRPS's own
    # color (A2.3). Sleepiness "so" or "this" strong is not FDA's "extreme
    # sleepiness" (B2.2). Confused about a dose, how to take it, insurance,
    # or what time to take it: not disorientation.
    "put an ice pack on an hour ago and now my foot is cold and tingling",
    "leg numb and cold 2 hours ago after lumbar sympathetic block",
    "my crps foot turned cold and purple an hour ago and tingles",
    "gabapentin makes me feel so sleepy during the day",
    "pregabalin makes me this sleepy is that normal",
    "gabapentin this drowsy normal",
    "confused about how to take my gabapentin",
    "confused about insurance for lyrica",
    "im confused about what time to take gabapentin",
    # review15: the day or place in a question about the medicine, a sign
    # denied, a question about a side effect.
    "confused about which day it is best to take lyrica",
    "mom on gabapentin doesnt know where she is going to refill it",  # codespell:ignore
    "on gabapentin not confused just tired",
    "is it normal to be confused on gabapentin",
    "gabapentin and confusion in elderly",
    "my leg is not cold or pale just numb an hour ago",
    # review16: signs denied, which the phrases read too; a prescription
    # mixed up.
    "my husband is not confused or sleepy on gabapentin is it working",
    "gabapentin not confused not sleepy",
    "the pharmacist confused my prescription for gabapentin",
]


def test_the_911_and_988_line_follows_the_words_as_typed(home: Page) -> None:
    """The line shows (or goes) as the words are typed, before any results:
    for each way of saying danger above, and for none of the ordinary words."""
    assert danger_line_misreads(home, MORE_DANGER, NO_DANGER) == []
    # V8 stops optimizing a pattern longer than 20,480 characters, and each
    # query then takes about 300 times as long: each part of the rule (the
    # patterns by language and topic, search-danger.js) stays under it.
    # The kinds of words its pairs read are patterns too.
    sizes = home.evaluate(
        """[...window.healthsiteDanger.danger.parts, ...window.healthsiteDanger.danger.kinds]
            .map(part => part.source.length)"""
    )
    assert len(sizes) > 3
    assert max(sizes) < 20_480, sizes


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
