/*
 * Material's search box, answered by Pagefind (README, "Search").
 *
 * Material's bundle starts its search worker on every page and talks to it in
 * four messages: SETUP (the index), READY, QUERY (the text typed) and RESULT
 * (groups of a page and its sections). Material's own worker builds a lunr
 * index from search_index.json, which holds every page's text: at 1,000 pages
 * that is 1.5 MB gzip on every first visit. This worker answers the same
 * messages from Pagefind's index, which is split in chunks by word: nothing of
 * it is fetched until the reader reaches for the search box (search-intent.js)
 * or types a query, and then only the chunks and the result fragments that
 * the query needs. search_index.json holds only
 * Material's settings (hooks.py), which the bundle reads for highlighting.
 * How a query is read and its pages ranked (readers' own words, filler
 * words, misspellings) is search-readers.js, imported with Pagefind: this
 * file, which every page starts, stays small.
 *
 * Pagefind runs WebAssembly. It runs here, in a worker that a page of this
 * site starts: a policy in a page's <meta> tag does not govern a worker, so
 * the page's Content-Security-Policy needs no 'wasm-unsafe-eval'. A host that
 * sends the policy as an HTTP header must add 'wasm-unsafe-eval' to the
 * worker's script-src.
 */

const SETUP = 0
const READY = 1
const QUERY = 2
const RESULT = 3

let search = null // Pagefind's module and ours (search-readers.js), imported on the first query
// Pagefind's ranking: a page's length does not lower its scores (pageLength
// 0; Pagefind's default, 0.75, scores a word on a short page above the same
// word on a long one). A site's page on a condition is its longest, and holds
// the reader's symptoms among all the rest; the short guides that mention a
// hand or a fracture came before it ("one hand is always redder than the
// other"). Judged leave-one-part-out on the evaluation set's parts
// (benchmarks/README.md, i23-rank7).
const RANKING = { pageLength: 0 }
let latestQuery = 0 // Only the answer to the reader's latest query is sent

// The language of the pages searched: each language has its own index in the
// bundle (Pagefind splits it by <html lang>). Pagefind reads the language
// from the page's <html lang>, which a worker has none of: each page names
// its language in the worker's address (?lang=, healthsite/search/pagefind.py),
// and Pagefind is shown it as the one thing it reads of a document.
const language = new URL(self.location.href).searchParams.get("lang") || "en"
if (typeof document === "undefined") {
  self.document = { querySelector: () => ({ getAttribute: () => language }) }
}

function loadSearch() {
  if (search === null) {
    // This file is <site>/assets/javascripts/; Pagefind's bundle is <site>/pagefind/.
    const bundle = new URL("../../pagefind/", self.location.href)
    const pagefind = import(new URL("pagefind.js", bundle).href).then(async module => {
      // Result URLs are kept relative to the site (Material resolves them
      // against the page's base), so the site works under any path.
      await module.options({ baseUrl: "/", excerptLength: 24, ranking: RANKING })
      await module.init()
      return module
    })
    const readers = import(new URL("search-readers.js", self.location.href).href)
    search = Promise.all([pagefind, readers]).then(([module, ours]) => ({ module, ours }))
    // A failed load (the reader offline) is tried again at the next query.
    search.catch(() => {
      search = null
    })
  }
  return search
}

// The answer to query number `number`, or null once the reader has typed on.
// Its first pages are sent before it (search-readers.js, `early`), not marked
// final: Material renders each RESULT in place of the one before, and
// search-help.js marks the list when it shows a final answer.
async function answer(query, number) {
  // Material asks with an empty query as the page loads: nothing to load for it.
  if (query.trim() === "") return { items: [], query: "" }
  const { module, ours } = await loadSearch()
  const isLatest = () => number === latestQuery
  const early = data => {
    if (isLatest()) self.postMessage({ type: RESULT, data: { ...data, final: false } })
  }
  return ours.answer(module, query, isLatest, language, early)
}

// The page says when the reader reaches for the search box (search-intent.js):
// load Pagefind then, before the query, so that a query pasted at once does
// not wait for it. The reader may have reached before this worker listened (a
// message on a channel is lost to a listener that comes later): the worker
// says "started" once it listens, and a page whose reader has reached says
// "load" again.
if (typeof BroadcastChannel !== "undefined") {
  const intent = new BroadcastChannel("healthsite-search")
  intent.addEventListener("message", event => {
    if (event.data !== "load") return
    intent.close()
    loadSearch().catch(error => console.error("Search failed to load:", error))
  })
  intent.postMessage("started")
}

self.addEventListener("message", async event => {
  const message = event.data
  if (message.type === SETUP) {
    self.postMessage({ type: READY })
  } else if (message.type === QUERY) {
    const number = ++latestQuery
    let data
    try {
      data = await answer(message.data, number)
    } catch (error) {
      console.error("Search failed:", error)
      data = { items: [], query: null }
    }
    if (data !== null && number === latestQuery) {
      self.postMessage({ type: RESULT, data: { ...data, final: true } })
    }
  }
})
