/*
 * The words that show the 911 and 988 line in the search box (README,
 * "Search"). search-help.js loads this file when the reader reaches for the
 * search box, and reads the typed words with it as normalized words
 * (lowercase, no apostrophes: "can't" is "cant", no accents: "simpática" is  // codespell:ignore
 * "simpatica"). Not part of a first visit: with the rule, the Spanish CRPS
 * page's first visit was over its 100 KB gzip (tests/test_first_visit.py).
 *
 * No lookbehind anywhere (Safari before 16.4 cannot parse one, and the whole
 * line would then never show); lookaheads are fine.
 *
 * Two ways to read danger: phrases (two patterns for English, one for
 * Spanish), and pairs of kinds of words anywhere in the query (KINDS and
 * PAIRS, below the phrases), which read the same danger in words a phrase did
 * not foresee. Each pattern under 20,480 characters: V8 (Chrome,
 * Node, and Firefox's copy of its regexp engine) stops optimizing a longer
 * pattern, and one query then takes about 300 times as long (1.5 ms rather
 * than 0.005 ms in Node 20). tests/test_reader_search.py checks the sizes.
 */
;(() => {
  // The mind in danger, in English: self-harm and suicide, a plan, too much
  // of a medicine on purpose or by mistake, violence at home.
  const ENGLISH_MIND = new RegExp(
    "\\b(" +
      [
        // The reader, or someone they speak of ("my husband wants to hurt himself").
        // Not "kills me", "killing me": "this pain is killing me" is how
        // people speak of pain. "kms", "unalive": a teenager's words.
        "kill(s|ing)? (my ?self|him ?self|her ?self|them ?sel(f|ves)|my ?slef|mysefl|myslf)",  // codespell:ignore
        "(please|just|someone|somebody|god) kill me|(want|wish|need|asked) (someone|somebody|you|them|him|her) to kill me",
        "kms",
        "unaliv[a-z]*",
        "suicid[a-z]*",
        // Misspelled: "sucide", "suicde", "suiside"; Spanish "suisidio".  // codespell:ignore
        "(sucid|suicd|suisid|suicic|sucic|suiced|sewercid)[a-z]*",  // codespell:ignore
        "self ?(harm|injur|mutilat)[a-z]*",
        // "hurting", "harming", "cutting": each verb's own -ing form.
        "(hurt(s|ing)?|harm(s|ing)?|cut(s|ting)?|hang(s|ing|ed)?|shoot(s|ing)?|shot|stab(s|bing|bed)?|drown(s|ing|ed)?|burn(s|ing|ed|t)?) (my|him|her|them|your) ?sel(f|ves)",
        "(cut|cutting|slit|slitting) (my|his|her|their) wrists|cutting (my|his|her|their) (arms?|legs?|thighs?|skin|stomach)",
        "slit(ting)? (my|his|her|their) wrist",
        "jump(ing)? (off|from) (a|the) (bridge|building|roof|cliff)",
        "in front of (a|the) (train|bus|truck|car)",
        "noose",
        // A plan and the means ("i have a rope and i picked the day"); not "we
        // picked the date for my surgery".
        "(picked|chose|chosen|set|planned) (the|a|my) (day|date)( (?!(stop|stopping|taper|tapering|quit|wean|weaning|off|refill)\\b)[a-z]+){0,5} (rope|noose|gun|pills|note|die|end it|kill(?! (the|my) (pain|nerve))|(im|i am) (done|gone)(?! (with|at|from)))|(rope|gun|note)( [a-z]+){0,6} (picked|chose|chosen|set|planned) (the|a|my) (day|date)(?! (for|of)( my| the| his| her)? (surgery|appointment|infusion|block|procedure))",
        // A plan without a means word ("i know how i would do it and when",
        // "already picked the spot and the time", "decided tonight is the night");
        // not "picked the place and time for my surgery".
        "i know (how|when)( and (how|when))? (i|im|ill|id)( will| would| going to| gonna)? do it(?! (differently|better|again|alone|without))",
        "(picked|chose|chosen|planned|set|know) (the|a) (spot|place|time|way) and (the|a) (time|place|spot|day|date|way)(?! (for|of|to) )",
        "(tonight|today|tomorrow) is the (night|day)( (i|im|ill))?( going to| gonna)? ((do|doing|end|ending) it|$)",
        // A gun or a rope got for it; not a massage gun, a gun permit, a rope
        // for stretching (a rope alone only as the whole query).
        "(have|got|bought|loaded|loading) (a|the|my) (gun|pistol|shotgun|rifle)(?! (permit|license|safe|lock|show|range|case))|(have|got|bought) (a|the) rope$",
        "(gun|pistol|pills|rope|knife)( [a-z]+){0,6} (use|using) it on (my|him|her) ?self",
        // A car as the means: "drive my car into a tree", "crash my car on purpose".
        "(driv(e|ing)|steer(ing)?|crash(ing)?|swerv(e|ing))( (my|the|his|her) (car|truck))? (off (a|the) (road|bridge|cliff)|into (a|the) (tree|wall|pole|river|lake|semi|oncoming [a-z]+|traffic))|(crash|wreck)( [a-z]+){0,3} on purpose",
        "(i have|ive got|i got|i bought|i just bought) (a|the) (rope|gun) (and|to)(?! (a )?pulleys?\\b| (stretch|exercise|help (with )?(stretch|exercis)))",
        "end(ing|s)? (it all|(my|his|her|their|your) (own )?life)",
        "((going to|gonna|want to|wanna|should|will|to|could|might) (just )?end|(feel like|thinking (of|about)|thoughts of) ending) it|(thinking (of|about)|want to|wanna|going to|gonna) end(ing)? things(?! (with|between|off))",
        // "going to off myself"; not "take the cast off myself".
        "(to|gonna|wanna|will|just|might) off (my|him|her|them) ?sel(f|ves)",
        // An urge to, or cutting again; a cut that will not stop bleeding.
        "urges? to (cut|self harm|(hurt|harm|burn) (my|him|her) ?self)(?! (my|his|her) (nails|hair))|(started|been|keep|kept|im|hes|shes) cutting( (my|him|her) ?self)? again|(cant|can ?not) stop (cutting|hurting (my|him|her) ?self)|(wont|will not|doesnt|does not) stop bleeding|bleeding (wont|will not|doesnt|does not) stop",  // codespell:ignore
        "(want(s|ed)? to|wanna|ways? to|how to) die(?! (my|his|her|their|your)? ?(hair|clothes|shirt|shoes|eyebrows))",
        "(dont|do not|doesnt|does not|no longer) (want to|wanna) (be alive|live|be here|be in this world)",  // codespell:ignore
        // "better off if i was dead"; a goodbye note.
        "better off( [a-z]+){0,4} (dead|gone)|(goodbye|farewell) (note|letter|text|message|video)s?|(texted|posted)( me| us| him| her| a)? (goodbye|bye)|(left|wrote) (a|her|his|my) (note|letter)( [a-z]+){0,6} (pills|took|gun|rope)|(said|saying) (goodbye|bye) to (everyone|everybody)(?! at)",
        // Giving away one's things (the 988 Lifeline's warning signs).
        "(gave|giving|give|given) away( [a-z]+){0,4} (stuff|things|belongings|possessions)",
        "(family|everyone|everybody) (would|will) be better off$|(better|happier|easier)( off)? (without me|if i ((wasnt|werent|was not|were not) (here|around|alive)|(was|were) (gone|dead)|died))",  // codespell:ignore
        "(no one|nobody) would (miss|care about) (me|him|her|them)",
        "wish(es|ed)? (i|he|she) (was|were) dead",
        "(im|i am|am i|i think im|feel like im|hes|shes|he is|she is) dying(?! (to|for|of (boredom|laughter|embarrassment|curiosity|thirst|hunger|heat)))",
        "(done|tired|sick) (of|with) (living|life|being alive)|give up on (life|living)",
        // A burden to others: a warning sign the 988 Lifeline names.
        "(im|i am|feel like|feel like im|being) (a|such a) burden",
        "no reason to (live|go on|keep going|keep living|go on living|continue living|be alive)",
        // Hating being alive; no one will have to deal with me after the
        // weekend (988: feeling a burden, being gone).
        "(hate|hates|hated|hating) (being|to be) alive",
        "(wont|will not|wouldnt|would not|no longer|never) (have to|need to) (deal with|put up with|take care of|worry about|look after) me( [a-z]+){0,2} (anymore|any more|much longer|after (this|tonight|today|tomorrow|the weekend|friday|saturday|sunday))|(no one|nobody|noone) (will|would) (have to|need to) (deal|put up) with me",  // codespell:ignore
        // Not here tomorrow; the end tonight; time to end this (988: talking
        // of being gone). Not "i wont be here tomorrow for my infusion".  // codespell:ignore
        "(im|i am|i will|ill|i|he|she|hes|shes|he is|she is) (not|never) (going to |gonna )?be (here|around|alive) (tomorrow|much longer|anymore|any more|by (morning|tomorrow|the weekend))(?= *$| (anyway|no matter what))|(wont|will not) be (here|around|alive) (tomorrow|much longer|anymore|any more|by (morning|tomorrow))(?= *$| (anyway|no matter what))",  // codespell:ignore
        "(tonight|today) i (stop|end it|end this|end everything)(?= *$| (for good|forever))|(time|ready|decided) to end (it|this|things|everything)( all)?(?= *$| (i|im|and|now|tonight|today|for good|forever)\\b)",
        // A relative quoted: "says today is his last day" (988).
        "(says|said|keeps saying|told (me|us)|texted( me| us)?)( that)? (today|tonight|tomorrow) (is|will be) (his|her|their) last (day|night)(?! (of|at|in|on|before|with|for))",
        // "i just want the pain to stop forever": pain past bearing (988).
        "(want|wish|need) (it|this|everything|it all|all of it|the pain|my pain|this pain|life|my life)( all)? to (stop|end) forever",
        // The day picked, as the whole query.
        "^(i )?(already |just )?(picked|chose|set) (the|a|my) (day|date)$",
        // Pills lined up or counted out (a plan with the means); not for the
        // week, nor in an organizer.
        "(pills|tablets|meds|medicines|oxys?)( [a-z]+){0,2} (lined|laid|counted|set) (up|out)(?! (for (the|my|each|every|a|next) (week|month|day|morning|night|days|trip)|in (a|my|the|his|her) ([a-z]+ )?(organi[sz]er|pill ?box|case|dispenser|container)))|(lined|laid|counted) (up|out) (the|my|all( of)?( my| the)?) (pills|tablets|meds)(?! (for (the|my|each|every|a|next) (week|month|day|morning|night|days|trip)|in (a|my|the|his|her) ([a-z]+ )?(organi[sz]er|pill ?box|case|dispenser|container)))",
        // A rope hidden away (988: looking for a way); not a jump rope.
        "(has|have|had|got|keeps?|kept|hid|hides|hidden|hiding|found|bought) (a |the )?(rope|noose)( [a-z]+){0,3} (in|under|behind|inside) (his|her|their|my|the) (closet|room|bedroom|car|truck|bag|backpack|drawer|bed|garage|basement)",
        // Cuts on a child's or a partner's arms (child_self_harm: has harmed
        // themselves); not "cuts on his arm from the fall".
        "(cuts|cut marks|slashes)( [a-z]+){0,2} (all over|up and down|across) (her|his|their|my) (arms|wrists|thighs|legs)|(cuts|cut marks) on (her|his|their|my) (wrists|thighs)|(found|saw|seen|noticed) (cuts|cut marks|razor blades?|razors)( [a-z]+){0,3} (her|his|their) (arms?|wrists?|thighs?|room|backpack|bag)|(found|find|finding) (razor blades?|blades)( [a-z]+){0,4} (room|backpack|bag|drawer|bed|pillow)|(found|saw|noticed|discovered)( [a-z]+){0,4} (cuts|cut marks)( [a-z]+){0,3} (arms?|legs?|wrists?|thighs?|stomach)|(fresh|new) cuts( [a-z]+){0,3} (arms?|legs?|wrists?|thighs?)",
        "(not|isnt|is not) worth living",  // codespell:ignore
        "(whats|what is|no) (the )?point (of |in )?(living|life|going on|being alive)",  // codespell:ignore
        // Pain past bearing (the 988 Lifeline's warning signs): not "cant  // codespell:ignore
        // take ibuprofen", "cant do my job anymore".  // codespell:ignore
        "(cant|can ?not) (take|handle|bear|stand|do) (it|this|this pain|the pain|this life|life)( like this)? (anymore|any more|any longer|much longer)",  // codespell:ignore
        "(cant|can ?not) live (like this|this way|with (this|the) pain)|(keep|go on) living like this|(except|other than) (dying|death|to die)",  // codespell:ignore
        "(want|wish|need) (it all|everything|this all|it) to (end|be over)",
        "(want|wish) it (all )?(was|were|to be)( all)? over",
        "(wish|hope|pray) (i|he|she)( would| could| will| might)? die",
        "wish( that)? (i|he|she) (had )?never (been born|existed|woke up)",
        "(stop|quit) existing|(dont|do not|no longer) want to exist",  // codespell:ignore
        "want(s|ed)? to disappear",
        "(wants?|wanted|wanna|like) to (go to )?sleep forever|(painless|peaceful) way to (go|die)|(thinking|thoughts) (about|of) dying(?! (my|her|his)? ?hair)",
        "(dont|do not|never) want to wake up",  // codespell:ignore
        "(my|the) last (night|day) (alive|on earth)",
        "(hope|wish)( i| he| she)? (never|dont|do not|wont|will not|would not|wouldnt) wake up",  // codespell:ignore
        "(and|to|just) never wake up",
        // Cannot be woken (Poison Help's 911 sign), too much of a medicine.
        // Not "helps me not wake up at 3am", "i do not wake up at night" (sleep).
        "(wont|will not|cant|can ?not|couldnt|not) wak(e|ing)( (him|her|them|me))? up(?! (at (night|[0-9][a-z0-9]*)|in the (night|middle)|during|early|every|as (often|much)|from (the )?pain)\\b)",  // codespell:ignore
        "(wont|will not|cant|can ?not|couldnt|unable to) (wake|rouse) (him|her|them|my [a-z]+)",  // codespell:ignore
        "(took|taken|swallowed|had) too much",
        "(cant|can ?not|couldnt|wont) be (woken|woke|awakened|roused)",  // codespell:ignore
        "swallowed( [a-z]+){0,3} (pills?|tablets?|meds|medicines?|(gabapen|neuron)tin|pregabalin|lyrica|(ami|nor)triptyline|elavil|pamelor|baclofen|oxycodone|opioids)",
        "(toddler|baby|kid|year old)( [a-z]+){0,2} drank (some|all|the whole|a bottle|a whole bottle|the bottle|half)( [a-z]+){0,4} (syrup|medicine)|(toddler|baby|infant)( [a-z]+){0,2} (swallowed|took|ate|got into|chewed)( [a-z]+){0,3} (pills?|tablets?|meds|medic(ines?|ation)|button batter(y|ies)|(gabapen|neuron)tin|pregabalin|lyrica|(ami|nor)triptyline|elavil|pamelor|baclofen|oxycodone|opioids)",  // codespell:ignore
        "over dos(e|ed|ing)|(double|triple) ?dosed",
        "drank( [a-z]+){0,3} (syrup|medicine) bottle|drank (a|the|half (a|the)|a whole|the whole) bottle of( [a-z]+)? (syrup|medicine|tylenol|benadryl)",
        // A button battery swallowed (Poison Help; 911).
        "(swallowed|ate|eaten|put)( [a-z]+){0,3} (button|coin|watch) batter(y|ies)|(button|coin) batter(y|ies)( [a-z]+){0,4} (swallowed|in (his|her|their) (mouth|nose|ear|throat))",
        // A dose taken twice by mistake; not "should i double the dose".
        "(accident[a-z]*|by mistake|mistakenly)( [a-z]+){0,5} (twice|two doses|2 doses|double|extra dose|second dose)|(twice|two doses|2 doses|double dose|extra dose|second dose)( [a-z]+){0,4} (by accident|by mistake|accident[a-z]*)",
        "(drank|drink|drinking|swallowed|ate) (some )?(bleach|antifreeze|drain cleaner|lye|pesticide|weed killer)",
        "(cant|can ?not) go on",  // codespell:ignore
        "overdos[a-z]*",
        // "too many sleeping pills", "too many pain meds"
        "(too|to) many( of (my|his|her|their|the))?( [a-z]+)? (pills|tablets|meds|medicines|(gabapen|neuron)tin|pregabalin|lyrica|(ami|nor)triptyline|elavil|pamelor|baclofen|oxycodone|opioids|tramadol|oxycodone|oxys?|percocets?|vicodin|norco|hydrocodone|morphine|tylenol|advil|ibuprofen|aspirin|xanax|valium|ativan|klonopin|benadryl|sleeping pills|pain pills|muscle relaxers)",
        // "took a bunch of his amitriptyline on purpose", "took all her pills"
        "(took|taken|swallowed)( [a-z]+){1,6} on purpose",
        "(took|taken|swallowed) (all|a bunch|a lot|lots|the rest)( of)? (his|her|their|my|the|your)( sleeping)? (pills|tablets|meds|medic(ines?|ation))",  // codespell:ignore
        // "swallowed a whole bottle of pills"
        "(bottle|handful) of (pills|tablets|meds|medicines?)",
        "(took|taken|swallowed|ate|eaten|drank) (a |the |my |his |her )?(whole|entire|full) (bottle|box|pack|packet|strip)",
        "(took|taken|swallowed|ate|eaten) ([1-9][0-9]+ ((?!(mg|mcg|milligrams?)\\b)[a-z]+ )?(pills|tablets|capsules|caps)|[1-9][0-9]+ of (my|his|her|their|the) [a-z]+|[2-9][0-9] (gabapentin|neurontin))",
        // "took a bunch of lyrica", "every pill in the house", "a whole month of pills at once".
        "(took|taken|swallowed|ate) (a bunch|a handful|a ton|tons)( of)? (pills|tablets|meds|medic(ines?|ation)|oxys?|tylenol|xanax|(gabapen|neuron)tin|pregabalin|lyrica|(ami|nor)triptyline|elavil|pamelor|baclofen|oxycodone|opioids)|(take|taking|took|swallow|swallowing|swallowed) (every|all the) (pill|tablet|med|medicine)s? (in the house|i can find)|(whole|entire|full) (month|week|supply)s?( worth)? of( [a-z]+)? (pills|tablets|meds|medic(ines?|ation))( [a-z]+){0,2} at (once|one time)",  // codespell:ignore
        "(going to|gonna|want to|wanna|thinking (of|about)|plan(ning)? to) (take|taking|swallow|swallowing) (all|every one|the whole|a whole|the rest|a bunch|a handful)( of)? (my|his|her|their|the|these|those) (pills|tablets|meds|medic(ines?|ation)|(gabapen|neuron)tin|pregabalin|lyrica|(ami|nor)triptyline|elavil|pamelor|baclofen|oxycodone|opioids)",  // codespell:ignore
        // A child who got into the medicines; a dose taken twice.
        "got into (my|his|her|the) (pill ?box|pill organizer|medicine cabinet)|(ate|eaten|chewed|got into) ((some|all|a few|a bunch|one|two) of )?(my |his |her |their |the |some |a |all |moms |dads |grandmas |grandpas )?([a-z]+ )?(pills|tablets|meds|medic(ines?|ation)|(gabapen|neuron)tin|pregabalin|lyrica|(ami|nor)triptyline|elavil|pamelor|baclofen|oxycodone|opioids|patch|patches)",  // codespell:ignore
        "(he|she|kid|child|toddler|baby|son|daughter|grandson|granddaughter) (took|swallowed|found|ate) ((some|a few|one|two|all|a bunch) of )?(my|our|his|her)( [a-z]+){0,2} (pills|tablets|meds|medic(ines?|ation))",  // codespell:ignore
        "(took|taken|gave|given)( [a-z]+){0,3} (double|triple|twice the) (my |his |her |their |the )?([a-z]+ )?doses?",
        // "already took 30", "took 20 tylenol": tablets, not milligrams.
        "(already|just) (took|taken|swallowed|had) ([2-9][0-9]|[1-9][0-9]{2})(?! (mg|mcg|milligrams?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|ml|units|times|percent)\\b)|(took|taken|swallowed|ate|eaten) [1-9][0-9] (tylenol|advil|ibuprofen|motrin|aleve|aspirin|acetaminophen|excedrin|benadryl|xanax|ativan|klonopin|percocets?|vicodin|norco|sleeping pills)",
        // Extra pills, and a sign of too much after (Poison Help; 911, A4.3).
        "(took|taken|swallowed|had) (some |a few |two |2 |three |3 |an |a couple )?(extra|more) (pills|tablets|meds|medicines?|doses?)( [a-z]+){0,8} (dizzy|racing|pounding|confused|very sleepy|throwing up|vomiting|shaking|faint|cant breathe)",  // codespell:ignore
        "(lethal|fatal|deadly) (dose|doses|amount|overdose)|how (much|many)( [a-z]+){0,4} (is|are|would be) (lethal|fatal|deadly)",
        // "overdid my meds", and "overdoes", a misspelling of overdose; not
        // "overdid it at physical therapy" (pacing).
        "overd(o|id|oing|oes|one)( [a-z]+){0,4} (pills?|tablets?|meds|medic(ines?|ation)|painkillers|(gabapen|neuron)tin|pregabalin|lyrica|(ami|nor)triptyline|elavil|pamelor|baclofen|oxycodone|opioids)",  // codespell:ignore
        "overdoes (on|it on)",
        // A street pill sold as a medicine may hold fentanyl; not a trial's placebo.
        "(took|taken|swallowed|ate|bought) (a |some |the )?(fake|counterfeit|pressed|street) (pills?|percocets?|percs|oxys?|xanax|bars)",
        "fake (pills?|percocets?|oxys?|xanax)( [a-z]+){0,3} fentanyl|fentanyl( [a-z]+){0,3} fake (pills?|percocets?|oxys?|xanax)",
        // Violence at home: if in danger now, 911 (the line says so).
        "(husband|wife|boyfriend|girlfriend|partner|ex|dad|father|mom|mother|stepdad|stepfather|stepmom|he|she) (hits|beats|punches|kicks|chokes|hit|beat|punched|kicked|choked|strangled|strangles) me",
        "threatened to kill me|(said|says|told me|threatens) (he|she)( would| will| is going to| is gonna| was going to| gonna)? kill me|domestic (violence|abuse)",
        // Pills put aside to take at once (the 988 Lifeline's warning signs);
        // not "saving up for my meds", "saving on my meds".
        "(save|saving|saved) up (all )?(my|his|her|their|the|these|those) (pills|tablets|meds|medic(ines?|ation)|(gabapen|neuron)tin|pregabalin|lyrica|(ami|nor)triptyline|elavil|pamelor|baclofen|oxycodone|opioids)|(pills|tablets|meds|oxys?|opioids|gabapentin|lyrica|amitriptyline) (saved|stashed|stockpiled|hoarded)|enough (pills|tablets|meds|medic(ines?|ation))( [a-z]+){0,3} to (do it|die|end it|kill|od|overdose)|for when (i|he|she) (decide|decides|am ready|is ready) to (go|do it|die|end it)",  // codespell:ignore
        "(stockpil|hoard|stash)[a-z]*( [a-z]+){0,2} (pills|tablets|meds|medic(ines?|ation))",  // codespell:ignore
        "how (many|much)( [a-z]+){0,4} (to|would|will|could|does it take to|it takes to) (die|kill)(?! (down|off|out))",
        "od(ed|ing)? on|(i|he|she|they|gonna|to|might) (od|oded)",
      ].join("|") +
      ")\\b"
  )
  // The body in danger, in English: an overdose's signs, the heart, breathing,
  // an allergic reaction, a stroke, a limb losing its blood, the site's 911
  // signs. A pattern of its own: one pattern for all English words grew near
  // V8's limit (above).
  const ENGLISH_BODY = new RegExp(
    "\\b(" +
      [
        // Collapsed or cannot be woken: 911 (A4.3), not Poison Help. Not
        // "collapsed arch", "unresponsive to treatment".
        "(he|she|they|hes|shes|husband|wife|son|daughter|mom|dad|mother|father|baby|child|kid|friend|partner|someone|person|grandma|grandpa)( is| was| has| just| suddenly| went){0,2} (unresponsive|unconscious|collapsed|passed out|not responding)",
        "(found( [a-z]+){0,2}|is|was|went|now|still) (unresponsive|unconscious)(?! to)",
        "(cant|can not|cannot|couldnt|could not) get (him|her|them|my [a-z]+) to (respond|wake( up)?)(?= *$| (at all|now|anymore|to (me|us|anything|his name|her name|shaking|touch)))",  // codespell:ignore
        // Limp, or snoring or gurgling oddly, after pills or drink: an overdose
        // (A4.3). Not "walking with a limp", "my hand is limp and blue", "does
        // gabapentin make you snore weird", "gurgling noises in my stomach".
        "(limp|floppy) and (snor[a-z]*|gurgl[a-z]*|not (breathing|responding(?! to)|waking)|(wont|cant) (wake|respond)|unresponsive)|gurgl[a-z]* breath[a-z]*|gurgl[a-z]*( (sound|noise)s?)? and (wont|cant) (wake|respond)",  // codespell:ignore
        "(pills?|xanax|valium|klonopin|benzos?|opioids?|oxy[a-z]*|percocet|vicodin|fentanyl|meds|lyrica|gabapentin)( [a-z]+){0,3} (and|with) (alcohol|drinking|drank|drinks|booze|beer|wine|vodka|whiskey|tequila|liquor)( [a-z]+){0,6} ((is |keeps )?snor[a-z]* (strange|weird|funny|odd)[a-z]*|(is|went|gone) (limp|floppy)|(wont|cant|cannot) (wake|be woken)|not (waking|responding))",  // codespell:ignore
        // Not "poison ivy".
        "poison(ed|ing)?(?! (ivy|oak|sumac))",
        "chest ?(pain|pains|tightness|pressure)",
        "heart (hurts|hurting|pain|pains)|pain in (my |his |her |the )?heart|chest (is )?killing me|(grabbed|grabbing|clutched|clutching) (at )?(my|his|her|their) (chest|heart)(?! (strap|monitor))|chest (in)?to (my|his|her|the) (jaw|left arm|arm|neck)",
        "(baby|babys|infant|newborn|toddler|child|kid|son|daughter|he|she|hes|shes|husband|wife|mom|dad)( is)? ((turning|turned) (blue|gray|grey)|(going|gone) blue)",  // codespell:ignore
        // A heart attack in a reader's words: "my chest feels tight".
        "chest( (is|feels|feel|gets|getting|going|so|very|really))* (tight|heavy|crushing|squeezing)",
        "(tight|heavy|crushing|squeezing|pressure|tightness)( (feeling|sensation|weight))? (in|on) ((my|the|his|her|their) )?chest|(pressing|pushing|sitting|standing|squeezing|crushing) (down )?on (my|his|her|the) (chest|heart)",
        "(pressure|squeez[a-z]*|tight[a-z]*|heav[a-z]*|crush[a-z]*) in the (middle|center|centre) of (my|his|her|their|the) chest|elephant( [a-z]+){0,3} (on|sitting on|standing on) (me|him|her|my|his|their)|chest( [a-z]+){0,2} (squeezed|crushed)",  // codespell:ignore
        // "sharp pain in my chest", "stabbing chest ache": a kind of pain is
        // also a readers' word for the CRPS page's burning pain, which would
        // otherwise answer every word.
        "(pain|pains|ache|aches|aching|hurts|hurting)( [a-z]+){0,2} chest",
        "chest( [a-z]+){0,2} (pain|pains|ache|aches|aching|hurts|hurting)",
        // A seizure going on (the medicines page lists it as a sign of an
        // overdose); not "seizing up" (stiff muscles) nor "gabapentin seizures".
        "(having|had|has) (a )?(seizure|seisure|siezure|seizer|convulsion)s?",  // codespell:ignore
        "(seizure|seisure|siezure|seizer|convulsion|fit)s? (after|during|from) (a |the |my |his |her )?([a-z]+ )?(block|injection|shot|infusion|overdose)",  // codespell:ignore
        "convulsing|seizing(?! up)",
        "(heart|hart) ?attack|cardiac arrest",  // codespell:ignore
        // A heart attack without the word "chest"; a throat closing
        // (an allergic reaction); a blood clot.
        "left arm( [a-z]+){0,4} jaw|jaw( [a-z]+){0,4} left arm",
        "throat( [a-z]+){0,3} (closing|swelling|swollen|tight)",
        "(tongue|lips|throat|mouth)( [a-z]+){0,3} (swelling|swollen|swelled|swells)",
        "swollen (tongue|lips|throat)",
        // Eyes swollen shut, or hives with a swelling face, after a new medicine.
        "((eyes?|eyelids?|face)( [a-z]+){0,2} (swelled|swollen|swelling|swole|puffed|puffing) (up )?shut|(swelled|swollen|swole|puffed) shut)(?! from (crying|sleep|sleeping))",
        "(hives|welts|allergic reaction)( [a-z]+){0,8} (face|eyes?|eyelids?|lips|tongue|throat)( (?!and\\b)[a-z]+){0,2} (swell|swells|swelled|swelling|swollen|puffed|puffing)|(hives|welts)( [a-z]+){0,8} (swollen|swelling|puffy) ((in|of|on) (my|his|her|the) )?(face|eyes?|eyelids?)",
        "(face|eyes?|eyelids?)( [a-z]+){0,2} (swelling|swelled|swollen|swole|puffed|puffing|puffy)( up)?( [a-z]+){0,3} (after|from|since)( [a-z]+){0,4} (pills?|shot|injection|medicine|medication|meds|antibiotics?|vaccine|bee|sting|peanuts?|shellfish)|(stung|sting)( [a-z]+){0,6} (face|eyes?|lips|tongue|throat)( [a-z]+){0,2} (swell[a-z]*|swollen|puff[a-z]*)|(cant|cannot) open (my|his|her) eyes( [a-z]+){0,3} (swollen|swelling|puffy)",  // codespell:ignore
        // Pressure behind the breastbone, without the word "chest".
        "(pain|pressure|tightness|crushing|squeezing|heavy|heaviness|weight)( [a-z]+){0,3} (breastbone|breast bone|sternum)|(breastbone|breast bone|sternum)( [a-z]+){0,3} (pain|pressure|hurts?|hurting|aches?|aching|sore|tight|crushing|crushed|squeezing|squeezed|heavy)|(pressing|pushing|sitting|squeezing) on (my|his|her|the) (breastbone|breast bone|sternum)",
        // "anaphylaxis", "anaphalaxis", Spanish "anafilaxia".
        "ana(ph|f)[a-z]{0,3}la(x|ct)[a-z]*|(severe|serious) allergic reaction",
        "blood clots?",
        // A clot in a lung (911: chest pain, trouble breathing).
        "pulmonary embol[a-z]*",
        "(coughing|cough|coughed|coughs) (up )?blood",
        "(cant|can ?not|couldnt|hard to|trouble|difficulty|struggling to|struggle to|unable to|fighting to|fight to) (breath|breth|brethe|breathe|breathing)(?! through (the|my) (pain|flare))",  // codespell:ignore
        "(cant|can ?not|couldnt) get (enough |a )?(full |deep |good |real )?(air|breath|a breath)",  // codespell:ignore
        "short(ness)? of breath",
        "(not|isnt|is not|wasnt|arent|stopped|stops) breathing",  // codespell:ignore
        // Gabapentin or pregabalin's 911 sign (gabapentinoid_breathing).
        "(slow|slowed|shallow|labored|laboured) breathing(?! (exercise|exercises|technique|techniques|practice|for))|breathing( is| so| very| really| too| real){0,3} (slow|slowly|shallow|shallowly)|barely breathing",  // codespell:ignore
        "chok(ing|ed)(?! up)",
        "gasping for (air|breath)",
        // A child working hard to breathe: the skin between the ribs sucks in.
        "ribs( [a-z]+){0,2} (suck|sucks|sucking|sink|sinks|sinking|pull|pulls|pulling|cave|caves|caving) in|(suck|sucks|sucking|sink|sinks|sinking|pull|pulls|pulling) in (between|under|around|at|below) (the|her|his|their|my) ribs",
        "retractions?|(nostrils?|nose) (is |are )?flar(e|es|ing)|grunt(s|ing)?( [a-z]+){0,2} (with )?(each|every) breath|(breathing|breathes)( [a-z]+){0,3} (and )?grunt(s|ing)?|(chest|neck|throat|skin|belly|tummy)( [a-z]+){0,2} (suck|sucks|sucking|sink|sinks|sinking|caving|caves|pulling) in|(belly|tummy) (going|moving|pumping|heaving) in and out|wheez[a-z]*( [a-z]+){0,3} (cant|can ?not) (talk|speak)|(sting|stung|peanuts?|shellfish)( [a-z]+){0,5} wheez[a-z]*|wheez[a-z]*( [a-z]+){0,5} (sting|stung|peanuts?|shellfish)|tugging at (his|her|the) throat",  // codespell:ignore
        "(cant|can ?not) catch (my|his|her|their) breath",  // codespell:ignore
        "(lips|face) (are |is )?(turning |turned |going |gone |look |looks )?(blue|bluish|gray|grey|purple)",  // codespell:ignore
        // "blue fingernails and lips"; nails alone are not a sign: CRPS can
        // change a nail's and a hand's color (harden2010).
        "(blue|bluish|gray|grey|purple)( [a-z]+){0,2} lips",  // codespell:ignore
        // Very sleepy and confused, or blue (gabapentinoid_breathing); not
        // "gabapentin makes me sleepy".
        "(sleepy|drowsy)( [a-z]+){0,4} (confused|blue)|(confused|blue)( [a-z]+){0,4} (sleepy|drowsy)|extreme(ly)? (sleepy|sleepiness|drowsy|drowsiness)",
        // A stroke (sudden weakness: adam_when_to_use_er; the words people know).
        "(face|mouth|smile)( is| has| looks| went)? droop(ing|y|s|ed)?|droop(ing|y)? (face|mouth|smile)",
        "slurr(ed|ing|s)?",
        "(having|had|has) (a|another) stroke|(is|was) (this|it|that) (a|another) stroke|(could|might) (this|it|that) be a stroke|mini ?strokes?",
        "face (fell|dropped|sagg[a-z]*|crooked|lopsided)(?! asleep)|(crooked|lopsided) (face|smile)|smile( is)? (crooked|lopsided)",
        "(his|her|their) (words|speech)( are| is)? (mixed up|jumbled|garbled|not making sense)|(talking|speaking) (gibberish|nonsense)",
        "(arm and leg|leg and arm|face and arm|arm and face|face and leg|leg and face)( [a-z]+){0,2} (went|gone|going|suddenly) (numb|weak|dead|limp)",
        "(signs?|symptoms?) of (a )?stroke|stroke (signs|symptoms)",
        "worst headache|thunderclap headache|hit (his|her|my) head( [a-z]+){0,6} (confused|throwing up|vomit[a-z]*)",
        // One side of the body or the face numb or weak; not a CRPS hand's side.
        "(numb|numbness|weak|weakness|paraly[sz]ed|droop[a-z]*|cant move|cannot move|cant feel|cannot feel)( [a-z]+){0,3} (one|left|right) side of( [a-z]+)? (body|face)",  // codespell:ignore
        "(one|left|right) side of( [a-z]+)? (body|face)( [a-z]+){0,3} (numb|weak|droop[a-z]*|paraly[sz]ed)",
        // An arm or leg that suddenly turns cold or pale, goes numb or weak,
        // or cannot be moved (data/warning_signs.yml, limb_cold_sudden: a
        // loss of blood flow; sudden weakness, adam_when_to_use_er).
        // "Sudden" is the contrast the site gives with CRPS's own changes.
        // "An hour ago", "just went", "this is new" are not "sudden" here:
        // an arm heavy or numb after a stellate block is urgent
        // (stellate_block_arm_heavy), a leg numb after a lumbar block
        // expected (A3.9); with those words the pairs ask for the whole sign
        // (recent, limbcold, limbpale and limbsign, below).
        "(sudden|suddenly|all of a sudden|out of nowhere|all at once)( [a-z]+){0,4} (cold|coldness|ice cold|icy|pale|white|blue|bluish|purple|numb|numbness|dead|weak|weakness|cant move|cannot move|cant feel|cannot feel|lost feeling|paraly[sz]ed|confused|confusion|(severe|bad|terrible|worst|splitting|awful) headache|cant talk|cant speak|cant see|trouble (speaking|talking)|(doesnt|didnt|does not|did not|cant) (know|recognize) (me|us|anyone|who|where))",  // codespell:ignore
        "(cold|pale|white|blue|bluish|purple|numb|dead|weak|paraly[sz]ed|cant feel|cannot feel|cant move|cannot move|cant talk|cant speak|confused|confusion)( [a-z]+){0,3} (suddenly|all of a sudden|out of nowhere|all at once)",  // codespell:ignore
        // A limb in a cast or splint that hurts badly, goes numb, tingles,
        // turns cold, pale or blue, or whose fingers or toes cannot move
        // (cast_limb_emergency); not once the cast is off (CAST_OFF below).
        "(cast|splint)(?!( [a-z]+){0,3} (off|removed|removal))( [a-z]+){0,8} (numb|numbness|tingl[a-z]*|pins and needles|cold|pale|white|blue|bluish|purple|cant move|cannot move|cant wiggle|cant feel)",  // codespell:ignore
        "(numb|numbness|tingl[a-z]*|pins and needles|cold|pale|white|blue|bluish|purple|cant move|cannot move|cant wiggle|cant feel)( [a-z]+){0,8} ((in|under|inside) (a |my |the |his |her |their )?([a-z]+ )?(cast|splint)|(cast|splint) on)",  // codespell:ignore
        "(severe|unbearable|excruciating|terrible|worst|bad|extreme|intense|horrible|awful|agonizing) pain( [a-z]+){0,3} (in|under|inside) (a |my |the |his |her |their )?(cast|splint)",
        // "pain in my cast is unbearable", "hurts really bad in the cast"
        "(pain|hurts?|hurting|agony)( [a-z]+){0,3} (cast|splint)(?!( [a-z]+){0,3} (off|removed|removal))( [a-z]+){0,2} (unbearabl[ey]|excruciating|severe|terribl[ey]|so bad|agony|awful|horribl[ey])",
        "(hurts?|hurting|pain|agony)( [a-z]+)? (so bad|really bad|very bad|badly|so much|unbearabl[ey]|terribl[ey])( [a-z]+){0,3} (in|under|inside) (a |my |the |his |her |their )?(cast|splint)(?!( [a-z]+){0,3} (off|removed|removal))",
        "(cast|splint)( [a-z]+){0,6} (hurts?|hurting|pain|painful)( [a-z]+){0,2} (so bad|so much|badly|unbearabl[ey]|terribl[ey])",
        // No pulse in a limb (limb_cold_sudden), a cast that cuts off the blood.
        "no pulse|(cant|cannot) (find|feel) (a|the|my|his|her) pulse",  // codespell:ignore
        "(cutting|cut|cuts) off (my |his |her |the )?circulation",
        // The site's other 911 signs (warning_signs.yml, scs_fever_stiff_neck,
        // scs_bladder_bowels).
        "(fever|temperature)( [a-z]+){0,5} (stiff neck|neck( is| feels| so| very| really){0,3} stiff|cant (bend|move|turn) (my|his|her) neck)|(stiff neck|neck( is| feels| so| very| really){0,3} stiff|cant (bend|move|turn) (my|his|her) neck)( [a-z]+){0,5} (fever|temperature)",  // codespell:ignore
        "((lost|lose|losing|no) control (of|over)|(cant|cannot) control( of| over)?) (my |his |her |their )?(bladder|bowels?)",  // codespell:ignore
        "(numb|weak|cant feel|cannot feel|cant move|cannot move)( [a-z]+){0,2} legs( [a-z]+){0,4} (stimulator|scs)",  // codespell:ignore
        "(cant|cannot|unable to|trouble|hard to) (pee|peeing|urinate|urinating)( [a-z]+){0,4} (stimulator|scs)",  // codespell:ignore
        "legs (are |went |go |feel |feels )?(numb|weak)( [a-z]+){0,4} (stimulator|scs)|(stimulator|scs)( [a-z]+){0,6} legs (are |went |go |feel |feels )?(numb|weak)|(stimulator|scs)( [a-z]+){0,4} (cant|cannot) (feel|move)( [a-z]+){0,2} legs?",  // codespell:ignore
        "cant stand( up)?( [a-z]+){0,3} (stimulator|scs)",  // codespell:ignore
        // stellate_block_neck_breathing; baclofen_pump_withdrawal.
        "neck( [a-z]+){0,3} (swelling|swollen|swells|swelled|growing)( [a-z]+){0,6} (block|injection|shot)",
        "(swelling|swollen) (in|on) (my |his |her |the )?neck( [a-z]+){0,4} (block|injection|shot)",
        "(bruise|lump|swelling)( [a-z]+){0,3} neck( [a-z]+){0,3} (bigger|growing|grows|grew|spreading)|neck (bruise|lump|swelling)( [a-z]+){0,3} (bigger|growing|grows|grew|spreading)",
        // Swallowing after a neck block: not "cant swallow pills".  // codespell:ignore
        "(cant|can ?not|unable to|harder to|trouble|difficulty) (swallow|swallowing)( [a-z]+){0,4} (block|injection|shot)|harder to swallow|swallowing( is)?( getting)? (harder|worse)",  // codespell:ignore
        "baclofen( pump)? withdrawal|withdrawal( [a-z]+){0,2} baclofen",
        // Not an insulin pump.
        "(baclofen|intrathecal|spinal|muscle relax[a-z]*) pump( [a-z]+){0,3} (ran out|run out|empty|stopped)",
        "pump (for|with) (my |his |her |the )?(baclofen|muscle relax[a-z]*|spasms?)( [a-z]+){0,3} (ran out|run out|empty|stopped)",
        "baclofen( [a-z]+){0,5} (ran out|run out|empty|high fever|fever(ish)?|confus(ed|ion))|baclofen pump( [a-z]+){0,8} (itch[a-z]* (and|all over)|fever[a-z]*)",
        // Looking for the lines themselves.
        "911|988|crisis (line|hotline|text line|number)|hotline|emergency|ambulance",
        // The cast's own emergency by name (cast_limb_emergency).
        "compartment syndrome",
      ].join("|") +
      ")\\b"
  )
  const SPANISH = new RegExp(
    "\\b(" +
      [
        // Spanish, read the same way ("daño" is "dano", "corazón" "corazon"):
        // self-harm, an overdose or poison, chest pain, not able to breathe.
        "(matar|lastimar)(me|se)",
        // "me quiero cortar", not "el doctor me va a cortar el yeso" nor "el
        // cirujano quiere cortar el nervio".
        "(me (quiero|voy a)|se (quiere|va a)) (cortar|lastimar|matar)",  // codespell:ignore
        "cort[a-z]* las venas|cartas? de (despedida|suicidio)|notas? de (despedida|suicidio)",
        "no (quiero|quiere) despertar",
        "(quiero|quiere) desaparecer",
        "no despierta",
        "(sonrisa|boca|cara|labios?)( [a-z]+){0,4} torcid[ao]",
        "(duele|dolia|aprieta)( [a-z]+){0,2} pecho",
        "garganta( [a-z]+){0,3} (hincha[a-z]*|cierra|cerrando)|(hincha|cierra) la garganta",
        "coagulos?",
        // Not "cortarme las uñas" (a CRPS hand's nails).
        "cortar(me|se)(?! (las unas|la una|el pelo|el cabello|las puntas|el yeso|la circulacion))",
        "(me|se) (corto|corta|corte) (los brazos|las munecas|las piernas|la piel)",
        "(me|se) (hago|hace|hice|hizo|lastimo|lastima|lastime|corto|corta|corte)( [a-z]+){0,3} a proposito",  // codespell:ignore
        "(hacer(me|se)|me hago|se hace|me hice|se hizo) cortes",  // codespell:ignore
        // Burning oneself on purpose; cuts on a child's arms (child_self_harm).
        "(me|se) (estoy |esta |sigo |sigue )?(quemando|quemo|queme|quema|golpeando|golpeo|golpee)( [a-z]+){0,3} (a proposito|adrede)",  // codespell:ignore
        "(cortes|cortadas|cortaduras)( [a-z]+){0,2} (en|por) (todo |todos )?(los|sus|mis|el|su) (brazos|munecas|muslos)|(cortes|cortadas|cortaduras) (por todo|en todo) el (brazo|cuerpo)",  // codespell:ignore
        // Hating being alive; a relative who says today is the last day; the
        // day picked, as the whole query; things given away (988).
        "(odio|odia|odiaba) (estar viv[oa]|existir)",
        "(me|se) (hice|hizo|hago|hace) dano (otra vez|de nuevo|a proposito|a mi mism[oa]|a si mism[oa])|(me|se) (volvi|volvio) a hacer dano(?! en)",  // codespell:ignore
        "ojala( [a-z]+){0,2} no (despertar(me)?|despierte|amanecer|amanezca)(?! (temprano|tarde|con|cansad))",
        "(encontre|vi|le vi|note|descubri)( [a-z]+){0,2} (cortes|cortadas|cortaduras)( [a-z]+){0,3} (brazos|piernas|munecas|muslos)",
        "(encontre|encontramos|vi) (navajas|cuchillas|hojas de afeitar|rastrillos)( [a-z]+){0,4} (cuarto|recamara|mochila|cajon|cama|almohada)",
        "(dice|dijo|me dijo|nos dijo|escribio|sigue diciendo)( que)? (hoy|esta noche|manana) (es|sera) (su|mi) ultim[oa] (dia|noche)(?! (de|del|en|con|sin|antes|para))",
        "^(ya )?(escogi|elegi|decidi|fije) (el|la) (dia|fecha)$",
        "regal[a-z]*( [a-z]+){0,2} (todas )?(mis|sus) (cosas|pertenencias)(?! de (bebe|nino|nina|invierno|verano))",  // codespell:ignore
        // Pills counted out (a plan with the means); not for the week.
        "(pastillas|pildoras|medicinas|medicamentos)( [a-z]+){0,2} (contadas|alineadas)(?! (para (la|el|cada|toda la) (semana|dia|manana|noche|mes|viaje)|en el pastillero))",
        "ahorcar(me|se)?",
        // Not "colgarme la bolsa" (a bag on the shoulder).
        "(colgar(me|se)|(me|se) (quiero|quiere|voy a|va a) colgar)(?! (el|la|los|las|un|una|mi|su) )",
        "(tirar|aventar|lanzar)(me|se)? (de|desde|por|al|a|del)( [a-z]+){0,2} (puente|edificio|ventana|techo|azotea|balcon|precipicio|tren|metro|vias|carro|coche)",
        // Going on now: "se está cortando", "lastimándose"; not "el zapato me
        // está lastimando", "el dolor me está matando".
        "(me estoy|se esta|me sigo|se sigue) (lastimando|cortando|matando)",
        "(lastimand|cortand|matand)o(me|se)",
        "quitar(me|se) la vida",
        "hacer(me|se) (dano|algo)",
        "(no quiero|ya no quiero|no quiere|ya no quiere) (vivir|existir|estar aqui(?! en)|(estar|seguir) en este mundo)",
        // Saying goodbye, no one would miss me (the 988 Lifeline's warning signs).
        "(me despedi|despedirme|me estoy despidiendo|despidiendome) de (todos|todo el mundo|mi familia|mis hijos)(?! (en|del) )|nadie (me )?(va a |iba a )?(extranar|extranaria|extranara|echaria de menos)",  // codespell:ignore
        // A plan without the means named: "ya se como lo voy a hacer", "ya escribi
        // la carta y tengo la fecha"; a gun (not "pistola de masaje").
        "(ya )?se (como|cuando)( y (como|cuando))? (lo voy a hacer|voy a hacerlo)(?! (con|para|sin|en) )|carta( [a-z]+){0,4} (tengo|fije|escogi|elegi) (la|el) (fecha|dia)(?! de)|(tengo|compre|consegui)( ya)? (la |una |mi )?(pistola|arma)(?! de (agua|masaje|juguete|calor|pintura))|pistola cargada",  // codespell:ignore
        "(no quiero|ya no quiero|no quiere|ya no quiere) (seguir viviendo|estar viv[oa])",
        "(quiero|quiere) morir(me|se)?|ganas de (morir(me|se)?|matarme|matarse)",
        "(quisiera|ojala|desearia|quiero)( [a-z]+){0,2} (muert[oa]|muriera|me muera|morirme)|(mejor|preferiria)( estaria| estar| estuviera)? muert[oa]s?",
        "(dormir|dormirme)( [a-z]+){0,2} (y )?no (despertar|despertarme|volver a despertar)|no volver a despertar",
        "no vale la pena (vivir|seguir)|(vida|vivir) no vale la pena|(no tiene|sin) sentido (vivir|seguir viviendo)|no le (encuentro|veo|encuentra|ve) sentido a (la|mi) vida|(mi|la) vida (ya )?no tiene sentido",
        // Pain past bearing: not "ya no puedo caminar", "no aguanto que me toquen".
        "ya no (aguanto|soporto|puedo)( mas)?( con)? (esto|este dolor|el dolor|esta vida|la vida|mi vida)",
        "(ya )?no (aguanto|soporto|puedo) mas",
        "(acabar|terminar) con (todo|mi vida)(?! (el|la|los|las|lo))",
        "(me estoy|se esta) muriendo|(siento|creo) que me (muero|estoy muriendo)|mejor me (muero|mato)|me voy a morir(?! de (esto|eso|sdrc|crps|la enfermedad|hambre|risa|calor|frio|verguenza|aburrimiento))",
        "cansad[oa] de vivir|canse de vivir|dormir para siempre",
        "no (quiero|quiere) seguir(?! (con|el|la|los|las|en|tomando|haciendo|yendo|trabajando))",
        "(me|se) (voy a|va a|quiero|quiere|quise|quiso|intente|intento) quitar la vida",  // codespell:ignore
        "sobre ?dosis",
        "(se )?(tomo|tome|trago|trague)( [a-z]+){0,2} (todas|todos|un monton de|un punado de) (sus|mis|las|los|tus) (pastillas|pildoras|medicinas|medicamentos)",  // codespell:ignore
        "(se )?(tomo|tome|trago|trague)( [a-z]+){1,6} (a proposito|adrede)",
        "(estarian|estaran|estaria|estara) mejor sin mi",
        "(demasiadas|muchas) (pastillas|pastiyas|medicinas|medicamentos)",
        "(tomo|tome|trago|trague)( [a-z]+){0,2} (de mas|demasiado|demasiada)",
        "(me|se) (paso|pase) (de|con) (la dosis|(las |sus |mis )?(pastillas|pildoras|medicinas|medicamentos))",  // codespell:ignore
        "(tome|tomo|le di|le dio|tomaron)( [a-z]+){0,2} (una |el )?(doble|triple)( de)?( la| mi| su)? dosis|(doble|dos veces|dos dosis|otra dosis|pastillas|medicinas|medicamentos)( [a-z]+){0,4} (por error|por equivocacion|sin querer|por accidente)|(por error|por equivocacion|sin querer|por accidente)( [a-z]+){0,4} (doble|dos veces|dos dosis|otra dosis)",  // codespell:ignore
        // A button battery or magnets swallowed (Poison Help, or 911).
        "(bateria|pila)s? de boton|(trago|comio)( [a-z]+){0,2} (una |un |unas |unos )?(bateria|pila|iman|imanes)",
        "(comio|comieron|mastico)( [a-z]+){0,2} (pastillas|pildoras|medicinas|medicamentos)",
        "(bebe|nene|nena|nino|nina|nieto|nieta|nietecit[oa]|chiquit[oa])( [a-z]+){0,2} (se )?(trago|tomo|comio|mastico)( [a-z]+){0,3} (pastillas?|pildoras?|medicinas?|medicamentos?|(ami|nor)triptilinas?|gabapentinas?|pregabalinas?|baclofeno)",
        "(tomo|tome|trago|bebio|se tomo|se trago) (cloro|veneno|blanqueador|anticongelante|raticida)",
        "se (tomo|trago|comio|tomaron|tragaron|comieron) (mis|tus|nuestras)( [a-z]+)? (pastillas|pildoras|medicinas|medicamentos)",  // codespell:ignore
        "dosis (letal|mortal|fatal)",
        "pasar(me|se|le)? de la dosis",
        "pastillas? falsas?( [a-z]+){0,3} fentanilo|fentanilo( [a-z]+){0,3} pastillas? falsas?|(tomo|tome|trago|trague|compro|compre) (una |unas |la |las )?pastillas? falsas?",  // codespell:ignore
        "violencia (domestica|familiar|intrafamiliar)|(esposo|esposa|marido|novio|novia|pareja|papa|padre|mama|madre|padrastro|madrastra|el|ella) (me|nos) (golpea|golpeo|golpean|pega|pego|ahorco|ahorca|estrangulo|estrangula)|me amenazo con matarme|me quiere matar",  // codespell:ignore
        // Drowned or choked (past), found unconscious.
        "se ahogo|ahogad[oa]|inconsciente",
        "(juntando|acumulando|junte|acumule|junto|acumulo) (mis |sus |las |los )?(pastillas|pildoras|medicinas|medicamentos)",  // codespell:ignore
        "para (tomarmelas|tomarselas|tomarmelos|tomarselos) tod[ao]s|para (tomarlas|tomarlos) tod[ao]s (juntas|juntos|de una vez|de golpe)|(guardadas|juntadas|acumuladas|ahorradas)( [a-z]+){0,2} para cuando (me decida|este list[oa])|(voy a|va a|quiero|quiere|pienso|pensando en) (tomarme|tomarse|tragarme|tragarse) (todas|todos|el frasco|el bote|la caja)(?!( [a-z]+){0,3} (a la misma hora|al mismo tiempo))",
        "(cuantas|cuanta|cuantos)( [a-z]+){0,4} para (morir|matarme|matarse)",
        "(saltar|aventar|tirar|lanzar)(me|se)? (del|de un|de una|desde (el|un|una|la)) (puente|edificio|techo|azotea)",
        // Desmayado o no despierta: 911, no Poison Help.
        "(esta|quedo|sigue|encontre|encontramos|lo encontre|la encontre)( [a-z]+)? inconsciente|se desmayo|desmayad[oa]|(tirad[oa]|inconsciente|lo encontre|la encontre|encontramos)( [a-z]+){0,3} no (responde|reacciona)",  // codespell:ignore
        // Someone turning blue; not "el pie se pone morado" (CRPS).
        "(bebe|nino|nina|nene|nena|hijo|hija|esposo|esposa|mama|papa|abuelo|abuela) (se esta poniendo|se puso|se pone) (azul|morad[oa]|gris)(?! de (frio|llorar|coraje|tanto))|^se esta poniendo (azul|morad[oa])$",
        "no reacciona(?! (al?|a (los|las|la)|con|bien|la|el|los|las))",
        "no (lo|la|le) (puedo|podemos|puede|pude|pudimos) despertar",
        // "se tomó un frasco entero de pastillas"
        "(frasco|bote|punado|puno)( entero| completo)? de (pastillas|medicinas|medicamentos)|(frasco|bote|botella|jarabe) (entero|completo)|(un monton|demasiad[oa]s|un punado) de (pastillas|pildoras|medicinas|medicamentos|relajantes)|(tome|tomo|trague|trago) todo el (frasco|bote|paquete|blister)",
        "(envenen|intoxic)[a-z]*",
        "dolor (en el|de|del) pecho",
        "pecho apretado",
        "(opresion|presion|apreton) (en el|del) pecho",
        // "un peso aplastante en el pecho"; the breastbone.
        "((un|siento|tengo|con|como) peso|presion|opresion|apreton|aplastante)( [a-z]+){0,2} (en el|del|sobre el) pecho",
        "elefante( [a-z]+){0,4} (sobre|encima)|brazo izquierdo( [a-z]+){0,4} (sudor frio|sudando frio|nauseas|mandibula|pecho)|(pecho|mandibula)( [a-z]+){0,4} brazo izquierdo|(dolor|presion|peso|opresion)( [a-z]+){0,3} esternon|esternon( [a-z]+){0,2} (duele|dolor|presion)|(duele|duelen|dolia|aprieta)( [a-z]+){0,2} esternon|(aplasta[a-z]*|algo pesado)( [a-z]+){0,2} (el )?pecho",
        // A child working hard to breathe: "se le hunden las costillas".
        "(se le|se me|le|me) (hunden las costillas|hunde el pecho|hunde el cuello|hunde la garganta)|se le marcan las costillas( [a-z]+){0,2} (al|cuando) respira[a-z]*|respira[a-z]*( [a-z]+){0,4} se le (marcan|hunden|meten) las costillas|tiraje|aleteo nasal|(quejidos?|se queja|pujidos?)( [a-z]+){0,2} (al|cuando) respira[a-z]*|respira con (mucho )?esfuerzo|(cierra|cerro|cerrando) la garganta|costillas( [a-z]+){0,3} (se hunden|se le hunden|hundiendo|se meten)|se le (mete|meten|hunde|hunden)( [a-z]+){0,2} (entre )?las costillas",
        // Hives, then the eyes or face swelling shut: not "se me cerraron los
        // ojos" alone (falling asleep).
        "(ojos|parpados) (cerrados|se (me |le )?cerraron)( [a-z]+){0,2} (de|por|por la) (hinchazon|inflamacion)|no (puedo|puede) abrir los ojos( [a-z]+){0,3} (hinch|inflam)[a-z]*",
        "ronchas( [a-z]+){0,8} (se me|se le) (hincharon|hincho|inflaron|inflo|esta hinchando|estan hinchando) (los ojos|la cara|los labios|la boca|la garganta|la lengua|los parpados)|ronchas( [a-z]+){0,8} (se me|se le) (cerraron|cerro) (los ojos|la garganta)(?!( [a-z]+){0,3} (sueno|cansancio|dormir|temprano))|ronchas( [a-z]+){0,8} (la cara|los ojos|los labios|la boca|la lengua) (hinchad[oa]s?|inflamad[oa]s?)",
        "(se me|se le) (hincharon|hincho|inflaron|inflo|esta hinchando|estan hinchando) (los ojos|los parpados|la cara|la boca)(?! de (llorar|sueno|cansancio))( [a-z]+){0,4} (inyeccion|pastilla|medicina|medicamento|antibiotico|vacuna|remedio|piquete|penicilina|amoxicilina|picadura|abeja)|(inyeccion|pastilla|medicina|medicamento|antibiotico|vacuna|remedio|piquete|picadura|abeja)( [a-z]+){0,5} (se me|se le) (hincharon|hincho|inflaron|inflo|esta hinchando|estan hinchando) (los ojos|los parpados|la cara|la boca)",
        // A plan and the means ("ya compre la soga y escogi el dia"); not  // codespell:ignore
        // "tengo la soga al cuello" (a saying: deep in trouble).
        "(compre|tengo|consegui)( ya)? (la |una )?soga(?! (al|hasta el|en el) cuello| (para|de) (saltar|brincar|ejercicio|hacer ejercicio|terapia|estirar))",  // codespell:ignore
        "(escogi|elegi|decidi|fije) (el|la) (dia|fecha)( [a-z]+){0,4} (morir|matarme|soga|acabar con todo)|(soga|pistola|(?!(dejar|bajar|quitar) )[a-z]+ pastillas)( [a-z]+){0,6} (escogi|elegi|fije|decidi) (el|la) (dia|fecha)(?! de (la|mi|su) (cirugia|operacion|cita|infusion))",
        // "dolor punzante en el pecho", "punzadas en el pecho"
        "(dolor|dolores|punzadas?|pinchazos?)( [a-z]+){0,2} (en el|del|de) pecho",
        "(tiene|tuvo|tuve|esta teniendo|estoy teniendo|le dio|me dio|le dan) (una |un )?(convulsion|convulsiones|ataque epileptico)",
        "convulsionando",
        "(ataque (al|de) corazon|infarto|ataque cardiaco|paro cardiaco)",
        "no (puedo|puede|podia) (respirar|respiar|resp[a-z]?rar)",
        "(me falta|falta de|le falta) (el )?aire|(me|le) falta (la respiracion|el aliento)",
        "(dificultad|problemas) para respirar",
        "(me|le|nos) cuesta (trabajo )?respirar|respir[a-z]* (con dificultad|con esfuerzo|muy (lento|despacio))",
        "asfixi[a-z]*",
        "(lengua|labios|boca) (hinchad[oa]s?|se (hincha|hinchan|inflama|inflaman))|(hincha|hinchan|hincho|hincharon|hinchando|inflama|inflaman|inflamo|inflamaron|inflamando) (la lengua|los labios)|(hincha|hinchan|hincho|hincharon|hinchando) la garganta",
        "embolia",
        "(tose|tosiendo|toser|tos con|escupe|escupiendo) sangre",
        "no respira",
        "(se ahoga|me ahogo|ahogandose|ahogandome)(?! de (calor|risa|tanto))|(se esta|me estoy|esta|estaba) ahogando|(dejo|deja|dejando) de respirar",
        "labios (morados|azules|grises)",
        "(cara|boca|sonrisa)( esta| se ve| se le ve| se le puso| se puso)? (caida|torcida|chueca)|(se me|se le) (cayo|cae|torcio|tuerce|chueco|durmio|paralizo) (la cara|la boca|media cara|la mitad de la cara)",
        "derrame cerebral|ataque cerebral|peor dolor de cabeza|accidente cerebrovascular|(sintomas|senales|signos) de (un )?(derrame|infarto|embolia)",
        "(adormec[a-z]*|entumec[a-z]*|debil[a-z]*|parali[a-z]*|dormid[oa]|no (puedo|puede) mover)( [a-z]+){0,3} (un|el) lado( derecho| izquierdo)? (del cuerpo|de la cara)",
        "(un|el) lado( derecho| izquierdo)? (del cuerpo|de la cara)( [a-z]+){0,3} (adormec[a-z]*|entumec[a-z]*|debil[a-z]*|parali[a-z]*|dormid[oa]|caid[oa])",
        // "no puedo enderezar el cuello y tengo fiebre" (scs_fever_stiff_neck).
        "(fiebre|calentura)( [a-z]+){0,5} (cuello (rigido|tieso|duro)|(enderezar|mover|doblar|voltear|bajar) el cuello)|(cuello (rigido|tieso|duro)|(enderezar|mover|doblar|voltear|bajar) el cuello)( [a-z]+){0,5} (fiebre|calentura)",
        "(perdi|pierdo|perdio|pierde|perdiendo) el control (de|para) (la vejiga|orinar|los intestinos|el intestino|esfinteres)",
        "(habla|hablando) (arrastrando|arrastrado|enredad[oa]|trabad[oa]|raro|rara|incoherente|incoherencias|sin sentido)|arrastra las palabras",
        "((me|le|te) (esta |estan )?(dio|da|dando)|tiene|tuvo|(esta|estoy) teniendo) (un|otro) (derrame(?! (en|del?) (el |la |los |las |mi |su )?(ojos?|rodillas?|tobillos?|codos?|hombros?|munecas?))|ataque cerebral)",  // codespell:ignore
        // Un brazo o una pierna que de repente se pone frío o pálido, se
        // adormece o pierde fuerza, o no se puede mover; con yeso o férula.
        "(de repente|de pronto|repentinamente|de golpe|subitamente)( [a-z]+){0,5} (fri[oa]s?|helad[oa]s?|palid[oa]s?|blanc[oa]s?|azul(es)?|morad[oa]s?|adormecid[oa]s?|dormid[oa]s?|entumecid[oa]s?|debil(es)?|no (puedo|puede) (mover|sentir)(l[oa]s?)?|no (lo|la|los|las) (puedo|puede) (mover|sentir)|no (siento|siente)|se me (durmio|enfrio|adormecio)|no (puedo|puede) hablar|confundid[oa]|dolor de cabeza|no (conoce|conocia|reconoce|reconocia) a nadie|no (me|nos|lo|la) (conoce|conocia|reconoce|reconocia))",  // codespell:ignore
        "(fri[oa]s?|palid[oa]s?|blanc[oa]s?|azul(es)?|morad[oa]s?|adormecid[oa]s?|dormid[oa]s?|debil(es)?|no (puedo|puede) (hablar|mover|sentir)|confundid[oa]|desorientad[oa])( [a-z]+){0,3} (de repente|de pronto|de golpe)",  // codespell:ignore
        "(debilidad|adormecimiento|entumecimiento|frialdad|palidez|confusion|desorientacion) (repentin|subit)[oa]",  // codespell:ignore
        "(yeso|ferula)(?!( [a-z]+){0,3} (quitaron|quito|retiraron|quitado|retirado|sacaron|saco))( [a-z]+){0,8} (adormec[a-z]*|dormid[oa]s?|entumec[a-z]*|hormigue[a-z]*|fri[oa]s?|helad[oa]s?|palid[oa]s?|blanc[oa]s?|azul(es)?|morad[oa]s?|no (puedo|puede) mover(l[oa]s?)?|no (lo|la|los|las) (puedo|puede) mover|no (siento|siente)|duermen?|durmieron|durmio)",
        "(adormec[a-z]*|dormid[oa]s?|entumec[a-z]*|hormigue[a-z]*|fri[oa]s?|palid[oa]s?|blanc[oa]s?|azul(es)?|morad[oa]s?|no (puedo|puede) mover(l[oa]s?)?|no (siento|siente))( [a-z]+){0,8} (con|en|bajo|debajo del?|dentro del?|del|de la) ((el|la|mi|su|un|una) )?(yeso|ferula)",
        "(dolor (muy fuerte|intenso|insoportable|terrible|horrible|espantoso)|duele (mucho|muchisimo|demasiado|horrible|horrores))( [a-z]+){0,3} (yeso|ferula)",
        // The site's other 911 signs (warning_signs.yml): an allergic reaction;
        // after a neck block, a neck that swells, a bruise that grows, harder
        // swallowing; with a stimulator, legs or peeing; a baclofen pump.
        "reaccion alergica (grave|fuerte|severa|seria)",
        "(cuello( [a-z]+){0,3} (hinchad[oa]|hincha|hinchando|inflamad[oa]|inflama)|(hincha|hincho|hinchazon|inflama|inflamo)( [a-z]+){0,2} cuello)( [a-z]+){0,5} (bloqueo|inyeccion|ganglio)|(bloqueo|inyeccion|ganglio)( [a-z]+){0,5} (hinch|inflam)[a-z]* (el|mi|su) cuello",
        "(moreton|morete|bulto|bolita|chichon|hinchazon)( [a-z]+){0,3} cuello( [a-z]+){0,3} (crece|creciendo|mas grande|agranda)",
        "(no (puedo|puede) tragar|(dificultad|problemas) para tragar|(me|le) cuesta( mas)?( trabajo)? tragar)( [a-z]+){0,5} (bloqueo|inyeccion|ganglio)|cada vez (me |le )?cuesta mas( trabajo)? tragar|(me|le) cuesta cada vez mas( trabajo)? tragar",
        "(no (puedo|puede) ((pararme|pararse|ponerme de pie|ponerse de pie)(?! (mucho|por mucho|tanto|mas|bien|lejos|sin))|orinar|hacer pipi)|(me|le) cuesta orinar|piernas?( [a-z]+){0,2} (adormec|dormid|debil|entumec)[a-z]*)( [a-z]+){0,4} (estimulador|neuroestimulador)",
        // Looking for the lines themselves; the cast's own emergency by name.
        "emergencia|ambulancia|sindrome compartimental",
        "baclofeno( [a-z]+){0,5} (fiebre|confundid[oa]|confusion|muy rigid[oa]s?|se (acabo|vacio|paro)|vacia)|abstinencia( de| del)? baclofeno",
      ].join("|") +
      ")\\b"
  )
  // Two kinds of words anywhere in the query, in any order, English or
  // Spanish: a means with a last night, a chest with a weight on it, a bee
  // sting with a swelling face. The patterns above are phrases, and fresh  // codespell:ignore
  // queries written by someone else slipped past a quarter to a half of them
  // ("the pills are lined up on my nightstand and i am done": the pills and
  // the end are eight words apart). A pair reads the danger wherever its two
  // words stand. Each kind is a list of words (normalized, as above; a
  // lookahead "(?! ...)" keeps out a sense that is no danger); each pair
  // names the warning sign it reads (data/warning_signs.yml, and
  // facts-coverage A4 for Poison Help's 911 signs). CONTRIBUTING, "Search".
  const KINDS = {
    // Something to end a life with (the 988 Lifeline's warning signs: looking
    // for a way to kill oneself). Not a knife: "pain like a knife".
    means: [
      "pills?|tablets?|meds|pastillas?|pildoras?|medicamentos|medicinas",
      "(gabapen|neuron)tin[a]?|pregabalin[a]?|lyrica|(ami|nor)triptylin[ea]?|amitriptilina|oxys?|opioids?|opioides|fentanyl|fentanilo|xanax",
      "rope|noose|soga|gun|pistol|shotgun|rifle|pistola|arma|razor|bridge|puente",
      "bottle(?! of (water|wine|beer|lotion|cream|shampoo|soda|juice))|frasco",
    ],
    // The end, or a last time (988: talking about wanting to die, of being
    // gone). Not "last night" (yesterday), "mi ultimo dia de trabajo", "im
    // done with pt".
    end: [
      "(is|be|its) my last (night|day)(?! (of|at|in|on|before|with|for))|last (night|day) (alive|on earth)",
      "mi ultim[oa] (noche|dia)(?! (de|del|en|con|sin|antes|para))",
      "(im|i am) (so |just |finally |really )?done(?= *$| (living|for good|with (life|living|everything|it all)))",
      "(dont|do not|never) (want to|wanna) wake( up)?|(to not|not to|never) wake( up)?(?! (at|in|during|early|before|with|from|every|until|till|til|as|so))|never wake",
      "(no (me )?(quiero|quisiera)|no (volver|vuelva) a|para no( volver a)?) despertar(me)?(?! (temprano|tarde|a las|con|cansad[oa]|en la noche|de noche|por la noche|tanto|seguido))",
      "tonight is the night|esta noche es la noche",
      "tonight i (stop|end it|end this)(?= *$| (for good|forever))|(time|ready) to end (it|this|things|everything)( all)?(?= *$| (i|im|and|now|tonight|today|for good|forever)\\b)|(esta noche|hoy) (se acaba|se termina|acabo con|termino con) (todo|esto)",
      "(is|be|its) (his|her) last (night|day)(?! (of|at|in|on|before|with|for))|(es|sera) su ultim[oa] (noche|dia)(?! (de|del|en|con|sin|antes|para))",
      "not (going to|gonna) be (here|around) (tomorrow|much longer|anymore)|before i (die|go(?! (to|back|in|out|home|on|for|into|through|see|get|and|ahead)))|antes de (morirme|irme(?! (a|al|de|con|para|en)))|(me voy|me voy a ir|irme|se va a ir|se va) para siempre|ya no (aguanto|aguanta) mas",
    ],
    // Saying goodbye, setting things in order (988: saying goodbye, giving
    // things away). Not "despedida de soltera" (blanked below).
    goodbye: [
      "made (my )?peace(?! with)|(said|say|saying) (my )?(goodbyes?|farewells?)(?! to (my |the |our )?(old|job|work|boss|pain|crps|meds|pills|doctor|therapist|clinic|cast))|goodbye (to everyone|to all|letter|note)|farewell (letter|note|message|to everyone)",
      "(despedirme|despedirse|(ya )?me despedi|me estoy despidiendo|(me voy a|voy a) despedir)(?! de (mi |el |la |los |las |mis )?(trabajo|fisioterapeuta|terapeuta|doctor|doctora|medico|medica|clinica|companeros|jefe|escuela))|se (despidio|despide|esta despidiendo)|(carta|mensaje|nota) de despedida|adios a todos(?! (los|las|mis))|(put|putting|got|have) (my )?(affairs|things) in order",  // codespell:ignore
      "(letters?|notes?|cartas?) (to|for|para|a) (my|mis|his|her|sus) (kids|children|family|wife|husband|mom|dad|parents|hijos|hijas|familia|esposa|esposo|padres)",  // codespell:ignore
      "(texted|messaged|sent|wrote)( me| us)?( a (text|message))?( (that|saying))? (shes|hes|she is|he is|she was|he was|theyre|they are|they were) sorry",  // codespell:ignore
    ],
    // The chest, the breastbone (chest_pain_breathing).
    chest: ["chest|pecho|breastbone|sternum|esternon"],
    // A weight, pressure or squeeze on it: how a heart attack is told.
    pressure: [
      "pressure|pressing|squeez[a-z]*|crushing|heavy|heaviness|weight|elephant|tightness|(feels?|felt|is|so|getting) tight|vise|vice|clench[a-z]*|band (around|across)|clutch[a-z]*|grabbing|grabbed|(someone|somebody|something) (is )?(sitting|standing|stepping|pressing|pushing|kneeling) on|sitting on (it|me)|ton of bricks|bricks|boulder",  // codespell:ignore
      "aprieta[a-z]*|apretad[oa]|apreton|presion|opresion|peso|pesad[oa]|elefante|aplast[a-z]*|agarr(a|o|aba|ando)",
    ],
    // Trouble breathing (chest_pain_breathing; Poison Help's 911 sign, A4.3).
    breath: [
      "(cant|can ?not|couldnt|hard to|trouble|struggling to|struggle to) (breathe|breath|catch (my|his|her|their) breath|get air)|short of breath|out of breath|gasp[a-z]*|wheez[a-z]*",  // codespell:ignore
      "agarr[a-z]* (el )?aire|(me|le) falta (el )?aire|sin aire|no (puedo|puede|podia) respirar|sibilanc[a-z]*|silb[a-z]*( [a-z]+){0,2} (al respirar|cuando respira)|(me|se) ahog[a-z]*(?! de (calor|risa|tanto))",
    ],
    // Not answering, not to be found, shut in (with a goodbye or an end:
    // the 988 Lifeline's warning signs, and 911 if in danger now).
    unreachable: [
      "(wont|will not|doesnt|does not|isnt|not) (answer|answering|pick up|picking up)( (her|his|the|my) phone)?|(hasnt|has not|havent|have not|hadnt) (answered|picked up|replied|responded|called back)|locked (herself|himself|(her|his|the) door)",  // codespell:ignore
      "no (contesta|lo encuentro|la encuentro|lo encontramos|la encontramos|aparece)|se encerro",
    ],
    // A question of how much, or a whole bottle; and dying by it (988; Poison Help).
    howmuch: ["how (many|much)(?! (people|patients|of (us|them)))|whole bottle|cuant[oa]s?(?! (pacientes|personas|gente))|frasco entero|todo el frasco"],
    die: ["(to|para) (die|morir(me|se)?|matarme|matarse|kill (myself|himself|herself))(?! (from|of|de|por) (it|crps|this|sdrc|la enfermedad))|will it be quick|sera rapido|(would|will|does) it take$|(would|will|does) it take to (die|kill|do it|end it)"],
    // A height, and jumping from it (988).
    height: ["roof|rooftop|ledge|parking garage|cliff|bridge|azotea|techo|puente"],
    jump: ["jump(ing)?|saltar|aventar(me|se)?|tirar(me|se)"],
    // Blue or gray lips (gabapentinoid_breathing).
    blue: [
      "lips?( [a-z]+){0,5} (blue|bluish|dusky|gray|grey|purple)|(blue|bluish|dusky|gray|grey|purple) lips?",  // codespell:ignore
      "labios( [a-z]+){0,3} (morad[oa]s|azul(es|ados)?|gris(es)?|moraditos)",
    ],
    // A cold sweat: with a chest's pain or weight, how a heart attack is told.
    sweat: ["cold sweats?|clammy|sudor frio|sudando frio|sudor(es)? frios?"],
    // Fainting (Poison Help's 911 sign: collapsed, A4.3).
    faint: [
      "((feel|feeling|felt|going to|about to|might) faint|faint(ed|ing)|pass(ed|ing)? out|black(ed|ing) out)(?! (when|whenever|every time|at the sight|if) )",
      "desmay[a-z]*|desvanec[a-z]*",
    ],
    // Hives: with trouble breathing or fainting, a severe allergic reaction
    // (not with "swelling": "hives on my face and swelling in my foot").
    hives: ["hives|welts|ronchas|urticaria"],
    // A cast or splint, and the limb in it going numb, pale, cold or blue
    // (cast_limb_emergency; a cast already off is blanked first, CAST_OFF).
    cast: ["cast|splint|yeso|enyesad[oa]|ferula|entablillad[oa]"],
    limb: [
      "numb|white|pale|blue|purple|gr[ae]y|ice cold|freezing|tingl[a-z]*|(cant|can ?not) (move|feel|wiggle) (my|his|her|the|them|it)|(wont|will not|doesnt|does not) (move|wiggle|bend)|(dont|do not) (move|wiggle|bend)(?! (the|your|it|my|his|her|them)\\b)|(feels?|feel like|went|gone) dead(?! weight)",  // codespell:ignore
      "blanc[oa]s?|palid[oa]s?|fri[oa]s?|helad[oa]s?|morad[oa]s?|azul(es)?|dormid[oa]s?|adormec[a-z]*|hormigue[a-z]*|no (la |lo |las |los )?(siento|siente|puedo mover|puede mover)|(se )?(me|le) (durmio|duerme|durmieron|duermen)",
    ],
    // One side of the face or body, numb, weak or drooping: a stroke (A4.4:
    // sudden weakness or not able to move).
    oneside: ["(one|un|el|todo un) (side|lado)( of)?( (my|his|her|the))? (body|face|del cuerpo|de la cara)|half (of )?(my|his|her) (body|face)|media cara"],
    weak: [
      "numb|weak|sag[a-z]*|droop[a-z]*|paraly[a-z]*|(cant|can ?not) move",  // codespell:ignore
      "(se )?(me|le) (durmio|duerme)|dormid[oa]|adormec[a-z]*|entumec[a-z]*|debil|paraliz[a-z]*|caid[oa]|no (puedo|puede) mover(l[oa])?",
    ],
    // A stimulator, and legs that cannot move or feel (scs_legs_numb_weak).
    stimulator: ["stimulator|scs|estimulador|neuroestimulador"],
    legs: ["(cant|can ?not) ((move|feel|stand on) (my|his|her) legs|stand( up)?(?! (for|long|very|much|more|the|it|this|being|at work))|walk(?! (far|long|much|very|more|without|because|due|well|properly|normally|right|for|the|on|with|after)))|legs? (just |suddenly )?(went|are|is|feel|feels|got|going|giving|gave) (numb|weak|dead|out)|legs?( [a-z]+){0,5} (numb|like jelly)|no (puedo|puede) ((mover|sentir) (las|mis|sus) piernas|(pararme|pararse|caminar)(?! (mucho|por mucho|tanto|mas|por|bien|lejos|sin)))|(ya )?no (siento|siente) (las|mis|sus) piernas|piernas (dormidas|debiles|entumidas)|(se me|se le) (durmieron|duermen|adormecieron|entumieron|debilitaron) las piernas|no (me|se) (puedo|puede) (parar|levantar)(?! (mucho|por mucho|tanto|mas|por|bien|sin|de la cama temprano))|(lost|perdi|pierdo|perdio) (el )?control (of|de) (la |las |mi |mis |su |sus |my |his |her )?(piernas?|legs?)"],  // codespell:ignore
    // Peeing, or the bladder or bowels, with a stimulator (scs_bladder_bowels).
    pee: ["(cant|can not|cannot|unable to|trouble|hard to|difficulty|struggling to) (pee|peeing|urinat[a-z]*)|(peed|wet|pooped|soiled) (myself|my pants|the bed)|(lost|lose|losing|loss of|no) control (of|over) (my |his |her )?(bladder|bowels?)|(lost|lose|losing|loss of|no) (my |his |her )?(bladder|bowel) control|no (puedo|puede) (orinar|hacer pipi)|(me|le) cuesta orinar|(me hice|se hizo|me estoy haciendo|se esta haciendo) (del bano|pipi|popo)|(perdi|pierdo|perdio|pierde|perdida del?) (el )?control (de|del|sobre) (la |mi |su )?(vejiga|orina|intestinos?|esfinteres)"],  // codespell:ignore
    // A baclofen pump, and the signs that its medicine has stopped: a high
    // fever, confusion, very stiff muscles, or the early signs, the old
    // stiffness back, itching, pins and needles (baclofen_pump_withdrawal:
    // an emergency even if mild). Not an itch at the site or the incision,
    // nor a question of what the pump helps, causes or is for, nor "still
    // stiff" (a dose not yet enough), nor "will my stiffness come back"
    // (all blanked first, NOT_A_SIGN). An ITB pump is intrathecal baclofen.
    // The editors' readings, for a clinician to confirm: any "stiff" or
    // "rigid" as the old stiffness back; and a pump not named that ran
    // empty, or whose refill was missed, as a baclofen pump with all its
    // signs: its medicine has stopped, and a pump of another medicine (an
    // insulin or morphine pump, blanked when named) gives no itch or
    // stiffness for stopping. A pump not named that has not stopped is
    // "itpump" below.
    pump: ["baclofen pump|pump (of|for|with|de) baclofen[oa]?|itb pump|bomba (de|del) baclofen[oa]?|bomba itb|pump (ran|run|running|went|is|was|got) (out|empty|dry)|missed( [a-z]+){0,3} pump refill|(bomba|pump)( [a-z]+){0,3} se (vacio|acabo)"],
    withdrawal: [
      "(high )?fever|feverish|confus(ed|ion)|stiff[a-z]*|rigid[a-z]*|(stiffness|spasms|spasticity) (is|are|came|come|comes|has come|have come) back|spasms are back|itch[a-z]*|pins and needles|tingl[a-z]*",
      "fiebre|confundid[oa]|confusion|ties[oa]|rigid[oa]s?|rigidez|(comezon|picazon)|hormigueo",
    ],
    // An intrathecal pump not named, not said to have stopped (it may hold
    // baclofen, or morphine, whose itch is its own while it runs; a named
    // morphine pump is blanked, NOT_A_SIGN): the strongest signs only, a
    // high fever, confusion, very stiff muscles, the spasms back (which
    // only a baclofen pump treats). The editors' reading
    // (baclofen_pump_withdrawal), for a clinician to confirm.
    itpump: ["intrathecal pump|bomba intratecal"],
    pumpsevere: [
      "(high )?fever|feverish|confus(ed|ion)(?! (about|by|with|over))|(very|so|really|super) (stiff|rigid)|(old )?(stiffness|spasms|spasticity) (is|are|came|has come|have come) back",
      "fiebre|confundid[oa](?! (con|sobre|de|por))|confusion(?! (con|sobre|de))|(muy|bien|super) (ties[oa]|rigid[oa])|(volvio|volvieron|regreso|regresaron)( [a-z]+){0,2} (la rigidez|los espasmos)",
    ],
    // Something that sets off a severe allergy: a food, a sting, a new medicine.  // codespell:ignore
    // Not "stings" (how CRPS pain is told), "nuts" ("drives me nuts"), nor a
    // "shot" (a nerve block).
    trigger: [
      "peanuts?|tree nuts|cashews?|almonds?|shellfish|shrimp|bees?|wasps?|hornets?|stung|bee sting|(new|started a) (medicine|med|meds|pill|pills|medication)|antibiotics?|penicillin|amoxicillin|sulfa",  // codespell:ignore
      "cacahuates?|mani|nueces|mariscos|camarones|avispas?|abejas?|picadura|(me|le|nos) pico|antibiotico|penicilina|amoxicilina|(medicina|pastilla) nueva|medicamento nuevo|vacuna",
    ],
    // The face, lips, mouth, tongue or throat swelling, or not able to
    // swallow, after a trigger: a severe allergic reaction. The level is the
    // editors' reading, not a source's (warning_signs.yml has no allergy
    // item; a Medication Guide says "call right away" for the same swelling):
    // kept at 911 as the phrases above read it, for a clinician to confirm.
    swelling: [
      "(face|lips?|tongue|throat|eyes|eyelids?|mouth)( [a-z]+){0,3} (swell[a-z]*|swollen|puff[a-z]*|closing|blow(ing|n)? up)(?! (in the morning|when i wake|from (crying|sleep|sleeping|salt)))|(swell[a-z]*|swollen|puff[a-z]*)( [a-z]+){0,2} (face|lips?|tongue|throat|eyes)|(cant|can ?not|hard to) swallow(?! (pills?|tablets?|capsules?|them|it|my))|(tongue|lips|throat)( [a-z]+){0,2} (feels? |is |are |so |very )*(big|thick|huge|fat)\\b",  // codespell:ignore
      "(hincha|hinchan|hincho|hincharon|hinchando|inflama|inflaman|inflamo|inflamaron|inflamando|infla|inflo)( [a-z]+){0,2} (la cara|los labios|la lengua|la garganta|los ojos|la boca|los parpados)(?! de (llorar|sueno|cansancio|tanto llorar))|(cara|labios|lengua|garganta|ojos|boca|parpados) (hinchad|inflamad)[oa]s?(?! de (llorar|sueno|cansancio|tanto llorar))|garganta( [a-z]+){0,2} (cierra|cerrando)|no (puedo|puede) tragar(?! (pastillas|las pastillas|pildoras|mis))",  // codespell:ignore
    ],
    // Amitriptyline or nortriptyline taken, and more than the dose: a
    // tricyclic overdose is an emergency even if the person seems well
    // (tricyclic_overdose; facts-coverage B1.1, B1.2). "Took an extra one"
    // is the editors' reading of "too much", as an accidental second dose
    // reads above, for a clinician to confirm. Not "should i take two".
    tricyclic: ["(took|taken|swallowed|ate|eaten|chewed|gave|given|got into|had|tome|tomo|tomaron|trago|trague|comio|le di|le dio)( [a-z0-9]+){0,4} ((ami|nor)tr?ip?t[iy]?lin[ae]?s?|elavil|pamelor|aventyl)"],
    toomuch: [
      "(several|a few|many|a bunch of|a handful of|lots of) (amitriptylines?|nortriptylines?|elavils?|pamelors?|pills|tablets)|instead of (1|one|2|two|half|my (usual|normal|regular))|(an|one|1|two|2|three|3|a few|a couple|some) extra|extra (one|ones|pills?|tablets?|doses?|amitriptyline|nortriptyline)|took extra|by (accident|mistake)|accidental(ly)?|on accident|mistakenly|twice (tonight|today|this (morning|evening)|last night|in (one|a) (night|day))|twice$|double (dose|doses|the dose|my dose|his dose|her dose|up|dosed)|doubled( up| (my|the|his|her) dose)|triple (dose|the dose)|(took|taken|swallowed|had|gave|given) too (many|much)|too (many|much) (of (it|them|my|his|her|the)|pills|tablets|amitriptyline|nortriptyline)|(a few|several|some|[2-9]|two|three|four|five|six|seven|eight|nine|ten|a handful|a bunch) of (my|his|her|their|grandmas|grandpas|moms|dads|the|our)",
      "en (vez|lugar) de (una|1|media|mi dosis)|de mas|demasiad[oa]s?|sin querer|por (error|equivocacion|accidente)|(varias|algunas|unas|[2-9]|dos|tres|cuatro|cinco|seis|un punado|un monton) de (mis|sus|las|tus|nuestras)|doble|dos veces|otra (dosis|pastilla)|(varias|muchas|algunas|un monton de|un punado de) (amitriptilinas|nortriptilinas|pastillas)",  // codespell:ignore
    ],
    // Gabapentin or pregabalin, and a sign FDA asks help for at once
    // (gabapentinoid_breathing, level emergency: confused, unusually dizzy,
    // very sleepy, not to be woken, blue lips, fingers or toes, slow or hard
    // breathing; facts-coverage B2.2). Not a question of what it can cause,
    // nor "makes me sleepy" (NOT_A_SIGN); not dizzy or sleepy alone, but
    // "very sleepy" (yml) or "extremely" (B2.2: "extreme sleepiness"), not
    // "so" or "this" sleepy, and "confused" always. Confused about the day,
    // the time, where one is or who people are is disorientation (B2.2's
    // confusion), not confused about a dose or how to take it.
    // Not purple toes: CRPS turns them so (A2.3); B2.2 says "bluish".
    gabapentinoid: ["gabapent[ei]n[a]?|neurontin|pregabalin[a]?|lyrica|gralise|horizant"],
    gabasign: [
      "confus(ed|ion)(?! (about|by|with|over|on how|as to|between|which|what|whether|if))|(confus(ed|ion)( about| as to| over)?|(dont|do not|doesnt|does not|didnt|did not) know|keeps? asking) ((what|which) (day|time|date|month|year) it (is|was)|where (he|she|they|i|we) (is|are|am|was|were)|who (i|we|they|people|everyone) (is|are|am|was|were))(?! (best|better|supposed|going|meant|ok|okay|safe|good|right(?! now)|time|to|for)\\b)|(doesnt|does not|didnt|did not) recogni[sz]e (me|us|anyone|family)|(doesnt|does not|didnt|did not) know (his|her|their|my) (own )?name|(not|isnt) making (any )?sense|talking nonsense|disorient(ed|ated|ation)|(unusual(ly)?|extreme(ly)?|abnormal(ly)?) (dizz[a-z]*|light ?headed)|(very|extremely|extreme) (sleepy|drowsy|sleepiness|drowsiness)|(cant|can not|cannot) (stay awake|keep (his|her|their|my) eyes open)|(cant|can not|cannot|couldnt|wont|will not) (wake|rouse|be woken|be awakened)|hard to wake|barely (awake|conscious)|(not|isnt|wont|will not|doesnt) (respond|responding)(?! to (?!(me|us|anything|his name|her name|touch|shaking)\\b))|unresponsive|(fingers|toes|fingertips|lips)( [a-z]+){0,3} (blue|bluish|gr[ae]y|dusky)|lips( [a-z]+){0,3} purple|(blue|bluish|gr[ae]y|dusky) (fingers|toes|fingertips|lips)|purple lips|(slow|shallow|labored|laboured)( [a-z]+)? breath[a-z]*|breath[a-z]*( [a-z]+){0,3} (slow|slowly|shallow)|(hard|trouble|difficult[a-z]*|struggling) (to )?breath[a-z]*",  // codespell:ignore
      "confundid[oa](?! (con(?! (la |el )?(gabapentina|pregabalina|lyrica|neurontin|medicina|medicamento|pastillas?)\\b)|sobre|de|por|entre))|confusion(?! (con|sobre|de|entre|cual|que|which|what|about|between))|(confundid[oa]( sobre| de| con| acerca de)?|no sabe( ni)?) ((en )?(que|cual) (dia|hora|fecha|mes|ano) (estamos|(es|era|esta)(?! (su|sus|la|las|el|los|lo|mi|mis|tu|tus|un|una|mejor|bueno|buena)\\b))|(donde|en donde) (estamos|(esta|estaba)(?! (su|sus|la|las|el|los|lo|mi|mis|tu|tus|un|una|mejor|bueno|buena)\\b))|quien(es)? (soy|somos|(es|son)(?! (su|sus|la|las|el|los|lo|mi|mis|tu|tus|un|una|mejor|bueno|buena)\\b)))|no (me|nos|la|lo|los|las) reconoce|no reconoce a (nadie|su familia|sus hijos|sus nietos)|desorientad[oa]|mareo (raro|extrano|muy fuerte|fuera de lo (comun|normal))|(muy|demasiado|extremadamente|sumamente) (somnolient|adormilad)[oa]|mucho sueno|no (se )?(puede|pueden|podemos|puedo) (mantener despiert[oa]|despertar(l[oa])?)|no (se )?(despierta|responde|reacciona)(?! (al|a los|a las|a la|con|bien|temprano|en la noche|de noche))|(dedos|labios)( [a-z]+){0,3} (azul(es|ados)?|morad[oa]s|gris(es)?)|(azul(es)?|morad[oa]s|gris(es)?) (los|las|sus|mis) (dedos|labios)|respira (muy )?(lento|despacio|poco|raro|extrano|con dificultad|con esfuerzo)|respiracion (muy )?(lenta|superficial|debil|dificil|con dificultad)",  // codespell:ignore
    ],
    // Standing on a bridge or a ledge, now (the 988 Lifeline's warning
    // signs: a way to end one's life, at hand); not "sitting on the edge of
    // the bed".
    ledge: ["((standing|sitting|stood|sat|stand|sit|parad[oa]|sentad[oa]) (on|at|en|sobre) (the|a|el|un|la|una|top of the) (bridge|ledge|rooftop|roof|cliff|edge|puente|azotea|techo|cornisa|orilla|borde)|(am|im|i am|is|hes|shes|estoy|esta) (on|en|sobre) (the|a|el|un|la|una|top of the) (bridge|ledge|rooftop|cliff|puente|azotea|cornisa))(?! (of|de|del) ((my|the|his|her|la|el|mi|su) )?(bed|chair|seat|couch|bathtub|tub|sofa|cama|silla|sillon|tina|banera)| (club|deck|garden|party|game|table))"],
    now: ["right now|(ahorita|ahora)( mismo)?|en este (momento|instante)|as we speak|at this moment|now$|tonight|esta noche"],  // codespell:ignore
    // A neck block and a neck that swells (stellate_block_neck_breathing);
    // not a bruise (block_bruise_soreness, unless it grows: a phrase above),
    // nor swollen glands (NOT_A_SIGN).
    block: ["(nerve|stellate|neck|ganglion|sympathetic|sgb) (block|injection|shot)|block (in|on) (my|his|her|the) neck|injection|bloqueo|inyeccion|ganglio estrellado|sgb"],
    neckswell: ["cuello( [a-z]+){0,3} (hinchad[oa]|inflamad[oa]|hinchando|hincho|inflamando)|(lump|swelling|swollen|bump|knot|bulge)( [a-z]+){0,3} (on|in) ((my|his|her|the|side of (my|his|her|the)) )?neck|neck( [a-z]+){0,2} (swelling|swollen|swelled|swells|puff[a-z]*|bigger)|(bulto|bola|bolita|chichon|hinchazon)( [a-z]+){0,2} (en|del) (el )?cuello|cuello( [a-z]+){0,2} (hinchad[oa]|inflamad[oa]|hinchando)"],
    // Not responding, after pills or drink: 911 (facts-coverage A4.3: cannot
    // be woken). Not "wont respond to treatment", "my doctor wont respond  // codespell:ignore
    // about".
    noresponse: ["(wont|will not|isnt|is not|doesnt|does not|not) (respond|responding)(?! (to (?!(me|us|anything|his name|her name|touch|shaking)\\b)|about|well|as well))|((wont|will not|cant|can not|cannot|couldnt) (wake|rouse)( (him|her|them))?|(isnt|is not|not) waking)( up)?(?! (at|in the|during|early|every|as|from|since|until|before|when)\\b)|no (responde|reacciona|despierta)(?! (al|a los|a las|a la|con|bien))"],  // codespell:ignore
    drink: ["drank|drinking|drunk|alcohol|booze|beer|wine|vodka|whiskey|tequila|liquor|bebio|borrach[oa]|cerveza"],
    // An arm or leg cold and pale, and not to be felt or moved: three of
    // the six signs of a limb losing its blood (limb_cold_sudden, A2.1).
    // The source's sign says "suddenly"; reading it without that word is
    // the editors' reading ("if you are not sure, call 911 anyway", A2.5),
    // for a clinician to confirm.
    coldpale: ["(cold|icy|ice cold|freezing) and (pale|white|blue|purple|gr[ae]y)|(pale|white|blue|purple|gr[ae]y) and (cold|icy|ice cold)|(fri[oa]|helad[oa]) y (palid[oa]|blanc[oa]|azul|morad[oa])|(palid[oa]|blanc[oa]|azul|morad[oa]) y (fri[oa]|helad[oa])"],
    // Minutes or hours ago, just now, new for the reader: with a limb cold
    // and pale and severe pain, pins and needles, numbness or a limb that
    // cannot move, the whole of limb_cold_sudden (A2.1; the yml's words:
    // "suddenly turns cold and pale"), "sudden" read from the time. Reading
    // the time as "sudden" is the editors' reading, for a clinician to
    // confirm; never with one sign alone (a numb leg an hour
    // after a lumbar block is expected, A3.9; CRPS turns a limb cold and
    // blue, A2.3; "new for you" is A2.5, unconfirmed, no source).
    recent: [
      "in the (last|past) (hour|half hour|few hours|[0-9]+ minutes)|(an|one|two|a few|a couple of|1|2|3) hours? ago|([0-9]+|a few|ten|twenty|thirty) minutes ago|just (went|turned|got)|(this is new|its new|never happened before)",
      "en la ultima hora|hace (una|media|un par de|dos|unas) horas?|(esto es nuevo|es nuevo|nunca me habia pasado)",  // codespell:ignore
    ],
    // Cold, and pale: both (the yml's "cold and pale"; A2.1's cold limb and
    // pallor). Not blue or purple: A2.1 names neither, and CRPS turns a
    // limb blue or purple (A2.3); a cold limb alone may be ice, or a leg
    // numb after a lumbar block (A3.9).
    limbcold: [
      // Not a cold caught, nor cold weather, water or medicine.
      "cold(?! (medicine|meds|pills?|and flu|weather|outside|water|shower|pack|compress|therapy|air|sore))|icy",
      "fri[oa]s?|helad[oa]s?",
    ],
    limbpale: ["pale|white", "palid[oa]s?|blanc[oa]s?"],
    limbsign: [
      "(severe|terrible|excruciating|unbearable|awful|horrible|worst|extreme|intense) pain|hurts? (like crazy|so (bad|much)|really bad|like hell)|agony|pins and needles|tingl[a-z]*|numb[a-z]*|(cant|can not|cannot) (move|feel) (it|my|his|her)",  // codespell:ignore
      "dolor (muy fuerte|intenso|insoportable|terrible|horrible)|duele (mucho|muchisimo|horrible)|hormigue[a-z]*|adormec[a-z]*|entumec[a-z]*|dormid[oa]|no (la|lo) (siento|puedo mover)|no (puedo|puede) (moverl[oa]|sentirl[oa])",  // codespell:ignore
    ],
    cantfeel: ["(cant|can not|cannot) (feel|move) (it|my (leg|arm|foot|hand))(?! (well|properly|much|very))|no (la|lo) (siento|puedo mover|puedo sentir)|no (puedo|puede) (moverla|moverlo|sentirla|sentirlo)"],  // codespell:ignore
  }
  // Each pair: two kinds (four for limb_cold_sudden's whole sign), and the
  // sign they read.
  const PAIRS = [
    ["means", "end"], // self_harm: a plan with the means
    ["means", "goodbye"], // self_harm: the means, and goodbyes said
    ["end", "goodbye"], // self_harm: a last night, and goodbyes said
    ["chest", "pressure"], // chest_pain_breathing: a heart attack's weight
    ["chest", "breath"], // chest_pain_breathing
    ["chest", "sweat"], // chest_pain_breathing: a chest and a cold sweat
    ["chest", "faint"], // chest_pain_breathing; collapse (A4.3)
    ["breath", "blue"], // gabapentinoid_breathing; trouble breathing
    ["breath", "faint"], // trouble breathing; collapse (A4.3)
    ["breath", "trigger"], // trouble breathing after a food, a sting, a new medicine  // codespell:ignore
    ["trigger", "swelling"], // a severe allergic reaction: face, lips, throat
    ["trigger", "faint"], // a severe allergic reaction; collapse (A4.3)
    ["trigger", "blue"], // a severe allergic reaction; blue lips
    ["blue", "faint"], // blue lips; collapse (A4.3)
    ["goodbye", "unreachable"], // self_harm: a goodbye, then no answer
    ["end", "unreachable"], // self_harm: "tonight is the night", a door locked
    ["howmuch", "die"], // self_harm: how much it would take (988; Poison Help)
    ["height", "jump"], // self_harm: a roof or a ledge to jump from
    ["hives", "breath"], // a severe allergic reaction: hives and wheezing
    ["hives", "faint"], // a severe allergic reaction; collapse (A4.3)
    ["cast", "limb"], // cast_limb_emergency
    ["oneside", "weak"], // a stroke: one side numb, weak or drooping (A4.4)
    ["stimulator", "legs"], // scs_legs_numb_weak
    ["stimulator", "pee"], // scs_bladder_bowels
    ["pump", "withdrawal"], // baclofen_pump_withdrawal
    ["itpump", "pumpsevere"], // baclofen_pump_withdrawal (an unnamed intrathecal pump: editors)
    ["tricyclic", "toomuch"], // tricyclic_overdose
    ["gabapentinoid", "gabasign"], // gabapentinoid_breathing
    ["ledge", "now"], // self_harm: on a bridge or a ledge, now
    ["ledge", "end"], // self_harm
    ["ledge", "goodbye"], // self_harm
    ["block", "neckswell"], // stellate_block_neck_breathing
    ["noresponse", "means"], // cannot be woken after pills (A4.3)
    ["noresponse", "drink"], // cannot be woken after drink (A4.3)
    ["coldpale", "cantfeel"], // limb_cold_sudden (without "suddenly": editors)
    ["recent", "limbcold", "limbpale", "limbsign"], // limb_cold_sudden ("an hour ago" as "suddenly": editors)
  ]
  // Words blanked before the pairs read a query: a kind's word in a sense
  // that is no danger ("blood pressure", "lost weight", "chest strap").
  const NOT_A_SIGN = new RegExp(
    "\\b(" +
      [
        "blood pressure|pressure (cuff|points?|garments?|stockings?|sores?|ulcers?|gloves?|bandages?)",
        "presion (arterial|alta|baja|sanguinea)",
        "(lost|lose|losing|gain|gained|gaining|put on) weight|weight (loss|gain|bearing|lifting|training|watchers)",
        "(perdi|pierdo|perder|baje|bajar|subi|subir|gane|ganar|aumente) (de )?peso",
        "chest (strap|of drawers|stretch[a-z]*|muscles?|binder|x ?rays?|cold|congestion|hair|tube)",
        "heavy (blanket|bags?|lifting)",
        // What a pump or a medicine helps: a question, not a sign.
        "(help|helps|helping|ayuda|ayudar|sirve|cause|causes|causing|causar|causa)( (with|for|con|para))?( (the|my|el|la|mi))? (pins and needles|tingling|hormigueo|stiffness|rigidez|spasms|espasmos|itching|picazon|comezon|fever|fiebre)",
        "(for|para|treat[a-z]*|tratar) (the |my |la |mi |su )?(stiffness|rigidez|spasticity|espasticidad|spasms|espasmos|dystonia|distonia)",
        // An itch where the pump sits (a wound's), not all over.
        "(itch[a-z]*|picazon|comezon)( [a-z]+){0,2} (at|around|on|near|over|en|alrededor de|cerca de)( [a-z]+){0,3} (site|incision|scar|wound|stitches|cicatriz|herida|puntos|skin over)|(site|incision|scar|wound|stitches|cicatriz|herida)( [a-z]+){0,2} (itch[a-z]*|pica|picazon|comezon)",
        // A pump named for another medicine.
        "(morphine|morfina|opioid|hydromorphone|dilaudid|ziconotide|prialt|pain|dolor|insulin|insulina) (intrathecal |intratecal )?(pump|bomba)|(bomba|pump) (intratecal |intrathecal )?(de|of|with) (morfina|morphine|insulina|insulin|dolor)",
        // A question of what a medicine can do, not a sign: "does gabapentin
        // cause confusion", "gabapentin side effects"; "makes me sleepy".
        "(does|do|can|could|will|would|may|might|should|is it (normal|safe|ok|okay)( for| that| to)?|puede|pueden|es normal que)( [a-z]+){0,2} ((gabapen|neuron)tin[a]?|pregabalin[a]?|lyrica|(ami|nor)tript[iy]lin[ae]?|elavil|pamelor)(?!( [a-z]+){0,4} this (confused|sleepy|drowsy))",
        "side effects?( of)?( [a-z]+)? ((gabapen|neuron)tin|pregabalin|lyrica)|((gabapen|neuron)tin|pregabalin|lyrica) side effects?|efectos secundarios( de)?( la)? (gabapentina|pregabalina)|(gabapentina|pregabalina) (y )?(sus )?efectos secundarios",
        // Not "very sleepy", "confused": a sign (gabapentinoid_breathing).
        "(makes|made|making) (me|him|her|you) (feel )?((a little|a bit|kind of|a little bit) )?(sleepy|drowsy|dizzy|foggy)|(me|le) (da|dio|daba) (un poco de )?sueno|(confused|sleepy|drowsy|dizzy)( [a-z]+){0,2} at first",
        // A sign denied, or asked about: "not confused, just tired", "no
        // esta fria ni palida", "is it normal to be confused on gabapentin",
        // "gabapentin and confusion in the elderly", "the label confused me".
        "(not|isnt|wasnt|no longer) (confused|disoriented)(?! (before|until|till|yesterday|earlier|at first)\\b)|(no|sin) confusion|no (estoy|esta|estaba) confundid[oa]|es normal (estar|sentirse|sentirme|que (este|me sienta|se sienta)) (confundid[oa]|maread[oa]|somnolient[oa])",  // codespell:ignore
        "(not|isnt|wasnt) (cold|pale|white|icy)( (or|and|nor) (cold|pale|white|icy))?|no (esta|estaba) (fri[oa]|palid[oa]|blanc[oa])|ni (fri[oa]|palid[oa]|blanc[oa])",  // codespell:ignore
        "is it normal to (be|feel|get) (confused|sleepy|drowsy|dizzy)|(cause|causes|causa|causar) confusion|(and|y) confusion (in|en)( the| los| las)? (elderly|older (people|adults)|seniors|ancianos|personas mayores|adultos mayores)",
        "(label|instructions|directions|insurance|bill|form)( [a-z]+){0,2} confused (me|us|him|her)|confused (my|his|her|the|our) (prescription|order|meds|pills|dose|doses|refill|bottles?)",
        // Exercises: a glute bridge, jump squats (height and jump).
        "(glute|hip|single leg|one leg|wall) bridges?|bridges? (exercises?|pose|stretch(es)?)|jump(ing)? (squats?|jacks?|lunges?|rope)",
        // A cast's color, chosen: "a purple cast", "gray or purple splint".
        "(purple|pink|blue|white|gr[ae]y|green|red|black|camo)(?=( or (purple|pink|blue|white|gr[ae]y|green|red|black|camo))? (casts?|splints?)\\b)",
        // A prescribed dose of two tablets; a question before a dose.
        "([2-9]|two|three) of (my|his|her)( [a-z0-9]+){0,4} as (my |the |his |her )?(doctor|dr|pharmacist|nurse) (said|told|says|prescribed|ordered)|([2-9]|dos|tres) de (mis|sus)( [a-z0-9]+){0,4} como (me )?(dijo|indico|receto) (el|mi|la|su) (doctor|doctora|medico|medica)|(can|should|could|may) (i|he|she|we) (take|have|give)( [a-z]+){0,3} extra",  // codespell:ignore
        // A dose raised and the stiffness not yet gone: no withdrawal.
        "(have|had|has|got|caught|with) a (cold|chest cold|head cold)",
        "still (stiff|rigid)|sigue (ties[oa]|rigid[oa])|(will|would|does|do) (my |the |his |her )?(stiffness|spasms|spasticity) (come back|return)",
        "(swollen |hinchad[oa]s? )?(lymph nodes?|glands?|ganglios linfaticos)",
        "despedida de soltera",
      ].join("|") +
      ")\\b",
    "g"
  )
  const kinds = Object.fromEntries(
    Object.entries(KINDS).map(([kind, words]) => [kind, new RegExp("\\b(" + words.join("|") + ")\\b")])
  )
  const pairsRead = text => {
    const plain = text.replace(NOT_A_SIGN, " ")
    const found = new Set(Object.keys(kinds).filter(kind => kinds[kind].test(plain)))
    return PAIRS.some(pair => pair.every(kind => found.has(kind)))
  }
  // A cast already off is not a cast to worry about: "after the cast my hand
  // is cold and blue" is how CRPS often starts, and the pages answer it. Nor
  // is a stroke or a heart attack in the past: CRPS can follow one ("crps
  // after a stroke", the SSA's ruling). These words are blanked before the
  // rule reads the query. A splint "after it was put on" is not off. So is
  // a sign the reader denies ("not confused or sleepy"), which the phrases
  // below would otherwise read as the sign.
  // (Not a lookbehind in the rule: Safari before 16.4 cannot parse one, and the
  // whole line would then never show.)
  const CAST_OFF = new RegExp(
    "\\b(" +
      [
        // Not "toes sticking out of the cast".
        "(after|since|post|without|(got|get|getting|been|im|i am|is|was|finally|now|just|came|am|and) out of|^out of)( (the|my|his|her|their|a))? (cast|splint)(?! (was|were|got|is) (put on|placed|applied|on))",
        // "my cast came off", "cast was removed", "when my cast was taken off"
        "(cast|splint)( [a-z]+){0,2} (came|comes|come|coming) off|(cast|splint) (was|were|got|is|has been|had been) (removed|taken off|cut off)|(removed|took off|taken off|cut off) (the|my|his|her) (cast|splint)",
        "(after|since|post)( (the|my|his|her|their|a))? (stroke|heart attack)",
        "(had|has had) (a|an|his|her) (stroke|heart attack)( [a-z0-9]+){0,2} (ago|last (year|month|week|spring|summer|fall|winter))",
        "(tuvo|tuve) (un|una) (derrame|embolia|infarto)( cerebral)? (hace|el (ano|mes) pasado)",  // codespell:ignore
        // A sign denied, for the phrases too (not only the pairs).
        "(not|isnt|wasnt|no longer|never) (confused|disoriented|sleepy|drowsy)( (or|and|nor) (confused|disoriented|sleepy|drowsy))?(?! (before|until|till|yesterday|earlier|at first)\\b)",  // codespell:ignore
        "(despues del?|desde|tras)( (un|una|el|la|su|mi))? (derrame( cerebral)?|embolia|ataque cerebral|infarto|ataque al corazon)",
        "(despues del?|desde (el|la)|sin|tras( el| la)?)( (quitarme|quitarle|sacarme|sacarle|quitar|sacar))?( (el|la|mi|su))? (yeso|ferula)",
        "(quitaron|quito|quitarme|quitarle|quite|sacaron|saco|sacarme|sacarle|saque|retiraron|retiro)( (me|le|el|la|mi|su)){0,2} (yeso|ferula)",
      ].join("|") +
      ")\\b",
    "g"
  )
  const danger = {
    parts: [ENGLISH_MIND, ENGLISH_BODY, SPANISH],
    kinds: Object.values(kinds),
    test: text => danger.parts.some(part => part.test(text)) || pairsRead(text),
  }
  window.healthsiteDanger = { danger, castOff: CAST_OFF }
})()
