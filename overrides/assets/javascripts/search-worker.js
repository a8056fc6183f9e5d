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

// The best pages for a query; each costs the fetch of a small fragment.
const MAX_PAGES = 10
// Pagefind's weight of the readers' words (TERMS_WEIGHT in healthsite/search/terms.py).
const READER_TERMS_WEIGHT = 10

let pagefind = null // Pagefind's module, imported on the first query
let latestQuery = 0 // Only the answer to the reader's latest query is sent

function loadPagefind() {
  if (pagefind === null) {
    // This file is <site>/assets/javascripts/; Pagefind's bundle is <site>/pagefind/.
    const bundle = new URL("../../pagefind/", self.location.href)
    pagefind = import(new URL("pagefind.js", bundle).href).then(async module => {
      // Result URLs are kept relative to the site (Material resolves them
      // against the page's base), so the site works under any path.
      await module.options({ baseUrl: "/", excerptLength: 24 })
      await module.init()
      return module
    })
    // A failed load (the reader offline) is tried again at the next query.
    pagefind.catch(() => {
      pagefind = null
    })
  }
  return pagefind
}

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

// One page and its matching sections, shaped as Material's worker would send them.
function resultGroup(score, data, terms) {
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
  // section holds the reader terms.
  const matched = data.sub_results.filter(sub => sub.weighted_locations.length > 0)
  const total = matched.reduce((sum, sub) => sum + matchedWeight(sub), 0) || 1
  const sections = matched.filter(sub => sub.url.includes("#") && sub.title !== title)
  const items = sections.map(sub => ({
    location: siteRelative(sub.url),
    title: escapeHTML(sub.title),
    text: `<p>${sub.excerpt}</p>`,
    // Material shows a section beside the page when it scores as high as the
    // page (here: when it holds all of the page's matches), and folds the
    // others under "more on this page".
    score: score * (matchedWeight(sub) / total),
    terms,
  }))
  items.sort((a, b) => b.score - a.score)
  return [page, ...items]
}

// The answer to query number `number`, or null once the reader has typed on.
async function answer(query, number) {
  const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean)
  if (words.length === 0) return { items: [] }
  const module = await loadPagefind()
  const search = await module.search(query)
  // Material asks at every keystroke: fetch result fragments for the latest
  // query only (the index chunks fetched for the others are cached).
  if (number !== latestQuery) return null
  const best = search.results.slice(0, MAX_PAGES)
  const pages = await Promise.all(best.map(result => result.data()))
  const terms = Object.fromEntries(words.map(word => [word, true]))
  // Pages that list the words among their names or symptoms come first, as
  // Material's boost put them (1,000 times a word of the text). Pagefind's
  // weights stop at 10, and a word that every page uses counts for little:
  // among 1,000 pages about pain, "burning pain" scored CRPS 1.49 and a page
  // that only mentions it 1.48. Otherwise Pagefind's order stands.
  const ranked = best.map((result, i) => ({
    score: result.score,
    data: pages[i],
    listed: pages[i].weighted_locations.some(found => found.weight >= READER_TERMS_WEIGHT),
  }))
  ranked.sort((a, b) => Number(b.listed) - Number(a.listed))
  // Scores never rise down the list: Material's Enter key opens the page
  // with the highest score, which must be the first one shown.
  let ceiling = Infinity
  return {
    items: ranked.map(({ score, data }) => {
      ceiling = Math.min(score, ceiling)
      return resultGroup(ceiling, data, terms)
    }),
  }
}

// The page says when the reader reaches for the search box (search-intent.js):
// load Pagefind then, before the query, so that a query pasted at once does
// not wait for it.
if (typeof BroadcastChannel !== "undefined") {
  const intent = new BroadcastChannel("healthsite-search")
  intent.addEventListener("message", () => {
    intent.close()
    loadPagefind().catch(error => console.error("Search failed to load:", error))
  })
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
      data = { items: [] }
    }
    if (data !== null && number === latestQuery) self.postMessage({ type: RESULT, data })
  }
})
