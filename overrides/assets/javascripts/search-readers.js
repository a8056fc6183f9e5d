/*
 * Search that meets readers halfway (README, "Search in readers' words").
 *
 * search-worker.js imports this module with Pagefind, when the reader reaches
 * for the search box or types: nothing of it is part of a first visit. For a
 * query it
 *
 * - leaves out question and filler words ("does", "my": Pagefind wants every
 *   word of a query on a page, so they hid pages);
 * - reads the reader's words for the pages' words ("shots": injection, nerve
 *   block) from search/readers-words.json (data/search_terms.yml);
 * - finds a term in other forms of its words ("spreading" for "spread") and
 *   misspelled ("counceling" for "counseling");
 * - takes a word the site does not have to the nearest word it has
 *   ("gabapenten": gabapentin), from search/words/<first letter>.txt;
 * - asks Pagefind for each of the reader's words (each "concept", with the
 *   pages' words for it), and ranks the pages by how much of them they hold,
 *   instead of showing only those that hold every word (often none);
 * - tells the page whether a page held all of them (search-help.js).
 *
 * The reader sees only the pages' own text: titles, descriptions, and
 * excerpts in which Pagefind marks the page's words.
 */

// The best pages for a query; each costs the fetch of a small fragment.
const MAX_PAGES = 10
// The best pages shown first, as soon as their fragments are in, before the
// others' (about a phone's first screen): the whole ranking runs before any
// fragment is fetched, so they are the full answer's first pages.
const FIRST_PAGES = 3
// What a concept in a page's title or names counts for, beside its share of
// the page's text (at most 1): a word that names few pages counts the most.
const KNOWN_BY_WEIGHT = 2
// What holding the reader's words in one section counts for (together).
const TOGETHER_WEIGHT = 1

function escapeHTML(text) {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
}

function siteRelative(url) {
  return url.replace(/^\//, "")
}

function matchedWeight(subResult) {
  return subResult.weighted_locations.reduce((sum, location) => sum + location.balanced_score, 0)
}

// --- Readers' words (healthsite/search/readers_words.py) -----------------------

// This file is <site>/assets/javascripts/; the files it reads are under <site>/.
const siteFile = path => new URL(`../../${path}`, import.meta.url).href
// {stop: {language: Set}, terms: {language: {readers' words: [pages' words]}},
//  stems: {language: Map(the readers' words stemmed -> as written)}, longest}
let readersWords = null
const wordFiles = new Map() // first letter -> Promise of the site's words with it

function loadReadersWords() {
  if (readersWords === null) {
    readersWords = fetch(siteFile("search/readers-words.json"))
      .then(response => (response.ok ? response.json() : { stop: {}, terms: {} }))
      .then(data => ({
        stop: Object.fromEntries(
          Object.entries(data.stop).map(([code, words]) => [code, new Set(words)])
        ),
        terms: data.terms,
        stems: Object.fromEntries(
          Object.entries(data.terms).map(([code, terms]) => [code, stemsOf(Object.keys(terms))])
        ),
        longest: Math.max(
          1,
          ...Object.values(data.terms).flatMap(terms =>
            Object.keys(terms).map(key => key.split(" ").length)
          )
        ),
      }))
    readersWords.catch(() => {
      readersWords = null
    })
  }
  return readersWords
}

// The words of `language`'s pages that start with `letter`
// (search/words/<letter>.txt for English, search/words/<language>/<letter>.txt
// for another: words_folder in readers_words.py; none: no file). Per language:
// "nortriptilyne" went to the Spanish pages' "nortriptilina".
function wordsStartingWith(letter, language) {
  const folder = language === "en" ? "search/words" : `search/words/${language}`
  return fetchOnce(wordFiles, `${folder}/${letter}.txt`, async response =>
    response.ok ? (await response.text()).split(" ") : []
  )
}

// The pages named (front matter's names and symptoms) by names starting with
// `letter` (search/names/<letter>.json, healthsite/search/known_by.py): {name:
// [Pagefind's page ids]}.
const nameFiles = new Map()
function namesStartingWith(letter) {
  return fetchOnce(nameFiles, `search/names/${letter}.json`, async response =>
    response.ok ? response.json() : {}
  )
}

// A file of the site, fetched once (again after a failure, the reader offline).
function fetchOnce(cache, path, read) {
  if (!cache.has(path)) {
    const content = fetch(siteFile(path)).then(response => {
      if (!response.ok && response.status !== 404) throw new Error(`${path}: ${response.status}`)
      return read(response)
    })
    content.catch(() => cache.delete(path))
    cache.set(path, content)
  }
  return cache.get(path)
}

// As normalize() in healthsite/search/readers_words.py: lowercase words, no
// apostrophes, no accents ("simpática" is "simpatica", as Pagefind compares words).
function normalize(text) {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['\u2019]/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
}

// What the reader asked for: one "concept" per reader's term or other word
// that is not a question or filler word of the pages' language, each with the
// words to look for (the reader's own, and the pages' words for them, both of
// that language: data/search_terms.yml, data/search_terms.es.yml). Longest terms first:
// "cant bear" before "cant", which alone is a filler word. A term is found in  // codespell:ignore
// another form of its words too ("spreading" for the line "spread": termFor).
function conceptsOf(words, readers, language) {
  const stop = readers.stop[language] ?? new Set()
  const terms = readers.terms[language] ?? {}
  const stems = readers.stems[language] ?? new Map()
  const concepts = []
  let i = 0
  while (i < words.length) {
    let concept = null
    for (let n = Math.min(readers.longest, words.length - i); n >= 1 && !concept; n--) {
      const typed = words.slice(i, i + n).join(" ")
      const term = termFor(typed, terms, stems)
      if (term !== null) {
        const own = n === 1 && !stop.has(typed) ? [typed] : []
        // pagesWords: the term's words for the pages' (listedWeight).
        concept = { typed, alternatives: [...own, ...terms[term]], pagesWords: terms[term] }
        i += n
      }
    }
    if (!concept) {
      const word = words[i++]
      if (!stop.has(word)) concept = { typed: word, alternatives: [word] }
    }
    if (concept) concepts.push(concept)
  }
  // Only filler words ("how do i"): look for them as typed.
  return concepts.length > 0 ? concepts : words.map(word => ({ typed: word, alternatives: [word] }))
}

// Optimal string alignment distance: edits, and swaps of two neighbors ("cprs", "crps").
function editDistance(a, b) {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) rows[0][j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      rows[i][j] = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        rows[i][j] = Math.min(rows[i][j], rows[i - 2][j - 2] + 1)
      }
    }
  }
  return rows[a.length][b.length]
}

