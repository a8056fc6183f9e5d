"""Spanish readers find the Spanish page first, and never an English one (issue 20).

On the real site's Spanish pages (/es/), in Chromium, each query of the
Spanish evaluation set marked ``must_find`` (benchmarks/search_queries_es.yml:
the issue's "distrofia simpática refleja", "dolor ardiente" and "ketamina",
and ten more) finds its Spanish page first, and no result is an English page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from benchmarks.search_eval import (
    QUERY_FILES,
    SEARCH_WORDS,
    EvalQuery,
    load_queries,
)
from tests.browser import EMERGENCY_LINE, SiteServer, danger_line_misreads, wait_for_answer

pytestmark = pytest.mark.browser

WORDS = SEARCH_WORDS["es"]
MUST_FIND = [query for query in load_queries(QUERY_FILES["es"]) if query.must_find]
# The page link of each result (its sections follow it in the item).
PAGE_LINKS = ".md-search-result__item > a.md-search-result__link:first-child"


@pytest.fixture(scope="module")
def spanish_home(chromium: Browser, site_server: SiteServer) -> Iterator[Page]:
    """The Spanish home page, its search box reused by every query."""
    page = chromium.new_page()
    page.goto(site_server.url() + "es/")
    yield page
    page.close()


def test_the_set_holds_the_issues_three_and_ten_more() -> None:
    queries = {query.query for query in MUST_FIND}
    assert {"distrofia simpática refleja", "dolor ardiente", "ketamina"} <= queries
    assert len(queries) >= 13


def search_for(page: Page, query: str) -> None:
    """Type ``query`` into an emptied search box; wait for its final answer
    (Material searches on each key: the results of part of it could show)."""
    box = page.locator(".md-search__input")
    meta = page.locator(".md-search-result__meta")
    box.click()
    box.fill("")
    box.press("End")
    expect(meta).to_contain_text(WORDS.placeholder)
    box.fill(query)
    box.press("End")
    expect(meta).to_contain_text(re.compile(f"{WORDS.found}|{WORDS.none}"))
    wait_for_answer(page, query)


@pytest.mark.parametrize("query", MUST_FIND, ids=lambda query: query.query)
def test_a_spanish_query_finds_its_spanish_page_first_and_no_english_page(
    spanish_home: Page, query: EvalQuery
) -> None:
    search_for(spanish_home, query.query)

    links = spanish_home.locator(PAGE_LINKS)
    (expected,) = query.pages
    expect(links.first).to_have_attribute("href", re.compile(f"/{re.escape(expected)}(\\?|$)"))
    for link in links.all():
        expect(link).to_have_attribute("href", re.compile(r"/es/"))


# Spanish readers' words by the English file's classes (branch i23-rank6):
# "uñas" is "unas", a filler word, once its accent goes, and no page says
# "plan 504" or "pastilla de azúcar"; another page came first for each on main.
READERS_WORDS = [
    ("se me pusieron raras las uñas de la mano que me duele", "es/conditions/crps/"),
    ("plan 504 para el sdrc", "es/guides/children-and-teenagers/"),
    ("me dan una pastilla de azúcar en un estudio", "es/guides/research-and-clinical-trials/"),
    # A page Pagefind said a word names is checked against its names in
    # Spanish too (sameSpanishWord): the diagnosis guide came first before.
    ("algun dia se me va a quitar este dolor", "es/conditions/crps/"),
    # Medicines by their US names, of a kind the pages name (AINE, esteroides;
    # branch i23-brands): the CRPS page came first.
    ("voltaren gel en el pie", "es/treatments/other-treatments/"),
    ("predisona para el sdrc", "es/treatments/medicines/"),
]


@pytest.mark.parametrize(("query", "expected_page"), READERS_WORDS)
def test_spanish_readers_words_find_the_page_first(
    spanish_home: Page, site_server: SiteServer, query: str, expected_page: str
) -> None:
    search_for(spanish_home, query)
    first = spanish_home.locator(PAGE_LINKS).first
    expected = re.compile(re.escape(site_server.url(expected_page)) + r"(\?|$)")
    expect(first, f"first result for {query!r}").to_have_attribute("href", expected)


@pytest.mark.parametrize(
    "query",
    [
        "quiero quitarme la vida",
        "dolor en el pecho, no puedo respirar",
        "sobredosis",
        # Someone the reader speaks of.
        "mi esposo dice que quiere matarse",
        # "cortarse" and what is going on now matched no danger word before.
        "mi hija quiere cortarse",
        "mi hijo se está lastimando",
        # The English held-out part's three, as a Spanish reader might type them.
        "ya no quiero estar viva",
        "mi mamá se tomó un frasco entero de pastillas",
        "siento el pecho apretado y el brazo izquierdo dormido",
        "dolor punzante en el pecho",
        "mi hija tiene convulsiones",
        # A limb in a cast, or one suddenly cold and pale (warning_signs.yml).
        "tengo los dedos adormecidos con el yeso",
        "de repente la pierna se puso fría y pálida",
        "no puedo mover los dedos con el yeso",
        "mi esposo se tomó todas sus pastillas",
        "me quiero cortar el brazo",
        "me duele el pecho",
    ],
)
def test_spanish_words_that_suggest_danger_show_911_and_988(spanish_home: Page, query: str) -> None:
    """The 911 and 988 line, in Spanish, for a Spanish reader's words of danger."""
    box = spanish_home.locator(".md-search__input")
    emergency = spanish_home.locator("[data-search-help='emergency']")
    box.click()
    box.fill(query)
    box.press("End")
    expect(emergency).to_be_visible()
    expect(emergency).to_contain_text("911")
    expect(emergency).to_contain_text("988")
    expect(emergency).to_contain_text("Llame")
    expect(emergency).to_contain_text("de repente se pone frío o pálido")
    # Words with no danger in them: the line goes.
    box.fill("dolor ardiente")
    box.press("End")
    expect(emergency).to_be_hidden()


