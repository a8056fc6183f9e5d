/*
 * Search starts loading when the reader reaches for it (README, "Search").
 *
 * Pagefind (its script, WebAssembly and entry files: about 40 KB gzip) is not
 * part of a first visit. search-worker.js loads it when a query arrives, which
 * is soon enough when the reader types (the first letters load it), but a
 * query pasted at once had to wait for all of it. This script tells the
 * worker as soon as the reader shows they are about to search: a touch, click
 * or focus on the search box or the search button, or Material's search keys
 * (f, s, /). Material keeps its worker to itself, so the message goes on a
 * BroadcastChannel the worker listens to. Other open tabs of the site hear it
 * too; their workers then load Pagefind early, mostly from the browser's cache.
 */
;(() => {
  if (typeof BroadcastChannel === "undefined") return
  const SEARCH = ".md-search, label[for='__search']"
  const KEYS = ["f", "s", "/"]
  let told = false

  function tellWorker() {
    if (told) return
    told = true
    const channel = new BroadcastChannel("healthsite-search")
    channel.postMessage("load")
    channel.close()
  }

  function reaches(event) {
    return event.target instanceof Element && event.target.closest(SEARCH) !== null
  }

  for (const type of ["pointerdown", "focusin"]) {
    document.addEventListener(type, event => reaches(event) && tellWorker(), {
      capture: true,
      passive: true,
    })
  }
  document.addEventListener("keydown", event => {
    const typing = event.target instanceof Element && event.target.closest("input, textarea, [contenteditable]")
    if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && KEYS.includes(event.key)) {
      tellWorker()
    }
  })
})()