// Words checked against the site's words: shorter ones are searched as typed
// (MIN_WORD_LETTERS in healthsite/search/readers_words.py).
const CHECKED_LETTERS = 3
// Misspellings are corrected in words of at least this many letters...
const CORRECTED_LETTERS = 4
// ...by one edit, or two in long words (at 8 letters, "breaking" became "breathing").
const allowedEdits = word => (word.length >= 10 ? 2 : 1)

// A word less its common English endings: "amputated" and "amputation" are
// both "amput", "fingers" is "finger". Only to tell whether the site has a
// form of a word the reader typed; Pagefind does the real stemming. (Sharing
// a long start is not enough: "gabapenten" shares "gabapent" with gabapentin.)
function roughStem(word) {
  return word.replace(/(ations?|ated|ating|ates?|ions?|ing|ed|es|ers?|ly|s)$/, "") || word
}

// Words that differ only in such an ending, or a final "e", are one for the
// readers' terms: the line "spread" is found for "spreading" and "spreads",
// "tablet" for "tablets", "fracture" for "fractured". Short words are left
// as they are ("is" is not "i"): a term's line must be written in full.
const STEMMED_LETTERS = 4
function termStem(words) {
  return words
    .split(" ")
    .map(word => (word.length < STEMMED_LETTERS ? word : roughStem(word).replace(/e$/, "")))
    .join(" ")
}

// Each of a language's terms by its stemmed words (the first line wins).
function stemsOf(terms) {
  const stems = new Map()
  for (const term of terms) {
    const stem = termStem(term)
    if (!stems.has(stem)) stems.set(stem, term)
  }
  return stems
}

// The line of the data file for the reader's `typed` words: as written, or
// in another form of the same words; null if none.
function termFor(typed, terms, stems) {
  if (Object.hasOwn(terms, typed)) return typed
  return stems.get(termStem(typed)) ?? null
}

// `word` as the site has it: itself, if a page uses it or a word it starts
// (the reader may still be typing) or another form of it ("fingers" for
// "finger": Pagefind stems both); else the nearest word of the site within
// the edits allowed, of equally near ones the one on the most pages (the
// file lists those first: "cprs" is crps, not cars); else null, and Pagefind is not asked (asked a word it
// lacks, it answers for a shorter one: "amitriptylene" found every page for "a").
// `correct`: false for a word the data file has other words for ("shots"),
// which must not become a near word of the site ("shows").
async function siteWordFor(word, correct, language) {
  if (word.length < CHECKED_LETTERS || !/^[a-z]+$/.test(word)) return word
  const words = await wordsStartingWith(word[0], language)
  if (siteHas(words, word)) return word
  if (!correct || word.length < CORRECTED_LETTERS) return null
  // Only to a word as long: a short word is no misspelling's answer ("gout"
  // became "got", on every page, and the help note stayed hidden).
  const long = words.filter(site => site.length >= CORRECTED_LETTERS)
  return nearest(word, long)?.word ?? null
}

// Whether the site's `words` hold `word`, a word it starts, or another form of it.
function siteHas(words, word) {
  const stem = roughStem(word)
  return words.some(
    site => site.startsWith(word) || (site.startsWith(stem) && roughStem(site) === stem)
  )
}