# A review of the rule (branch review6): words of danger it did not read, one
# for each of its new lines, each of which showed no line before; and words it
# read as danger that are not: a shoe or a cast "me está lastimando" (hurts
# me), the pain "me está matando", a doctor who will cut the cast off or a
# nerve, a CRPS hand's nails, all the pain to end.
MORE_DANGER_ES = [
    "me pico una avispa y se me hincha la cara",
    "bomba de baclofeno y hormigueo",
    "me pico una abeja y se me hincha la cara y no puedo tragar",
    "tengo las pastillas listas y ya me voy a despedir",
    "mi hija tiene bomba de baclofeno y esta confundida",
    # Self-harm and suicide; pain past bearing.
    "me corto los brazos",
    "se hizo daño a propósito",
    "me hago cortes",
    "me quiero ahorcar",
    "tirarme de un puente",
    "quisiera estar muerta",
    "quiero dormir y no despertar",
    "no vale la pena vivir",
    "ya no aguanto este dolor",
    "ya no puedo más",
    # Too much of a medicine; fainted or cannot be woken.
    "se tomó demasiado",
    "me pasé de la dosis",
    "tomé doble dosis de amitriptilina",  # codespell:ignore (Spanish)
    "mi hijo se comió unas pastillas",
    "mi niña se tomó mis pastillas",  # codespell:ignore (Spanish)
    "dosis letal de amitriptilina",
    "cuántas pastillas para morir",
    "se desmayó y no responde",  # codespell:ignore (Spanish)
    "lo encontré inconsciente",
    "no lo puedo despertar",
    "mi esposo no reacciona",
    # The heart, breathing, a swelling tongue, a clot, a stroke.
    "ataque cardíaco",
    "me cuesta respirar",
    "me asfixio",
    "se me hincha la lengua",
    "anafilaxia",
    "embolia",
    "tose sangre",
    "tiene la boca chueca",
    "derrame cerebral",
    "creo que me está dando un derrame",
    "mi papá está teniendo otro derrame",
    # Seen in the seventh held-out part; tested in other words.
    "dejé cartas de despedida",
    "escribió una nota de despedida",
    "se le está hinchando la garganta",
    "se me están hinchando los labios",
    "creo que estoy teniendo un derrame",
    "se me hincharon los labios",
    "adormecimiento de un lado del cuerpo",
    "tengo un lado de la cara caído",
    # The site's other 911 signs; speech or a limb, suddenly or in a cast.
    "fiebre y cuello rígido",
    "perdí el control de la vejiga",
    "de repente no puede hablar",
    "no puede hablar de repente",
    "no siento los dedos con el yeso",
    # Misspelled.
    "suisidio",  # codespell:ignore (Spanish)
    # A second pass: more ways of saying the same.
    "mi familia estaría mejor sin mí",
    "quiero terminar con todo",
    "me estoy muriendo",
    "estoy cansada de vivir",
    "ya no quiero seguir",
    "me voy a quitar la vida",
    "mi bebé se tragó una pastilla",
    "se tomó cloro",
    "me falta la respiración",
    "el yeso me aprieta y se me duermen los dedos",
    "me duele horrible el yeso",
    "emergencia",
    # The sixth fresh held-out part's misses, in other words (lead, after review6).
    "estoy juntando mis pastillas para tomármelas todas de una vez",  # codespell:ignore (Spanish)
    # review7: a street pill, violence at home, a drowning, a dose passed on purpose.
    "mi hijo tomó una pastilla falsa",
    "mi esposo me golpea",
    "mi hijo se ahogó en la alberca",
    "me quiero pasar de la dosis de gabapentina",
    # A fresh review (review8): words of US Spanish speakers (Mexican, Central
    # American, Caribbean), with and without accents, written before reading
    # the rule; those it did not read are named in the commit.
    # Self-harm and suicide: cutting, hanging, a bridge, a wish to die.
    "quiero matarme",
    "me quiero morir",
    "ya no quiero vivir",
    "pienso en suicidarme",
    "pensamientos suicidas",
    "mi hijo se esta cortando",
    "mi hija se corta los brazos",
    "quiero quitarme la vida",
    "no aguanto mas quiero morirme",
    "me voy a suicidar",
    "mi esposo dijo que se va a matar",
    "quiero hacerme daño",
    "me hice daño a proposito",
    "me corté las venas",
    "estoy pensando en colgarme",
    "me quiero aventar del puente",
    "me voy a tirar del edificio",
    "me dan ganas de morirme",
    "suisida",
    # Too much of a medicine: twice the dose, a handful, fentanyl.
    "tome muchas pastillas",
    "se tomó todas las pastillas",
    "sobredosis de amitriptilina",
    "mi niño se comio mis pastillas de gabapentina",  # codespell:ignore (Spanish)
    "mi bebe se trago una pastilla de nortriptilina",
    "me tome el doble de la dosis de amitriptilina",  # codespell:ignore (Spanish)
    "sobre dosis de pregabalina",
    "sobredosis de fentanilo",
    "se paso de pastillas",
    "se tomo un puño de pastillas",
    # Breathing, cannot be woken, blue lips; blue nails only with another sign:
    # the SDRC can change a nail's color (harden2010).
    "no puedo respirar",
    "no puedo respirar bien despues del bloqueo",
    "me falta el aire",
    "le falta el aire y tiene los labios morados",
    "labios azules",
    "tiene los labios morados",
    "no despierta",
    "mi mamá no reacciona",
    "está inconsciente",
    "respira muy despacio",
    "casi no respira",
    "dejó de respirar",
    "se esta ahogando",
    "se desmayó y no despierta",
    "se ahogo en la alberca",
    "uñas azules y no puede respirar",
    # The heart.
    "dolor en el pecho",
    "dolor de pecho fuerte",
    "me duele el pecho y el brazo izquierdo",
    "opresión en el pecho",
    "ataque al corazón",
    "infarto",
    "creo que me esta dando un infarto",
    # A stroke in plain words (a twisted mouth, odd speech, one side), sudden
    # confusion.
    "le dio una embolia",
    "se le torció la boca",
    "tiene la cara caida de un lado",
    "habla raro y no puede mover el brazo",
    "se le paralizo un lado del cuerpo",
    "ataque cerebral",
    "accidente cerebrovascular",
    "de repente no conocía a nadie",
    "está confundido de repente",
    "confusión repentina",
    "se me durmió la mitad de la cara de repente",
    "mi abuelo habla raro de repente",
    "tiene la boca torcida y no puede hablar",
    "no puedo mover un lado del cuerpo",
    # Fever with a stiff neck (scs_fever_stiff_neck); a seizure; an allergic reaction.
    "no puedo enderezar el cuello y tengo fiebre",
    "cuello rígido y fiebre",
    "fiebre dolor de cabeza y cuello tieso",
    "esta convulsionando",
    "reacción alérgica grave",
    "se me cierra la garganta",
    "se me hincho la lengua",
    "choque anafiláctico",
    "anafilaxis",
    # The site's 911 signs (data/warning_signs.yml): a neck block, a cast, a limb,
    # a stimulator, a baclofen pump; the lines themselves; violence at home.
    "se me hincha el cuello despues del bloqueo",
    "el moretón del cuello está creciendo",
    "no puedo tragar despues del bloqueo del ganglio estrellado",
    "el yeso me aprieta y los dedos estan azules",
    "no puedo mover los dedos del yeso",
    "la pierna se puso fria y palida de repente",
    "no puedo pararme despues del estimulador",
    "no puedo orinar después del estimulador",
    "perdi el control de la vejiga",
    "bomba de baclofeno fiebre alta y confusion",
    "llamar al 911",
    "ambulancia",
    "mi pareja me pega",
    # The eighth held-out part's danger queries the rule missed, in other words.
    "ya tengo la soga",
    "elegi la fecha para matarme",
    "presion fuerte en el pecho y sudor frio",
    "me duele el esternon y me falta el aire",
    "a mi nieto se le hunden las costillas al respirar",
    "me salieron ronchas y se me hincharon los labios",
    "se me hincho la cara despues del antibiotico",
    # review10's queries, written before it read the new lines.
    "compre soga",  # codespell:ignore
    "mi bebe tiene aleteo nasal",
    "tiraje intercostal en mi bebe",
    "el bebe se queja al respirar",
    "se le hunde el pecho al respirar",
    "siento como si me aplastaran el pecho",
    "mi papa tiene presion en el esternon y esta sudando",
    "me dieron un piquete y se me hincho la cara",
    "ronchas y la cara hinchada",
    "se me cerro la garganta con la pastilla",
    # danger9's, written before it changed the rule (each showed no line before).
    "ya no quiero estar aqui",
    "mejor estaria muerta",
    "mejor me mato",
    "no le encuentro sentido a la vida",
    "nadie me va a extranar si me muero",
    "ya me despedi de todos",
    "tengo la pistola cargada",
    "ya se como lo voy a hacer",
    "ya escribi la carta y tengo la fecha",
    "tengo las pastillas guardadas para tomarmelas todas el viernes",
    "ya tengo las pastillas juntadas para cuando me decida",
    "voy a tomarme todas las pastillas",
    "me quiero aventar del carro",
    "mi novio me ahorco anoche",
    "lo encontre tirado y no responde",  # codespell:ignore (Spanish)
    "mi hijo se trago una bateria de boton",
    "tome el doble de amitriptilina por error",  # codespell:ignore (Spanish)
    "me tome las pastillas de mi mama por error",
    "me tome todo el frasco de pregabalina",
    "se esta poniendo azul",
    "mi bebe se esta poniendo morado",
    "el peor dolor de cabeza de mi vida",
    "despues del bloqueo se me esta hinchando el cuello",
    "siento como si un elefante estuviera sentado sobre mi",
    "dolor que baja por el brazo izquierdo con sudor y nauseas",
    "mi nino respira muy rapido y se le marcan las costillas",
    "tengo los ojos cerrados de hinchazon despues de la inyeccion",
    "el yeso me duele muchisimo y los dedos estan helados",
    "sindrome compartimental",
    "ya tengo la pistola lista",
    "con la pistola cargada en la mano",
    "estaria mejor muerta",
    "mi vida ya no tiene sentido",
    "por error me tome dos veces la pastilla",
    "mi hijo se comio un iman",
    "pila de boton en la boca del bebe",
    "dolor de mandibula y brazo izquierdo",
    "no puedo abrir los ojos de tan hinchados",
    # The ninth held-out part's Spanish danger queries the rule missed; and
    # queries only a pair of kinds of words reads (search-danger.js, PAIRS).
    "busque cuantas pastillas necesito para no despertar",
    "hoy es mi ultima noche ya me despedi",
    "siento un elefante sentado en el pecho",
    "no puedo agarrar aire y el pecho me aprieta",
    "me pico una avispa y se me hincha la cara y me siento desmayar",
    "ya tengo todas las pastillas juntas y no me quiero despertar mañana",
    "no agarro aire y siento algo raro en el pecho",
    "me pico una abeja y me estoy desmayando",
    "dejé cartas para mis hijos y tengo las pastillas",  # codespell:ignore (Spanish)
    "se puso palido y se agarra el pecho",
    "voy a saltar del puente esta noche",
    "mi hija se despidio por mensaje y no contesta",
    "cuantos gramos de tylenol hacen falta para morir",
    "tiene la pierna enyesada y los dedos morados",
    "todo un lado del cuerpo se le durmio",
    "creo que tuve una convulsion",
    # danger11: review11's Spanish misses, and one query for each new pair.
    "me tomé cuatro nortriptilinas en vez de una sin querer",
    "mi hijo se tomó varias de mis amitriptilinas",  # codespell:ignore (Spanish)
    "mi mamá con pregabalina está muy confundida y mareada",
    "me estoy quemando la piel a propósito",
    "de repente la pierna se me puso fría y pálida y me duele muchísimo",
    "ya tengo las pastillas contadas y esta noche se acaba todo",
    "estoy parada en el puente ahorita mismo",
    "después de la operación tengo la pierna helada y pálida y no la siento",
    "mi papá dice que hoy es su último día",
    "regalé mis cosas porque ya no las voy a necesitar",  # codespell:ignore (Spanish)
    "ya escogí el día",
    "bomba de baclofeno y picazón",
    "bomba de baclofeno y rigidez",
    "mi hija tiene cortes en los brazos",
    "mi nieto se comió una de mis amitriptilinas",  # codespell:ignore
    "encontré navajas en el cuarto de mi hijo",
    "bulto en el cuello después de la inyección y me cuesta tragar",
    "ya no quiero estar en este mundo",
    "su cara está caída de un lado y no puede hablar",
    "me cuesta cada vez más tragar después del bloqueo",
    "mi esposo con gabapentina y oxicodona respira raro",
    # danger11's held-out part: the Spanish danger queries the rule missed.
    "el yeso de la pierna me duele muchisimo y se me durmio el pie",
    # (danger13: "el pie se puso blanco y duele mucho, esto es nuevo" left
    # this list: pale and pain, not cold, is below limb_cold_sudden's "cold
    # and pale"; its level is for a clinician.)
    "no puedo respiar aiuda",
    "me hice daño otra vez",
    "ojala no despertar mañana",
    "encontre cortadas en las piernas de mi hija",
    "despues del bloqueo en el cuello se me esta hinchando",
    "tengo estimulador medular y se me durmieron las piernas",
    "no me puedo parar despues de la cirugia del estimulador",
    "tengo estimulador de la medula y no puedo orinar",
    "me hice del baño sin sentir tengo estimulador espinal",
    "me pusieron el estimulador y tengo calentura y el cuello tieso",
    "mi mama se tomo varias amitriptilinas y tiene el corazon acelerado",
    "la bomba de baclofen se vacio y me vuelve la rigidez",
    "mi hijo tiene el pump de baclofen y esta muy tieso y con fiebre",
    "me tome muchas pastiyas para el dolor",
    # danger12, from review13: very sleepy, slow breathing, not waking on
    # gabapentin or pregabalin (gabapentinoid_breathing); a leg's control
    # lost with a stimulator (scs_legs_numb_weak).
    "la gabapentina me da mucho sueño",
    "la pregabalina le da mucho sueño",
    "gabapentina respiración lenta",
    "pregabalina no se despierta",
    "tengo estimulador y perdí el control de la pierna",
    # danger13, from review14: confused about the day, where one is, on
    # gabapentin or pregabalin: disorientation (B2.2's confusion); extreme
    # sleepiness (B2.2).
    "mi abuela toma gabapentina y está confundida sobre qué día es",
    "mi abuela con gabapentina no sabe en qué día está",
    "mi papá con pregabalina no sabe dónde está",
    "mi mamá con gabapentina está extremadamente somnolienta",
    # review15: no one recognized, not even the day.
    "mi abuelo con gabapentina no reconoce a nadie",
    "mi abuela con gabapentina no sabe ni qué día es",
    # review16: confused "con" the medicine is confused by it; who we are,
    # then more words.
    "mi mamá está muy confundida con la gabapentina",
    "no sabe quiénes somos mi papá toma gabapentina",
    "no sabe quién soy mi abuela toma pregabalina",
]
NO_DANGER_ES = [
    "la bomba de baclofeno ayuda con el hormigueo",
    "tomo las pastillas antes de irme a dormir",
    "la amitriptilina me ayuda a no despertarme en la noche",
    "me despidieron del trabajo y no puedo pagar mis medicamentos",  # codespell:ignore (Spanish)
    "mi jefe me despidio y el doctor no contesta",
    "no puedo caminar por el dolor, me sirve un estimulador",
    "adios a todos los medicamentos, voy a probar la terapia",
    "trabajo en un edificio y tengo que tirarme en el piso del dolor",
    "la bomba de baclofeno ayuda con la rigidez",
    "tengo la soga al cuello con las deudas",
    "se me cerraron los ojos despues de la pastilla",
    "elegimos la fecha de la cirugia",
    "tengo ronchas en el pie",
    "me duelen las costillas",
    "compre una soga para saltar",  # codespell:ignore
    "tengo la soga hasta el cuello con los pagos",
    "me dan ronchas con el calor y anoche se me cerraron los ojos temprano",
    "se me hincharon los ojos de llorar y la pastilla no me ayuda",
    "perdi peso en el pecho y los brazos",
    "escogi el dia de mi cirugia",
    "despedida de soltera",
    "se me hincha la mano",
    "me dio un derrame en la rodilla después de la cirugía",
    "tengo gripa y se me inflama la garganta",
    "el zapato me está lastimando",
    "el dolor me está matando",
    "el doctor me va a cortar el yeso",
    "el cirujano quiere cortar el nervio",
    "puedo cortarme las uñas",
    "quiero acabar con todo el dolor",
    "el dolor me golpea en las noches",
    # review8: "suero" is the IV drip (a ketamine infusion), not an antivenom;
    # the SDRC's colors, nails and burning pain, a block's expected effects, a
    # stroke or heart attack in the past (the SDRC can follow one), everyday words.
    "suero de ketamina",
    "me pusieron suero con ketamina",
    "cuanto dura el suero",
    "mi mano se pone morada",
    "el pie azul y frio",
    "uñas moradas",
    "uñas azules",
    "unas azules en el pie",
    "me muero de dolor",
    "este dolor me esta matando",
    "me muero por saber si se quita",
    "inyeccion de bloqueo de nervios",
    "ardor en la pierna",
    "la piel cambia de color",
    "mano hinchada y roja",
    "párpado caído después del bloqueo",
    "voz ronca despues del bloqueo",
    "rigidez en los dedos",
    "tengo el cuello rigido de dormir mal",
    "fiebre después del ácido zoledrónico",
    "confundido con tantos tratamientos",
    "niebla mental sdrc",
    "sdrc despues de un derrame cerebral",
    "síndrome hombro mano después de una embolia",
    "ejercicios de respiracion para el dolor",
    "respirar profundo para relajarme",
    "dolor como descargas electricas",
    "la ketamina me hizo ver cosas",
    "pierna dormida despues del bloqueo lumbar",
    "piel moteada",
    "un pie mas frio que el otro",
    "uñas que crecen raro",
    "sudor frio en la mano",
    "estimulador medular para el dolor",
    "pastillas para el dolor",
    "dosis de amitriptilina para dormir",
    "ataque de ansiedad",
    "matar el dolor",
    "sangre en la orina despues del bloqueo",
    "moreton donde entro la aguja",
    "no puedo tragar las pastillas",
    "colgar la ropa me duele el brazo",
    "me cuesta orinar después de la ketamina",
    "sdrc despues de un infarto",
    "no puedo colgarme la bolsa en el hombro",
    "tengo alergia fuerte al polen",
    # danger9's: the same words in ordinary queries ("me muero de ganas", a
    # massage gun, a foot that turns purple, a doctor who does not answer).
    "me muero de ganas de volver a trabajar",
    "me muero de sueno con la gabapentina",
    "pastillero para mis medicinas",  # codespell:ignore (Spanish)
    "fecha para dejar las pastillas",
    "ejercicios con soga para el hombro",
    "tengo una pistola de masaje para la pierna",
    "me despedi de todos en el trabajo por el crps",
    "escribi una carta al seguro y tengo la fecha de la cita",
    "ya se como lo voy a hacer con el seguro",
    "mi doctor no responde",  # codespell:ignore (Spanish)
    "el pie se pone morado y frio",
    "mi hijo se puso morado de frio en la alberca",
    "quiero tomarme todas las pastillas a la misma hora",
    "pastillas guardadas en el cajon",
    "pilas para el tens",
    "ya no quiero estar aqui en el hospital",
    "no le encuentro sentido al tratamiento",
    "brazo izquierdo con crps",
    "tengo nauseas por la ketamina",
    "ojos hinchados de llorar",
    "se me cierran los ojos de sueno",
    "ya tengo fecha para la cirugia",
    "me quitaron el yeso y tengo la mano hinchada",
    # A pair's two kinds of words in ordinary senses (search-danger.js, PAIRS).
    "hoy es mi ultimo dia de pastillas",
    "tomo pastillas para dormir y no me quiero despertar temprano",
    "despedida de soltera y llevo mis pastillas para el dolor",  # codespell:ignore (Spanish)
    # danger11: the new pairs' and guards' words in ordinary senses.
    "la picadura del dolor me hace saltar, y se me hinchan los ojos de llorar",  # codespell:ignore
    "me ahogo de calor con la pastilla nueva",
    "me voy a despedir de mi fisioterapeuta, ya terminé, y mis medicinas",  # codespell:ignore
    "mis hijos preguntan si me voy a morir de esto",  # codespell:ignore (Spanish)
    "no puedo pararme mucho tiempo, el estimulador me ayudará",
    "bomba intratecal para el sdrc, estoy confundido con las opciones",
    "tengo las pastillas contadas para la semana",
    "puede la pregabalina causar confusión",
    "estoy en la orilla de la cama ahorita con dolor",
    "la inyección en el brazo me dejó un bulto",
    "mi hijo se tomó su medicina para el asma",
    "estoy confundida con la dosis de pregabalina",
    "ahorita estoy en el techo arreglando la antena",
    "gabapentina efectos secundarios confusión",
    # A stimulator, a knee hurt, waking with pain: ordinary words.
    "no me puedo parar mucho tiempo con el estimulador",
    "me hice daño en la rodilla en fisioterapia",
    "ojalá no despertar con dolor mañana",
    # danger12, from review13: the control of pain, not of the bladder; a
    # CRPS foot cold and blue an hour ago, with no other sign.
    "perdí el control del dolor aunque tengo estimulador",
    "mi pie con sdrc se puso frío y azul hace una hora",  # codespell:ignore (Spanish)
    # danger13, from review14: cold without pale (ice, a lumbar block's numb
    # leg, A3.9), or cold and purple with CRPS (A2.3), is not
    # limb_cold_sudden's "cold and pale"; a dose, or which day it is due, is
    # no disorientation; "tan" sleepy is not B2.2's extreme.
    "me puse hielo hace una hora y ahora tengo el pie frío y con hormigueo",  # codespell:ignore
    "pierna dormida y fría hace dos horas después del bloqueo simpático lumbar",  # codespell:ignore
    "tengo sdrc y el pie se puso frío y morado hace una hora y con hormigueo",  # codespell:ignore
    "estoy confundida sobre la dosis de gabapentina",
    # review15: where the medicine is, who the doctor is, which day is
    # best or the visit's; a sign denied; a side effect asked about.
    "mi mamá no sabe dónde está su gabapentina",
    "no sabe quién es el médico que receta la gabapentina",
    "mi mamá con pregabalina no sabe qué día es su cita",
    "no estoy confundida pero la gabapentina me da sueño",
    "la gabapentina causa confusión",
    "no está fría ni pálida, solo dormida hace una hora",  # codespell:ignore (Spanish)
    "es normal estar confundido con gabapentina",
    "no sabe en qué día le toca la pregabalina",
    "la pregabalina me tiene tan somnoliento, ¿es normal?",
]


def test_the_spanish_911_and_988_line_follows_the_words_as_typed(spanish_home: Page) -> None:
    """As in English: the line follows the words as typed, in Spanish, with
    and without accents, for each way of saying danger and none of the rest."""
    assert danger_line_misreads(spanish_home, MORE_DANGER_ES, NO_DANGER_ES) == []
    expect(spanish_home.locator(EMERGENCY_LINE)).to_be_hidden()
    spanish_home.locator(".md-search__input").fill(MORE_DANGER_ES[0])
    expect(spanish_home.locator(EMERGENCY_LINE)).to_contain_text("Llame")
