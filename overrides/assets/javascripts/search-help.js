/*
 * What the search box shows beside its results (README, "Search").
 *
 * - When no page holds all of the reader's words (or none holds any), a kind
 *   note with the A to Z and the CRPS page's "When to get help". The worker
 *   says so for each query it answers (search-readers.js, on the
 *   "healthsite-search-answers" channel: Material keeps its worker to itself).
 * - When the words suggest danger (self-harm, an overdose, chest pain, not
 *   being able to breathe, a stroke, an arm or leg suddenly cold, pale, numb
 *   or weak, a limb in a cast that goes numb or blue, the site's other 911
 *   signs: the rule is search-danger.js), the 911 and 988 line first,
 *   whatever the results, and the kind note under it.
 *
 * Both notes are in the page, hidden (overrides/partials/search.html); this
 * script shows and hides them, and lets the Tab key reach their links: from
 * the search box, Tab walks the links of the notes shown (Shift+Tab back),
 * where Material's Tab would close the search (its arrow keys walk only the
 * results). Each note records the query it was last decided for
 * (data-query), which benchmarks/search_eval.py waits for.
 */
;(() => {
  const box = document.querySelector(".md-search__input")
  const meta = document.querySelector(".md-search-result__meta")
  const noAnswer = document.querySelector("[data-search-help='no-answer']")
  const emergency = document.querySelector("[data-search-help='emergency']")
  if (!box || !meta || !noAnswer || !emergency) return
  // The rule (search-danger.js, about 15 KB gzip minified) loads when the reader
  // reaches for the search box, not with the page: a first visit stays at
  // most 100 KB gzip. Until it is here, neither note is decided (data-query
  // stays as it was); words typed before it are read as soon as it comes.
  const ruleUrl = new URL("search-danger.js", document.currentScript.src).href
  let rule = null
  let loading = false

  function loadRule() {
    if (rule || loading) return
    loading = true
    const script = document.createElement("script")
    script.src = ruleUrl
    script.addEventListener("load", () => {
      rule = window.healthsiteDanger ?? null
      loading = false
      if (rule) update()
    })
    // Offline or a failed request: the next word typed asks again.
    script.addEventListener("error", () => {
      loading = false
      script.remove()
    })
    document.head.append(script)
  }

  // Read on normalized words (lowercase, no apostrophes: "can't" is "cant",  // codespell:ignore
  // no accents: "simpática" is "simpatica"), as search-readers.js reads them
  // and says which query it answered (normalize there; this script is part
  // of every first visit, that module is not).
  const normalize = text =>
    text
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/['\u2019]/g, "")
      .split(/[^a-z0-9]+/)
      .filter(Boolean)
      .join(" ")
  let answered = { query: "", complete: true }

  function update() {
    const typed = normalize(box.value)
    if (typed !== "" && !rule) {
      loadRule()
      return
    }
    const danger = typed !== "" && rule.danger.test(typed.replace(rule.castOff, " "))
    emergency.hidden = !danger
    emergency.dataset.query = typed
    if (typed === "") {
      noAnswer.hidden = true
      noAnswer.dataset.query = ""
    } else if (danger) {
      // Words of danger: the 911 and 988 line first, and under it, whatever
      // the results, the A to Z and "When to get help". No page here is about
      // self-harm, an overdose or chest pain, and the pages that hold such
      // words mostly hold them by chance ("thinking" and "ending" are on many
      // pages), so they are not an answer to a frightened reader.
      noAnswer.hidden = false
      noAnswer.dataset.query = typed
    } else if (answered.query === typed) {
      noAnswer.hidden = answered.complete
      noAnswer.dataset.query = typed
    }
  }

  if (typeof BroadcastChannel !== "undefined") {
    new BroadcastChannel("healthsite-search-answers").addEventListener("message", event => {
      if (event.data?.type !== "answer") return
      answered = event.data
      update()
    })
  }
  box.addEventListener("focus", loadRule)
  box.addEventListener("input", update)
  // Before Material's own keydown handler (on window, bubbling), which closes
  // the search on Tab, and takes focus back to the box on any other key
  // (Shift, of Shift+Tab, too). Focus in the box or on a note's link: the
  // search is open.
  window.addEventListener(
    "keydown",
    event => {
      const links = [emergency, noAnswer]
        .filter(note => !note.hidden)
        .flatMap(note => [...note.querySelectorAll("a[href]")])
      if (event.key === "Shift" && links.includes(document.activeElement)) {
        event.stopImmediatePropagation()
        return
      }
      if (event.key !== "Tab" || event.altKey || event.ctrlKey || event.metaKey) return
      const stops = [box, ...links]
      const at = stops.indexOf(document.activeElement)
      const next = at + (event.shiftKey ? -1 : 1)
      if (links.length === 0 || at === -1 || next < 0 || next >= stops.length) return
      event.preventDefault()
      event.stopImmediatePropagation()
      stops[next].focus()
    },
    true
  )
  // Material rewrites its line above the results on each answer and on reset.
  new MutationObserver(update).observe(meta, { childList: true, characterData: true, subtree: true })

  // The worker sends a query's first pages, then all of them (search-readers.js),
  // and Material renders each answer in place of the one before; its
  // components (window.component$) say so once the answer is on screen.
  // The list is marked when it shows the final answer to the words in the
  // box (data-answer: the box's text), which what reads the whole list waits
  // for (benchmarks/search_eval.py, the browser tests).
  const result = document.querySelector("[data-md-component='search-result']")
  if (!result || !window.component$) return
  // Material's arrow keys move focus through the results: the reader's
  // place among them, kept when the full answer replaces the first pages.
  const FOCUSABLE = "a[href], summary"
  let place = -1
  document.addEventListener("focusin", event => {
    place = [...result.querySelectorAll(FOCUSABLE)].indexOf(event.target)
  })
  // A page's "more on this page" the reader opened, by the page's link:
  // opened again when the full answer replaces the first pages.
  const pageOf = more => more.closest("li")?.querySelector("a[href]")?.getAttribute("href")
  const opened = new Set()
  // "toggle" does not bubble; the list hears it while it goes down.
  result.addEventListener(
    "toggle",
    event => {
      const href = event.target instanceof HTMLDetailsElement && pageOf(event.target)
      if (href) event.target.open ? opened.add(href) : opened.delete(href)
    },
    true
  )
  let shown = { query: null, final: true }
  window.component$.subscribe(component => {
    if (component.ref !== result || !Array.isArray(component.items)) return
    const completes = !shown.final && shown.query === component.query
    shown = component
    if (!completes) opened.clear()
    for (const more of result.querySelectorAll("details")) {
      if (opened.has(pageOf(more))) more.open = true
    }
    if (component.final && component.query === normalize(box.value)) {
      result.dataset.answer = box.value
    } else {
      delete result.dataset.answer
    }
    // The first pages are the full answer's first: the same link takes focus again.
    const lost = document.activeElement === null || document.activeElement === document.body
    if (completes && lost && place >= 0) result.querySelectorAll(FOCUSABLE)[place]?.focus()
  })
})()