// The first of `candidates` nearest to `word` within the edits allowed, and
// its distance; null if none is that near.
function nearest(word, candidates) {
  let best = null
  let bestDistance = allowedEdits(word) + 1
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - word.length) >= bestDistance) continue
    const distance = editDistance(word, candidate)
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best === null ? null : { word: best, distance: bestDistance }
}

// A reader's word as the data file's readers' terms spell it: a word no page
// uses and no term has, nearer to a one-word term than to any word of the
// site, is that term misspelled ("counceling" is "counseling", which pages
// call psychological support); any other word is left as typed (siteWordFor
// then takes it to the site's nearest word).
async function termSpelling(word, readers, language) {
  const terms = readers.terms[language] ?? {}
  if (
    word.length < CORRECTED_LETTERS ||
    !/^[a-z]+$/.test(word) ||
    readers.stop[language]?.has(word) ||
    termFor(word, terms, readers.stems[language] ?? new Map()) !== null
  ) {
    return word
  }
  const words = await wordsStartingWith(word[0], language)
  if (siteHas(words, word)) return word
  const oneWordTerms = Object.keys(terms).filter(term => term[0] === word[0] && !term.includes(" "))
  const term = nearest(word, oneWordTerms)
  const site = nearest(word, words)
  return term !== null && (site === null || term.distance < site.distance) ? term.word : word
}

// The alternatives of each concept as Pagefind should be asked them.
async function searchableConcepts(concepts, language) {
  return Promise.all(
    concepts.map(async concept => {
      const alternatives = await Promise.all(
        concept.alternatives.map(async words =>
          words === concept.typed && !words.includes(" ")
            ? siteWordFor(words, concept.alternatives.length === 1, language)
            : words
        )
      )
      return { ...concept, alternatives: [...new Set(alternatives.filter(Boolean))] }
    })
  )
}

// --- Results -----------------------------------------------------------------

// One page and its matching sections, shaped as Material's worker would send
// them. `found`: what each concept found on the page (Pagefind's page data).
function resultGroup(score, found, terms) {
  const data = found[0]
  const title = data.meta.title || data.url
  const page = {
    location: siteRelative(data.url),
    title: escapeHTML(title),
    // The page's description, not an excerpt: the excerpt of the page's top
    // could show the hidden reader terms (healthsite/search/terms.py).
    text: data.meta.description ? `<p>${escapeHTML(data.meta.description)}</p>` : "",
    score,
    terms,
  }
  // Sections: every heading with matches but the page's own title, whose
  // section holds the reader terms; its excerpt is the one of the concept
  // that weighs most there (Pagefind marks the page's own words in it).
  const sections = new Map()
  let total = 0
  for (const concept of found) {
    for (const sub of concept.sub_results) {
      if (sub.weighted_locations.length === 0) continue
      const weight = matchedWeight(sub)
      total += weight
      if (!sub.url.includes("#") || sub.title === title) continue
      const section = sections.get(sub.url) ?? { sub, weight: 0, best: 0 }
      section.weight += weight
      if (weight > section.best) Object.assign(section, { sub, best: weight })
      sections.set(sub.url, section)
    }
  }
  const items = [...sections.values()].map(({ sub, weight }) => ({
    location: siteRelative(sub.url),
    title: escapeHTML(sub.title),
    text: `<p>${sub.excerpt}</p>`,
    // Material shows a section beside the page when it scores as high as the
    // page (here: when it holds all of the page's matches), and folds the
    // others under "more on this page".
    score: score * (weight / (total || 1)),
    terms,
  }))
  items.sort((a, b) => b.score - a.score)
  return [page, ...items]
}
// Pagefind's results for one word, or for several as a phrase ("pain
// specialist", not every page with "pain" and "specialist"), or all of them
// anywhere on a page if Pagefind finds no such phrase ("x ray" for "X-ray").
// A phrase's pages are ranked as the words' are: Pagefind scores every page
// of a phrase alike, and does not say which hold it in their title or names.
async function searchWords(module, words) {
  if (!words.includes(" ")) return module.search(words)
  const [phrase, anywhere] = await Promise.all([module.search(`"${words}"`), module.search(words)])
  if (phrase.results.length === 0) return anywhere
  const holding = new Set(phrase.results.map(result => result.id))
  return { results: anywhere.results.filter(result => holding.has(result.id)) }
}

// Whether Pagefind matched the words in a page's title or names (the `names`
// field: healthsite/search/terms.py), which it reports for every page found,
// before any fragment is fetched.
// A page's title says what it is about; its names field holds its other names
// and the signs it lists (front matter), one of many a condition page lists:
// a word there counts three quarters as much (a half lost the CRPS page's
// symptoms among 1,000 near-copies). Among 1,000 pages of other conditions,
// one that listed "morven sprained" among its signs came before the CRPS
// page for "can you get crps from a sprained ankle".
const KNOWN_BY_FIELDS = { title: 1, names: 0.75 }
export function knownByWeight(fields) {
  return Math.max(0, ...(fields ?? []).map(field => KNOWN_BY_FIELDS[field] ?? 0))
}

