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
 *
 * The reader can reach before the worker listens: its script is fetched and
 * run on a thread of its own, which can end after the page's scripts have run
 * (on a slow phone or network, or a busy machine: up to half a second after
 * on the test machine). A message sent then reaches no one (a channel keeps
 * no message for a listener to come). So the worker says "started" once it
 * listens, and the page tells it again if the reader has already reached.
 * The first worker heard starting is taken for this page's own. It can be
 * another tab's (this page's own started before this script ran, or two
 * pages load at once): that tab then loads Pagefind early, as open tabs do
 * when the reader reaches; at worst this page's own loads it at the first
 * query, as it did before.
 */
;(() => {
  if (typeof BroadcastChannel === "undefined") return
  const SEARCH = ".md-search, label[for='__search']"
  const KEYS = ["f", "s", "/"]
  const CHANNEL = "healthsite-search"
  let reached = false

  function tellWorker() {
    const channel = new BroadcastChannel(CHANNEL)
    channel.postMessage("load")
    channel.close()
  }

  function reachesForSearch() {
    if (reached) return
    reached = true
    tellWorker()
  }

  const starts = new BroadcastChannel(CHANNEL)
  starts.addEventListener("message", event => {
    if (event.data !== "started") return
    starts.close()
    if (reached) tellWorker()
  })

  function reaches(event) {
    return event.target instanceof Element && event.target.closest(SEARCH) !== null
  }

  for (const type of ["pointerdown", "focusin"]) {
    document.addEventListener(type, event => reaches(event) && reachesForSearch(), {
      capture: true,
      passive: true,
    })
  }
  document.addEventListener("keydown", event => {
    const typing = event.target instanceof Element && event.target.closest("input, textarea, [contenteditable]")
    if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && KEYS.includes(event.key)) {
      reachesForSearch()
    }
  })
})()
