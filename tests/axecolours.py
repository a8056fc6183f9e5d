"""axe's colour rules, run only on elements whose colours this worker has not yet seen pass.

axe's colour rules (``color-contrast``, ``link-in-text-block``) were about
three quarters of axe's time in the per-page visits (benchmarks/README.md,
issue 21). Their verdict on an element is a function of a few things axe
reads in the page: the element's own text colour, stroke, shadow, font size
and weight; the elements axe finds painted behind its text (its own
``getTextElementStack``, the stacks at the centres of the text's boxes) with
their background colours and images, display, position, opacity, blending
and stacking order, and whether each coloured one covers the text; the
page's own backgrounds (html, body). A link's verdict also reads its block
of text (the nearest block ancestor) the same way, and the styles axe
compares between the two (underline, border, outline, font).

``COLOUR_RUN_JS`` writes all of that down for every element either rule
would look at, with the elements named by their order of appearance in the
signature (so two paragraphs of the same column, on two pages, have one
signature), and axe's colour rules look only at elements whose signature has
not yet passed on this worker (``ColourChecks.passed``); a signature is
remembered only from a real pass (colours found and compared, not an element
passed as hidden). It does so inside the run, in each colour rule's
``matches`` (given through axe's ``axe.configure``), so that one axe run
in a scheme checks every rule: each run builds axe's tree of the page and its
grid of boxes again (0.1 to 0.3 s a run), and a scheme took three runs
before (the other rules, the signatures, the colour rules). An element with
the same signature as one that passed would get the same colours and the
same threshold from axe, so passes too.
An element whose colours depend on anything not in the signature is always
checked: any opacity below 1 or blending in its stacks, a form field, a page
with a shadow root, a custom element or a frame (then the whole page is
checked).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from playwright.sync_api import Page

from tests.browser import WCAG_OPTIONS, put_axe_in, violation_lines

# The axe-core release whose colour checks ``COLOUR_RUN_JS`` was written
# against: its signatures hold what that release's color-contrast and
# link-in-text-block read (color-contrast-evaluate.js,
# get-background-color.js, stacking-context.js,
# link-in-text-block*-evaluate.js), and it calls that release's own
# functions (axe.commons.dom.getTextElementStack, getVisibleChildTextRects,
# isVisibleOnScreen, isInTextBlock; a virtual node's _stackingOrder), and
# wraps its rules' matches and its colour checks' evaluate (read from
# axe._audit, given back through axe.configure). A
# later axe may read more than a signature holds, so under any other release
# the colour rules check the whole page (as before tests/axecolours.py), and
# test_axe_is_the_release_the_colour_signatures_were_written_for fails
# saying what to re-check.
AXE_VERSION = "4.12.1"

# Defines ``window.__hsAxeRun(options, passed, others)`` in the page (axe
# must be in it), given the release it was written for (``AXE_VERSION``): one
# axe run of ``options``' rules, the colour rules over the elements whose
# signatures are not in ``passed``; answers axe's violations and the
# signatures of the elements that passed.
COLOUR_RUN_JS = r"""(writtenFor) => {
  // Once per load: the wrappers below hold this closure's state.
  if (window.__hsAxeRun) return;
  // What axe's colour checks read of an element's own style.
  const OWN = ['color', '-webkit-text-fill-color', '-webkit-text-stroke-width',
    '-webkit-text-stroke-color', 'text-shadow', 'font-size', 'font-weight'];
  // What link-in-text-block compares between a link and its block of text.
  const DISTINCT = ['display', 'background-image', 'border-top-style', 'border-top-width',
    'border-top-color', 'border-bottom-style', 'border-bottom-width', 'border-bottom-color',
    'outline-style', 'outline-width', 'outline-color', 'font-family', 'text-decoration',
    'text-decoration-line', 'text-decoration-style', 'font-weight', 'font-style', 'font-size'];
  const BLOCKS = ['block', 'list-item', 'table', 'flex', 'grid', 'inline-block'];
  const isBlock = (element) => {
    const display = getComputedStyle(element).display;
    return BLOCKS.includes(display) || display.startsWith('table-');
  };
  // axe's fullyEncompasses (get-background-color.js): does the element's box
  // (its scrolled size, for a scroller) hold every one of the text's boxes.
  const encloses = (element, rects) => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    const pad = (side) => parseInt(style.getPropertyValue('padding-' + side), 10);
    let {right, bottom} = box;
    if (['scroll', 'auto'].includes(style.overflow) || element === document.documentElement) {
      right = box.left + element.scrollWidth + pad('left') + pad('right');
      bottom = box.top + element.scrollHeight + pad('top') + pad('bottom');
    }
    return rects.every((rect) => rect.top >= box.top && rect.bottom <= bottom
      && rect.left >= box.left && rect.right <= right);
  };

  // What axe reads of one element's text, and of one element behind text:
  // each read once per run (the caches are emptied as a run starts: the
  // scheme changes colours between two runs on one load), however many
  // signatures name the element.
  const caches = [];
  const memo = (read) => {
    const cache = new Map();
    caches.push(cache);
    return (node) => {
      if (!cache.has(node)) cache.set(node, read(node));
      return cache.get(node);
    };
  };
  const GRAPHICS = ['IMG', 'CANVAS', 'OBJECT', 'IFRAME', 'VIDEO', 'SVG'];
  const paint = memo((node) => {
    const style = getComputedStyle(node);
    return {
      plain: style.opacity === '1' && style.mixBlendMode === 'normal',
      // axe measures whether a coloured, not inline, element covers the text.
      coloured: style.backgroundColor !== 'rgba(0, 0, 0, 0)' && style.display !== 'inline',
      look: [GRAPHICS.includes(node.nodeName.toUpperCase()) ? node.nodeName : '',
        style.backgroundColor, style.backgroundImage, style.display, style.position],
      stacking: axe.utils.getNodeFromTree(node)?._stackingOrder ?? [],
    };
  });
  const text = memo((node) => {
    const style = getComputedStyle(node);
    const rects = axe.commons.dom.getVisibleChildTextRects(node);
    const stacks = axe.commons.dom.getTextElementStack(node);
    return {
      own: OWN.map((property) => style.getPropertyValue(property)),
      stacks,
      covers: [...new Set(stacks.flat())].filter((behind) => paint(behind).coloured)
        .map((behind) => [behind, encloses(behind, rects)]),
      bodyCovers: encloses(document.body, [node.getBoundingClientRect()]),
    };
  });
  const distinct = memo((node) => {
    const style = getComputedStyle(node);
    return DISTINCT.map((property) => style.getPropertyValue(property));
  });

  // One element's signature: everything axe's colour checks read for it, the
  // elements named by order of appearance. null when it cannot be proved.
  const signature = (element, rule) => {
    const names = new Map();
    const order = [];
    const name = (node) => {
      if (!names.has(node)) { names.set(node, names.size); order.push(node); }
      return names.get(node);
    };
    const colours = (node) => {
      const {own, stacks, covers, bodyCovers} = text(node);
      return {node: name(node), own, stacks: stacks.map((stack) => stack.map(name)),
        covers: covers.map(([behind, covered]) => [name(behind), covered]), bodyCovers};
    };
    name(document.documentElement);
    name(document.body);
    const parts = {self: colours(element)};
    if (rule === 'link-in-text-block') {
      let block = element.parentElement;
      while (block && !isBlock(block)) block = block.parentElement;
      parts.distinct = distinct(element);
      parts.pseudo = ['before', 'after']
        .map((pseudo) => getComputedStyle(element, '::' + pseudo).content);
      parts.block = block && colours(block);
      parts.blockDistinct = block && distinct(block);
    }
    // Each element named, as axe reads it (growing: stacking orders name more).
    const described = [];
    for (let index = 0; index < order.length; index += 1) {
      const {plain, look, stacking} = paint(order[index]);
      if (!plain) return null;
      described.push([...look, stacking.map(({stackLevel, vNode}) =>
        [stackLevel, vNode ? name(vNode.actualNode) : null])]);
    }
    return rule + ' ' + JSON.stringify([parts, described]);
  };

  // What a signature cannot see: another tree (shadow root, frame) or
  // an element of the page's own making.
  const KNOWN = ['color-contrast', 'link-in-text-block'];
  const FRAMES = ['IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'PORTAL', 'FENCEDFRAME'];
  const wholePage = (rules) => rules.some((rule) => !KNOWN.includes(rule))
    || [...document.querySelectorAll('*')].some((element) => element.shadowRoot
      || element.localName.includes('-') || FRAMES.includes(element.nodeName));

  // A signature as the worker keeps it: 128 bits of hash (a signature is a
  // kilobyte or two; a page's run would send the worker's every one through
  // Playwright). Made in axe's own pass over the elements (``matches``,
  // below), which cannot wait, so two 64-bit string hashes (cyrb53's mixing,
  // two seeds) rather than Web Crypto's SHA-256.
  const half = (text, seed) => {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      h1 = Math.imul(h1 ^ code, 2654435761);
      h2 = Math.imul(h2 ^ code, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return [h2, h1].map((word) => (word >>> 0).toString(16).padStart(8, '0')).join('');
  };
  const key = (sig) => half(sig, 1) + half(sig, 2);

  // What one run (``window.__hsAxeRun``) asks of axe's rules, read by the
  // wrappers below; null outside our runs, where axe runs as shipped.
  let asked = null;
  // Does an element a rule would check lie outside what this run checks?
  const passedOver = (rule, node) => {
    if (KNOWN.includes(rule.id)) {
      const colour = asked.colour;
      if (!colour) return false;
      // Hidden (axe's own isVisibleOnScreen): color-contrast passes it
      // before looking at any colour, and link-in-text-block does not apply.
      if (!axe.commons.dom.isVisibleOnScreen(node)) return true;
      const sig = rule.id === 'color-contrast' && FIELDS.includes(node.nodeName)
        ? null : signature(node, rule.id);
      const hash = sig === null ? null : key(sig);
      if (hash !== null && colour.known.has(hash)) return true;
      if (!colour.found.has(node)) colour.found.set(node, {});
      colour.found.get(node)[rule.id] = hash;
      return false;
    }
    const others = asked.others;
    if (others === null) return false;
    // As axe's own {include: elements} would: those elements and what they
    // hold; a rule of the whole page only when that list is the page itself.
    if (rule.pageLevel) return !(others.size === 1 && others.has(document.documentElement));
    return !within(node);
  };
  const within = (node) => {
    if (!node || node.nodeType !== Node.ELEMENT_NODE) return false;
    if (!asked.within.has(node)) {
      const parent = node.parentNode instanceof ShadowRoot ? node.parentNode.host : node.parentNode;
      asked.within.set(node, asked.others.has(node) || within(parent));
    }
    return asked.within.get(node);
  };
  const FIELDS = ['INPUT', 'SELECT', 'TEXTAREA'];

  // Once per load: every rule's matches, and the colour checks' evaluate,
  // wrapped through axe's public axe.configure. The colour checks note each
  // element whose colours were found, compared and passed.
  if (!axe.__hsWrapped) {
    axe.__hsWrapped = true;
    axe.configure({rules: axe._audit.rules.map((rule) => {
      const matches = rule.matches;
      return {id: rule.id, matches(node, virtualNode, context) {
        if (!matches.call(this, node, virtualNode, context)) return false;
        return !(asked && passedOver(rule, node));
      }};
    })});
    const CHECKS = {'color-contrast': 'color-contrast', 'link-in-text-block': 'link-in-text-block',
      'link-in-text-block-style': 'link-in-text-block'};
    axe.configure({checks: Object.entries(CHECKS).map(([id, ruleId]) => {
      const evaluate = axe._audit.checks[id].evaluate;
      return {id, evaluate(node, options, virtualNode, context) {
        let data = null;
        const helperData = this.data;
        this.data = (value) => { data = value; return helperData.call(this, value); };
        const result = evaluate.call(this, node, options, virtualNode, context);
        // Proved: axe found both colours and compared them (not a hidden
        // element passed unseen); a link, by any of its checks.
        if (asked && result === true
            && (id !== 'color-contrast' || (data?.fgColor && data?.bgColor))) {
          if (!asked.passes.has(node)) asked.passes.set(node, new Set());
          asked.passes.get(node).add(ruleId);
        }
        return result;
      }};
    })});
  }

  // One axe run of ``options``' rules (WCAG tags). The colour rules look only
  // at elements whose signature is not in ``passed``; every other rule at the
  // whole page, or (``others``, a list of elements) only at those elements
  // and what they hold, or (``others`` false) at nothing: not run. Answers
  // axe's violations, the signatures that passed and how many elements the
  // colour rules checked (-1: all, another axe release or a page a
  // signature cannot see).
  window.__hsAxeRun = async (options, passed, others = null) => {
    const tags = options.runOnly.values;
    const colourRules = axe.getRules(['cat.color'])
      .filter((rule) => rule.tags.some((tag) => tags.includes(tag)))
      .map((rule) => rule.ruleId);
    const whole = axe.version !== writtenFor || wholePage(colourRules);
    caches.forEach((cache) => cache.clear());
    asked = {
      colour: whole ? null : {known: new Set(passed), found: new Map()},
      others: others ? new Set(others) : null,
      within: new Map(),
      passes: new Map(),
    };
    const run = others === false ? {runOnly: {type: 'rule', values: colourRules}} : {};
    const {colour, passes} = asked;
    let results;
    try {
      results = await axe.run(document, {...options, ...run, elementRef: true});
    } finally {
      asked = null;
    }
    const newly = colour ? [...colour.found].flatMap(([element, hashes]) => Object.entries(hashes)
      .filter(([rule, hash]) => hash !== null && passes.get(element)?.has(rule))
      .map(([, hash]) => hash)) : [];
    const violations = results.violations.map((violation) => ({...violation,
      nodes: violation.nodes.map(({element, ...node}) => node)}));
    return {violations, passed: [...new Set(newly)], checked: colour ? colour.found.size : -1};
  };
}"""


@dataclass
class ColourChecks:
    """The colour signatures that passed axe's colour rules on this worker
    (``COLOUR_RUN_JS``, each kept as a 128-bit hash): an element with one of
    them is not checked again."""

    passed: set[str] = field(default_factory=set)
    # Elements checked by the last run (-1: the whole page), for the tests.
    last_checked: int = 0

    def note(self, results: dict[str, Any]) -> dict[str, Any]:
        """Remember the signatures a run (``__hsAxeRun``) saw pass."""
        self.passed.update(results.pop("passed"))
        self.last_checked = results.pop("checked")
        return results


def put_colour_run_in(page: Page) -> None:
    """axe and ``window.__hsAxeRun`` (``COLOUR_RUN_JS``) in the open page."""
    put_axe_in(page)
    page.evaluate(COLOUR_RUN_JS, AXE_VERSION)


def colour_violations(page: Page, colours: ColourChecks) -> list[str]:
    """axe's colour violations (WCAG 2.2 A/AA) on the open page, over the
    elements whose colours have not passed in ``colours`` (the run
    ``violations_in_both_schemes`` makes in each scheme, tests/pagevisit.py)."""
    put_colour_run_in(page)
    results = page.evaluate(
        "([options, passed]) => window.__hsAxeRun(options, passed, false)",
        [WCAG_OPTIONS, sorted(colours.passed)],
    )
    return violation_lines(colours.note(results))