// A page's real signs are described in its text too (the CRPS page lists
// "swelling" and says it in its "Symptoms"). A word of a page's names that is
// only part of one of them, and that the page says nowhere else (once on the
// page: in the list), counts half. Among 1,000 generated pages, whose made-up
// signs pair everyday words ("gripes harewood", "denting shirt"), those came
// first for "cant grip a pen long enough to sign my name" and "my shirt  // codespell:ignore
// sleeve is damp on the side with the bad arm". A word of the title, or a
// whole name ("Fosamax", another name the medicines page does not use in its
// text), counts fully; so does a word a readers' term gives for the reader's
// (data/search_terms.yml), written to name the pages that describe the sign:
// "hotter" is "temperature", which the CRPS page lists ("skin temperature
// changes") where its text says "warmer" and "colder". Judged on the whole
// seen set at 23 and 1,023 pages (benchmarks/README.md, "Search: lay words
// at 1,000 pages").
const UNSAID_NAME = 0.5
// A word of a page's names that is the only one of the reader's words the
// page holds counts half too (with UNSAID_NAME, a quarter). A reader who
// describes what they feel in many everyday words ("hand sensitive to cold
// air from the fridge", "my ankle goes from pink to gray through the day")
// names, with one of them, some condition among a library's thousand whose
// signs or other names hold it ("fridge", "ankle"); that page says nothing
// else the reader said, where the page that answers holds several of their
// words. The
// page's title and its whole names count fully, as above ("ketamine" for the
// ketamine page, whatever else the reader asks), and so does a query of one
// word. "Holds": the page's share of another of the reader's words (of the
// best page's Pagefind score for it, pagesFound) is over LONE_SHARE; a word
// said once in passing does not count. Judged leave-one-part-out on the set
// (benchmarks/README.md, "Search: a page named by one of the reader's words
// alone").
const LONE_NAME = 0.5
const LONE_SHARE = 0.2
// `known`: knownByWeight's; `occurrences`: how often the page holds the word
// (Pagefind's word positions, its names list included); `whole`: whether the
// word is one of the page's names, whole (pagesNamed); `alone`: whether it is
// the only one of the reader's words the page holds (aloneOnPage).
export function listedWeight(known, occurrences, whole, alone = false) {
  if (known >= KNOWN_BY_FIELDS.title || whole) return known
  return known * (occurrences < 2 ? UNSAID_NAME : 1) * (alone ? LONE_NAME : 1)
}

// Whether the reader's word `index` is the only one of theirs (when they
// typed more than one) that a page holds, by its `shares` of each (pagesFound).
export function aloneOnPage(shares, index) {
  return shares.length > 1 && !shares.some((share, other) => other !== index && share > LONE_SHARE)
}

// Pagefind matches a word as the start of a longer one, in names too: "arm"
// named the pages called "armoires" and "armed" among 1,000, which then came
// first for "my arm doesnt feel like mine" (benchmarks/README.md). So a page  // codespell:ignore
// a concept names is checked against its title and names: it counts only if
// they hold each of the concept's words, or another form of it (sameWord).
// A concept that names more pages than this is left as Pagefind says (it
// names too many pages to count for much).
const CHECKED_NAMED_PAGES = 25

// Whether two words differ at most in a common ending ("child", "children";
// "stimulator", "stimulation"), not one a word inside the start of the other
// ("arm", "armoires", "armond").
// Per language (a rule of English endings lost the Spanish set two queries).
// Spanish: gender and number, participles, and the endings of nouns made of
// verbs and adjectives ("hinchada" and "hinchazon" are one, as they are to
// Pagefind's stemmer). Before it was written, Spanish pages were left as
// Pagefind says, and among 1,000 pages a generated page whose names held a
// longer word starting with the reader's came first (i23-rank6: +3 first
// among near-copies and among other conditions, +2 at 23 pages).
const ENDINGS = {
  en: /^(s|es|ies|e|ed|d|ing|er|ers|or|ors|ion|ions|ation|ations|ity|ly|y|ren)?$/,
  es: /^(s|es|a|as|o|os|e|da|das|do|dos|ada|adas|ado|ados|ida|idas|ido|idos|zon|zones|cion|ciones|miento|mientos|ar|er|ir|ando|iendo|ez|eza|ura|uras|dad|dades|mente|ante|antes|ente|entes)?$/,
}
// A short word takes only a plural ending: "foot" is not "footer", nor "arm"
// "armed" (names of generated pages among 1,000 that came first for "foot"
// and "arm"); "child" and "children", "swell" and "swelling" stay one.
const SHORT_COMMON = 5
const PLURAL = /^(s|es)?$/
function sameWord(a, b, ending) {
  let common = 0
  while (common < a.length && common < b.length && a[common] === b[common]) common++
  const endings = common < SHORT_COMMON ? PLURAL : ending
  return (
    common >= Math.min(3, a.length, b.length) &&
    endings.test(a.slice(common)) &&
    endings.test(b.slice(common))
  )
}

