/*
 * What the search box shows beside its results (README, "Search").
 *
 * - When no page holds all of the reader's words (or none holds any), a kind
 *   note with the A to Z and the CRPS page's "When to get help". The worker
 *   says so for each query it answers (search-readers.js, on the
 *   "healthsite-search-answers" channel: Material keeps its worker to itself).
 * - When the words suggest danger (self-harm, an overdose, chest pain, not
 *   being able to breathe, an arm or leg suddenly cold, pale, numb or weak,
 *   a limb in a cast that goes numb or blue), the 911 and 988 line first,
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
  // Read on normalized words (lowercase, no apostrophes: "can't" is "cant",  // codespell:ignore
  // no accents: "simpática" is "simpatica"), as search-readers.js reads them
  // and says which query it answered (normalize there; this script is part
  // of every first visit, that module is not).
  const DANGER = new RegExp(
    "\\b(" +
      [
        // The reader, or someone they speak of ("my husband wants to hurt himself").
        "kill(s|ing)? (my ?self|me|him ?self|her ?self|them ?sel(f|ves))",
        "suicid[a-z]*",
        "self ?harm[a-z]*",
        // "hurting", "harming", "cutting": each verb's own -ing form.
        "(hurt(s|ing)?|harm(s|ing)?|cut(s|ting)?) (my|him|her|them|your) ?sel(f|ves)",
        "end(ing)? (it all|my life)",
        "want(s|ed)? to die",
        "(dont|do not|doesnt|does not|no longer) want to (be alive|live|be here)",  // codespell:ignore
        "better off dead",
        "(better off|happier) without me",
        "(no one|nobody) would (miss|care about) me",
        "wish (i|he|she) (was|were) dead",
        "no reason to live",
        "want(s|ed)? to disappear",
        "(dont|do not|never) want to wake up",  // codespell:ignore
        // Cannot be woken (Poison Help's 911 sign), too much of a medicine.
        "(wont|will not|cant|cannot|can not|couldnt|not) wak(e|ing)( (him|her|them|me))? up",  // codespell:ignore
        "(took|taken|swallowed|had) too much",
        "swallowed( [a-z]+){0,3} (pills|tablets|meds|medicines?)",
        "(cant|cannot|can not) go on",  // codespell:ignore
        "overdos[a-z]*",
        // "too many sleeping pills", "too many pain meds"
        "too many( [a-z]+)? (pills|tablets|meds|medicines)",
        // "took a bunch of his amitriptyline on purpose", "took all her pills"
        "(took|taken|swallowed)( [a-z]+){1,6} on purpose",
        "(took|taken|swallowed) (all|a bunch|a lot|lots|the rest)( of)? (his|her|their|my|the|your) (pills|tablets|meds|medicines?|medication)",
        // "swallowed a whole bottle of pills"
        "(bottle|handful) of (pills|tablets|meds|medicines?)",
        "poison(ed|ing)?",
        "chest (pain|pains|tightness)",
        // A heart attack in a reader's words: "my chest feels tight".
        "chest( (is|feels|feel|gets|getting|going|so|very|really))* (tight|heavy|crushing|squeezing)",
        "(tight|heavy|crushing|squeezing|pressure|tightness) (in|on) (my|the|his|her|their) chest",
        // "sharp pain in my chest", "stabbing chest ache": a kind of pain is
        // also a readers' word for the CRPS page's burning pain, which would
        // otherwise answer every word.
        "(pain|pains|ache|aches|aching|hurts|hurting)( [a-z]+){0,2} chest",
        "chest( [a-z]+){0,2} (pain|pains|ache|aches|aching|hurts|hurting)",
        // A seizure going on (the medicines page lists it as a sign of an
        // overdose); not "seizing up" (stiff muscles) nor "gabapentin seizures".
        "(having|had|has) (a )?(seizure|seizures|convulsion|convulsions)",
        "convulsing",
        "heart attack",
        // A heart attack without the word "chest"; a throat closing
        // (an allergic reaction); a blood clot.
        "left arm( [a-z]+){0,4} jaw|jaw( [a-z]+){0,4} left arm",
        "throat( [a-z]+){0,3} (closing|swelling|swollen|tight)",
        "blood clots?",
        "(cant|cannot|can not|couldnt|hard to|trouble|difficulty) breath(e|ing)?",  // codespell:ignore
        "short(ness)? of breath",
        "not breathing",
        "gasping for (air|breath)",
        "(cant|cannot|can not) catch (my|his|her|their) breath",  // codespell:ignore
        "(lips|face) (are |is )?(turning |turned |going |gone |look |looks )?(blue|bluish|gray|grey)",  // codespell:ignore
        // A stroke (sudden weakness: adam_when_to_use_er; the words people know).
        "(face|mouth)( is)? (drooping|droopy)",
        "slurr(ed|ing) (speech|words)",
        "(having|had|has) a stroke",
        // An arm or leg that suddenly turns cold or pale, goes numb or weak,
        // or cannot be moved (data/warning_signs.yml, limb_cold_sudden: a
        // loss of blood flow; sudden weakness, adam_when_to_use_er).
        // "Sudden" is the contrast the site gives with CRPS's own changes.
        "(sudden|suddenly|all of a sudden|out of nowhere|all at once)( [a-z]+){0,4} (cold|coldness|ice cold|icy|pale|white|blue|bluish|purple|numb|numbness|dead|weak|weakness|cant move|cannot move|cant feel|cannot feel|lost feeling)",  // codespell:ignore
        "(cold|pale|white|blue|bluish|purple|numb|dead|weak)( [a-z]+){0,3} (suddenly|all of a sudden|out of nowhere|all at once)",
        // A limb in a cast or splint that hurts badly, goes numb, tingles,
        // turns cold, pale or blue, or whose fingers or toes cannot move
        // (cast_limb_emergency); not once the cast is off (NOT_NOW below).
        "(cast|splint)(?!( [a-z]+){0,3} (off|removed|removal))( [a-z]+){0,8} (numb|numbness|tingl[a-z]*|pins and needles|cold|pale|white|blue|bluish|purple|cant move|cannot move|cant wiggle|cant feel)",  // codespell:ignore
        "(numb|numbness|tingl[a-z]*|pins and needles|cold|pale|white|blue|bluish|purple|cant move|cannot move|cant wiggle|cant feel)( [a-z]+){0,8} ((in|under|inside) (a |my |the |his |her |their )?(cast|splint)|(cast|splint) on)",  // codespell:ignore
        "(severe|unbearable|excruciating|terrible|worst|bad) pain( [a-z]+){0,3} (in|under|inside) (a |my |the |his |her |their )?(cast|splint)",
        "(cast|splint)( [a-z]+){0,6} (hurts?|hurting|pain|painful)( [a-z]+){0,2} (so bad|so much|badly|unbearabl[ey]|terribl[ey])",
        // Spanish, read the same way ("daño" is "dano", "corazón" "corazon"):
        // self-harm, an overdose or poison, chest pain, not able to breathe.
        "(matar|lastimar)(me|se)",
        "(me |se |te )?(quiero|quiere|voy a|va a|vas a) (cortar|lastimar|matar)",  // codespell:ignore
        "cortar(me|se)? las venas",
        "no (quiero|quiere) despertar",
        "(quiero|quiere) desaparecer",
        "no despierta",
        "(sonrisa|boca|cara|labios?)( [a-z]+){0,4} torcid[ao]",
        "(duele|dolia|aprieta)( [a-z]+){0,2} pecho",
        "garganta( [a-z]+){0,3} (hincha[a-z]*|cierra|cerrando)|(hincha|cierra) la garganta",
        "coagulos?",
        "cortar(me|se)",
        // Going on now: "se está cortando", "lastimándose".
        "(me|se) (esta|estoy|sigue|sigo) (lastimando|cortando|matando)",
        "(lastimand|cortand|matand)o(me|se)",
        "quitar(me|se) la vida",
        "hacer(me|se) (dano|algo)",
        "(no quiero|ya no quiero|no quiere|ya no quiere) vivir",
        "(no quiero|ya no quiero|no quiere|ya no quiere) (seguir viviendo|estar viv[oa])",
        "(quiero|quiere) morir(me|se)?",
        "acabar con (todo|mi vida)",
        "sobredosis",
        "(se )?(tomo|tome|trago|trague)( [a-z]+){0,2} (todas|todos|un monton de|un punado de) (sus|mis|las|los|tus) (pastillas|pildoras|medicinas|medicamentos)",  // codespell:ignore
        "(se )?(tomo|tome|trago|trague)( [a-z]+){1,6} (a proposito|adrede)",
        "(estarian|estaran) mejor sin mi",
        "(demasiadas|muchas) (pastillas|medicinas|medicamentos)",
        // "se tomó un frasco entero de pastillas"
        "(frasco|bote|punado)( entero| completo)? de (pastillas|medicinas|medicamentos)",
        "(envenen|intoxic)[a-z]*",
        "dolor (en el|de|del) pecho",
        "pecho apretado",
        "(opresion|presion|apreton) (en el|del) pecho",
        // "dolor punzante en el pecho", "punzadas en el pecho"
        "(dolor|dolores|punzadas?|pinchazos?)( [a-z]+){0,2} (en el|del|de) pecho",
        "(tiene|tuvo|esta teniendo|le dio|le dan) (una |un )?(convulsion|convulsiones|ataque epileptico)",
        "convulsionando",
        "(ataque (al|de) corazon|infarto)",
        "no (puedo|puede|podia) respirar",
        "(me falta|falta de|le falta) (el )?aire",
        "(dificultad|problemas) para respirar",
        "no respira",
        "(se ahoga|me ahogo|ahogandose|ahogandome)",
        "labios (morados|azules|grises)",
        "(cara|boca) (caida|torcida)",
        "(habla|hablando) (arrastrando|enredado|trabado)",
        "(le dio|tiene|tuvo|esta teniendo) un (derrame|ataque cerebral)",
        // Un brazo o una pierna que de repente se pone frío o pálido, se
        // adormece o pierde fuerza, o no se puede mover; con yeso o férula.
        "(de repente|de pronto|repentinamente|de golpe|subitamente)( [a-z]+){0,4} (fri[oa]s?|helad[oa]s?|palid[oa]s?|blanc[oa]s?|azul(es)?|morad[oa]s?|adormecid[oa]s?|dormid[oa]s?|entumecid[oa]s?|debil(es)?|no (puedo|puede) (mover|sentir)(l[oa]s?)?|no (lo|la|los|las) (puedo|puede) (mover|sentir)|no (siento|siente)|se me (durmio|enfrio|adormecio))",
        "(fri[oa]s?|palid[oa]s?|blanc[oa]s?|azul(es)?|morad[oa]s?|adormecid[oa]s?|dormid[oa]s?|debil(es)?)( [a-z]+){0,3} (de repente|de pronto|de golpe)",
        "(debilidad|adormecimiento|entumecimiento|frialdad|palidez) (repentin|subit)[oa]",  // codespell:ignore
        "(yeso|ferula)(?!( [a-z]+){0,3} (quitaron|quito|retiraron|quitado|retirado|sacaron|saco))( [a-z]+){0,8} (adormec[a-z]*|dormid[oa]s?|entumec[a-z]*|hormigue[a-z]*|fri[oa]s?|palid[oa]s?|blanc[oa]s?|azul(es)?|morad[oa]s?|no (puedo|puede) mover(l[oa]s?)?|no (lo|la|los|las) (puedo|puede) mover|no (siento|siente))",
        "(adormec[a-z]*|dormid[oa]s?|entumec[a-z]*|hormigue[a-z]*|fri[oa]s?|palid[oa]s?|blanc[oa]s?|azul(es)?|morad[oa]s?|no (puedo|puede) mover(l[oa]s?)?)( [a-z]+){0,8} (con|en|bajo|debajo del?|dentro del?) ((el|la|mi|su|un|una) )?(yeso|ferula)",
        "(dolor (muy fuerte|intenso|insoportable|terrible)|duele (mucho|muchisimo|demasiado))( [a-z]+){0,3} (yeso|ferula)",
      ].join("|") +
      ")\\b"
  )
  // A cast already off is not a cast to worry about: "after the cast my hand
  // is cold and blue" is how CRPS often starts, and the pages answer it. The
  // words of a cast taken off are blanked before the rule reads the query.
  // (Not a lookbehind in DANGER: Safari before 16.4 cannot parse one, and the
  // whole line would then never show.)
  const CAST_OFF = new RegExp(
    "\\b(" +
      [
        "(after|since|post|without|out of)( (the|my|his|her|their|a))? (cast|splint)",
        "(despues del?|desde (el|la)|sin|tras( el| la)?)( (quitarme|quitarle|sacarme|sacarle|quitar|sacar))?( (el|la|mi|su))? (yeso|ferula)",
        "(quitaron|quito|quitarme|quitarle|quite|sacaron|saco|sacarme|sacarle|saque|retiraron|retiro)( (me|le|el|la|mi|su)){0,2} (yeso|ferula)",
      ].join("|") +
      ")\\b",
    "g"
  )
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
    const danger = typed !== "" && DANGER.test(typed.replace(CAST_OFF, " "))
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