// sameWord for English words (tests/test_search_ranking.py asks it).
export const sameEnglishWord = (a, b) => sameWord(a, b, ENDINGS.en)
// sameWord for Spanish words (tests/test_search_ranking.py asks it).
export const sameSpanishWord = (a, b) => sameWord(a, b, ENDINGS.es)

// The words of the pages' titles and names that start with `letter`, each
// with the pages (Pagefind's ids) whose title or names hold it
// (search/known-by/<language>/<letter>.json, healthsite/search/known_by.py:
// written from the fragments, whose fetch after the last key was most of a
// phone's wait at 1,000 pages). Fetched with the first word typed that
// starts with the letter.
const knownByFiles = new Map()
function knownByStartingWith(letter, language) {
  return fetchOnce(knownByFiles, `search/known-by/${language}/${letter}.json`, async response =>
    response.ok ? response.json() : {}
  )
}

// The pages whose title or names hold each word of `words` (Pagefind's ids):
// a word is held by a word of the title or names that differs from it at most
// in an ending (sameWord, which also wants their first letters alike).
async function pagesNamedBy(words, language) {
  let pages = null
  for (const word of words.split(" ")) {
    const named = await knownByStartingWith(word[0], language)
    const holding = new Set()
    for (const [name, ids] of Object.entries(named)) {
      if (sameWord(word, name, ENDINGS[language])) ids.forEach(id => holding.add(id))
    }
    pages = pages === null ? holding : new Set([...pages].filter(id => holding.has(id)))
  }
  return pages ?? new Set()
}

// What each concept found, page by page: [{id, hits: [result or undefined],
// shares: [its share of the best page's score], knownBy: [how much the page's
// title or names hold it], coverage}], and for each concept, how many pages
// are known by it and how many hold it at all.
async function pagesFound(module, concepts, language) {
  const found = new Map()
  const searches = concepts.flatMap((concept, index) =>
    concept.alternatives.map(async words => ({
      index,
      search: await searchWords(module, words),
      // A readers' term's word for the pages' (listedWeight: counted as said).
      term: concept.pagesWords?.includes(words) ?? false,
    }))
  )
  for (const { index, search, term } of await Promise.all(searches)) {
    // Each concept counts as much: a page's score for it is its share of the
    // best page's (1 for the page that holds it most), so that a word every
    // page mentions once does not outweigh the one the reader came for. Each
    // of its words is compared with its own best page: Pagefind's scores of
    // two words do not compare ("injection" on a page of injections scored
    // 37, "nerve block" on the nerve blocks page 2), and the page that holds
    // the pages' word most is as good an answer as the page that holds the
    // reader's.
    const best = Math.max(0, ...search.results.map(result => result.score)) || 1
    for (const result of search.results) {
      const page = found.get(result.id) ?? {
        hits: Array(concepts.length),
        shares: Array(concepts.length).fill(0),
        knownBy: Array(concepts.length).fill(0),
        said: Array(concepts.length).fill(0),
        id: result.id,
      }
      const share = result.score / best
      if (!page.hits[index] || share > page.shares[index]) {
        page.hits[index] = result
        page.shares[index] = share
      }
      const known = knownByWeight(result.matchedMetaFields)
      page.knownBy[index] = Math.max(page.knownBy[index], known)
      // How often the page says the words that name it (listedWeight).
      if (known > 0) page.said[index] = Math.max(page.said[index], term ? Infinity : result.words.length)
      found.set(result.id, page)
    }
  }
  const pages = [...found.values()].map(page => ({
    ...page,
    coverage: page.hits.filter(Boolean).length,
  }))
  await checkKnownBy(pages, concepts, language)
  const known = concepts.map((_, index) => pages.filter(page => page.knownBy[index]).length)
  const holding = concepts.map((_, index) => pages.filter(page => page.hits[index]).length)
  return { pages, known, holding }
}

// Each page Pagefind says a concept names, checked against the page's title
// and names, when the concept names few enough pages. Each word's file is
// fetched as the reader types it, whether it names pages or not, so that the
// last key finds it in hand.
async function checkKnownBy(pages, concepts, language) {
  if (!Object.hasOwn(ENDINGS, language)) return
  const files = concepts.flatMap(concept =>
    concept.alternatives.flatMap(words =>
      words.split(" ").map(word => knownByStartingWith(word[0], language))
    )
  )
  await Promise.all(files)
  for (const [index, concept] of concepts.entries()) {
    const named = pages.filter(page => page.knownBy[index])
    if (named.length === 0 || named.length > CHECKED_NAMED_PAGES) continue
    const holding = new Set()
    for (const words of concept.alternatives) {
      for (const id of await pagesNamedBy(words, language)) holding.add(id)
    }
    named.forEach(page => {
      page.knownBy[index] *= holding.has(page.id)
    })
  }
}

// A reader who describes signs in a part of the body ("my hand feels like
// its melting", "pie frio y morado") and names no treatment, test, person or
// part of life wants a condition page, which describes the signs: the
// guides and treatment pages mention hands and burning too. Such a query
// counts CONDITION_WEIGHT more for every page of the library's conditions
// section (search/conditions/<language>.json, written by the build:
// healthsite/search/known_by.py), before the cut to the MAX_PAGES best; which
// condition, the words decide. Tuned on the set's seen parts at 23 and 1,023
// pages (benchmarks/README.md, "Search: the condition page for signs in the
// body").
const CONDITION_WEIGHT = 1.5
const BODY_PART = {
  en: /^(hands?|feet|foot|arms?|legs?|fingers?|toes?|knees?|wrists?|ankles?|elbows?|shoulders?|heels?|thumbs?|skin|hips?|calf|calves|shins?|palms?|kneecap|pinky|limbs?)$/,
  es: /^(manos?|pies?|brazos?|piernas?|dedos?|rodillas?|munecas?|tobillos?|codos?|hombros?|talon(es)?|pulgar(es)?|piel|cadera|pantorrillas?|palmas?|extremidad(es)?)$/,  // codespell:ignore
}
// Words of what the other pages are about: treatments, tests, doctors,
// studies, work, school and children.
const OTHER_TOPIC = {
  en: /^(treat\w*|medicines?|meds|drugs?|pills?|shots?|injections?|blocks?|stimulat\w*|ketamine|therap\w*|physio|surgery|operation|tests?|testing|xrays?|mri|doctors?|study|studies|trials?|insurance|work|job|school|child|children|kids?|son|daughter|diagnos\w*)$/,
  es: /^(tratamientos?|medicinas?|medicamentos?|pastillas?|inyecci\w*|bloqueos?|estimulador\w*|ketamina|terapias?|cirugia|operacion|pruebas?|rayos|resonancia|doctor\w*|medicos?|estudios?|seguro|trabajo|escuela|hij[oa]s?|nin[oa]s?|diagnos\w*)$/,  // codespell:ignore
}
export function describesSigns(words, language) {
  const body = BODY_PART[language]
  const other = OTHER_TOPIC[language]
  return Boolean(body) && words.some(word => body.test(word)) && !words.some(word => other.test(word))
}

// The library's condition pages in the reader's language (Pagefind's ids)
// when the reader describes signs (describesSigns), else none. The list is
// fetched only for such a query.
const conditionFiles = new Map()
async function conditionPages(words, language) {
  if (!describesSigns(words, language)) return new Set()
  const ids = await fetchOnce(conditionFiles, `search/conditions/${language}.json`, async response =>
    response.ok ? response.json() : []
  )
  return new Set(ids)
}

// How many pages the site has (Pagefind's entry file, which it has fetched already).
let pageCount = null
function loadPageCount() {
  if (pageCount === null) {
    pageCount = fetch(siteFile("pagefind/pagefind-entry.json"))
      .then(response => response.json())
      .then(entry => Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0))
    pageCount.catch(() => {
      pageCount = null
    })
  }
  return pageCount
}

// How many of the concepts that `telling` keeps name a page by one of its
// names or symptoms, as a function of the page's id; all of them when the
// reader's words together are one ("reflex sympathetic dystrophy").
async function pagesNamed(concepts) {
  const namedBy = await Promise.all(
    concepts.map(async concept => {
      const pages = new Set()
      for (const words of concept.alternatives) {
        const names = await namesStartingWith(words[0])
        if (Object.hasOwn(names, words)) names[words].forEach(path => pages.add(path))
      }
      return pages
    })
  )
  const whole = concepts.map(concept => concept.typed).join(" ")
  const names = await namesStartingWith(whole[0])
  const wholly = new Set(Object.hasOwn(names, whole) ? names[whole] : [])
  const named = (id, telling) =>
    wholly.has(id)
      ? concepts.length
      : namedBy.filter((pages, index) => telling[index] && pages.has(id)).length
  // The pages each concept names, by one of their names (listedWeight).
  named.by = namedBy
  return named
}

// Where each page's headings start, in Pagefind's word positions
// (search/sections/<language>.json, healthsite/search/known_by.py): {page id:
// [positions]}. Fetched with the first query.
const sectionFiles = new Map()
function headingsOf(language) {
  return fetchOnce(sectionFiles, `search/sections/${language}.json`, async response =>
    response.ok ? response.json() : {}
  )
}

// The sections of a page that hold the word positions `words` of one of
// Pagefind's results (by their heading's index; -1 before the first), as
// Pagefind's sub-results of its fragment would (calculate_sub_results in
// pagefind.js: a position, in the order given, stays in the section of the
// one before it unless it is at or past the next heading).
function sectionsHolding(words, headings) {
  const held = new Set()
  let current = -1
  for (const location of words) {
    while (current + 1 < headings.length && location >= headings[current + 1]) current++
    held.add(current)
  }
  return held
}

// A page's sections that hold each concept, as `together` reads them from
// its data (pageData), without its fragment.
function sectionsFound(page, headings) {
  return page.hits.flatMap((hit, index) =>
    hit
      ? [
          {
            index,
            sub_results: [...sectionsHolding(hit.words, headings)].map(section => ({
              url: section,
              weighted_locations: [section],
            })),
          },
        ]
      : []
  )
}

// A page's score for its text: each concept's share (of the best page's
// Pagefind score for it), by how few pages hold it (rare, 0 to 1). The square
// root of a share: a page holding two of the reader's words a little comes
// before one holding one of them strongly and nothing of the other (among
// 1,000 pages, a page "about" one word the reader typed came before the
// page that holds all of them).
export function textScore(shares, rare) {
  return shares.reduce((sum, share, index) => sum + Math.sqrt(share) * rare[index], 0)
}

// How much of the reader's words one section of a page holds together: the
// best section's share of the concepts, each by how few pages hold it (rare).
// A page that answers says the reader's words in one place (the CRPS page's
// "Symptoms" for "stabbing pain in my hand"); one that only holds them here
// and there (a guide that mentions a hand, and pain elsewhere) does not.
// `found`: the page's data for each concept it matched (pageData).
export function together(found, rare) {
  const all = rare.reduce((sum, weight) => sum + weight, 0)
  if (all === 0) return 0
  const sections = new Map()
  for (const data of found) {
    for (const sub of data.sub_results) {
      if (sub.weighted_locations.length === 0) continue
      const held = sections.get(sub.url) ?? new Set()
      held.add(data.index)
      sections.set(sub.url, held)
    }
  }
  let best = 0
  for (const held of sections.values()) {
    best = Math.max(best, [...held].reduce((sum, index) => sum + rare[index], 0))
  }
  return best / all
}

// Pagefind's data of a page for each concept it matched. One at a time:
// Pagefind hands out one object per page and rewrites it on each call.
async function pageData(page) {
  const found = []
  for (const [index, hit] of page.hits.entries()) {
    if (!hit) continue
    const data = await hit.data()
    found.push({ ...data, index })
  }
  return found
}
// Whether the answer to a query covers every concept: the page shows help
// beside the results when it does not (search-help.js, which also names this
// channel).
const answers =
  typeof BroadcastChannel !== "undefined" ? new BroadcastChannel("healthsite-search-answers") : null
// The answer to `query`, shaped as Material's worker would send it, with the
// query's words (`query`: search-help.js marks the list that answers the
// words in the box); null once the reader has typed on (`isLatest()` false).
// `module`: Pagefind's; `language`: the pages' (their <html lang>, which the
// worker is given); `early`: called with the answer's first FIRST_PAGES pages
// once their fragments are in, when it has more.
export async function answer(module, query, isLatest, language = "en", early = () => {}) {
  const words = normalize(query)
  if (words.length === 0) return { items: [], query: "" }
  headingsOf(language).catch(() => {})
  const readers = await loadReadersWords()
  fetchAhead(words, readers, language)
  const spelled = await Promise.all(words.map(word => termSpelling(word, readers, language)))
  const concepts = await searchableConcepts(conceptsOf(spelled, readers, language), language)
  const [{ pages: found, known, holding }, named, total, condition] = await Promise.all([
    pagesFound(module, concepts, language),
    pagesNamed(concepts),
    loadPageCount(),
    conditionPages(words, language),
  ])
  // A word in most pages' titles or names ("crps" on this site) says little
  // about which page the reader wants: it does not count among the names
  // below, unless every word of the query is such a word.
  const telling = known.map(pages => pages <= total / 2)
  if (!telling.some(Boolean)) telling.fill(true)
  // Material asks at every keystroke: fetch result fragments for the latest
  // query only (the index chunks fetched for the others are cached).
  if (!isLatest()) return null
  // The best pages by their shares of the reader's concepts (pagesFound):
  // a page holding most of them comes before one holding a few, and one
  // holding a concept strongly before one that mentions it in passing. Each
  // concept in the page's title or names (its symptoms, its other names)
  // counts more, as Material's boost put such pages first (1,000 times a word
  // of the text): Pagefind's weights stop at 10, and a word that every page
  // uses counts for little in its scores (among 1,000 pages about pain,
  // "burning pain" scored CRPS 1.49 and a page that only mentions it 1.48).
  // It counts by how few pages it names (its idf, 0 to 1): "swelling", which
  // names the CRPS page alone, fully; "crps", in most titles here, little.
  // Pagefind says which results matched in their title or names for every
  // page it finds, so this counts before the cut to the MAX_PAGES best (it
  // was read from the fragments of those 10 alone, and the CRPS page often
  // fell outside them among 1,000 pages that use its words).
  // The page's text counts likewise, each concept by how few pages hold it
  // at all (its idf, 0 to 1): a word on every page ("pain" here) says
  // nothing of which page the reader wants, and among 1,000 pages the one
  // that held "pain" and "back" most came before the nerve blocks page for
  // "pain doctor shots in my back" when each concept counted alike.
  const rarity = pages => (pages > 0 ? Math.log(total / pages) / Math.log(total) : 0)
  const specific = known.map(rarity)
  const rare = holding.map(rarity)
  found.forEach(page => {
    page.listed = page.knownBy.reduce(
      (sum, known, index) =>
        sum +
        listedWeight(
          known,
          page.said[index],
          named.by[index].has(page.id),
          aloneOnPage(page.shares, index)
        ) *
          specific[index],
      0
    )
    page.score = textScore(page.shares, rare)
    page.rank =
      page.score + KNOWN_BY_WEIGHT * page.listed + CONDITION_WEIGHT * condition.has(page.id)
  })
  found.sort((a, b) => b.rank - a.rank)
  const best = found.slice(0, MAX_PAGES)
  const headings = await headingsOf(language)
  // Then a concept that names the page exactly counts half more ("crps"
  // names the CRPS page; "CRPS in children" only holds the word). Tried on
  // the set's tuning part (benchmarks/search_queries.yml; the figures are in
  // benchmarks/README.md).
  const ranked = best.map(page => ({
    ...page,
    named: named(page.id, telling),
  }))
  ranked.forEach(page => {
    page.rank +=
      page.named / 2 + TOGETHER_WEIGHT * together(sectionsFound(page, headings[page.id] ?? []), rare)
  })
  ranked.sort((a, b) => b.rank - a.rank)
  // No page holds every concept: the page offers help beside the results.
  const complete = ranked.some(page => page.coverage === concepts.length)
  answers?.postMessage({ type: "answer", query: words.join(" "), complete })
  // The ranking is done: only the shown pages' fragments are fetched, the
  // first pages' alone first (on a phone's few connections and slow CPU the
  // others' would come between), and the first pages are shown once theirs
  // are in. The others' only for the latest query: the reader who typed on
  // is waiting for the next query's.
  const data = fetched(ranked.slice(0, FIRST_PAGES))
  const shown = async pages => ({
    items: await resultItems(pages, concepts, data),
    query: words.join(" "),
  })
  if (ranked.length > FIRST_PAGES) {
    const first = await shown(ranked.slice(0, FIRST_PAGES))
    if (!isLatest()) return null
    early(first)
    data.push(...fetched(ranked.slice(FIRST_PAGES)))
  }
  return shown(ranked)
}

// The readers' terms the reader may be in the middle of typing (the last
// words typed begin at most AHEAD_TERMS of them, in at least AHEAD_LETTERS
// letters): the names and known-by files of their pages' words are fetched
// now, so that the last key finds them in hand. "ketamine dri" may become
// "ketamine drip", whose pages' word is "infusion": without this, the "i"
// files came after the last key, a round trip on a phone.
const AHEAD_LETTERS = 2
const AHEAD_TERMS = 8
function fetchAhead(words, readers, language) {
  const terms = readers.terms[language] ?? {}
  const letters = new Set()
  for (let n = 1; n <= Math.min(readers.longest, words.length); n++) {
    const typed = words.slice(-n).join(" ")
    if (typed.length < AHEAD_LETTERS) continue
    const begun = Object.keys(terms).filter(term => term.startsWith(typed))
    if (begun.length > AHEAD_TERMS) continue
    for (const term of begun) {
      terms[term].forEach(alternative => alternative.split(" ").forEach(word => letters.add(word[0])))
    }
  }
  for (const letter of letters) {
    namesStartingWith(letter).catch(() => {})
    if (Object.hasOwn(ENDINGS, language)) knownByStartingWith(letter, language).catch(() => {})
  }
}

// pageData of each of `pages`, fetched at once. A failure is the answer's,
// through resultItems' await, not each page's again.
function fetched(pages) {
  return pages.map(page => {
    const data = pageData(page)
    data.catch(() => {})
    return data
  })
}

// The result groups of `pages` (the first of the ranked pages), given their
// data (pageData's promises, in the same order).
async function resultItems(pages, concepts, data) {
  const found = await Promise.all(data.slice(0, pages.length))
  // Scores never rise down the list: Material's Enter key opens the page
  // with the highest score, which must be the first one shown.
  let ceiling = Infinity
  return pages.map((page, i) => {
    ceiling = Math.min(page.rank, ceiling)
    // The reader's own words, each marked found or not on this page
    // (Material lists those not found under "Missing").
    const terms = Object.fromEntries(
      concepts.map((concept, index) => [concept.typed, Boolean(page.hits[index])])
    )
    return resultGroup(ceiling, found[i], terms)
  })
}

// Fetched with this module, before the first query needs them.
loadReadersWords().catch(() => {})
