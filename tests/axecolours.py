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

``COLOUR_RUN_JS`` writes all of that down for every element either rule can
look at, with the elements named by their order of appearance in the
signature (so two paragraphs of the same column, on two pages, have one
signature). axe then runs its colour rules only on elements whose signature
has not yet passed on this worker (``ColourChecks.passed``); a signature is
remembered only from a real pass (colours found and compared, not an element
passed as hidden). An element with the same signature as one that passed
would get the same colours and the same threshold from axe, so passes too.
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
# isVisibleOnScreen, isInTextBlock; a virtual node's _stackingOrder). A
# later axe may read more than a signature holds, so under any other release
# the colour rules check the whole page (as before tests/axecolours.py), and
# test_axe_is_the_release_the_colour_signatures_were_written_for fails
# saying what to re-check.
AXE_VERSION = "4.12.1"

# Defines ``window.__hsColourRun(options, passed)`` in the page (axe must be
# in it), given the release it was written for (``AXE_VERSION``): axe's
# colour rules among ``options``' tags over the elements whose signatures are
# not in ``passed``; answers axe's violations and the signatures of the
# elements that passed.
COLOUR_RUN_JS = r"""(writtenFor) => {
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

  // Every element a colour rule can look at (axe's color-contrast-matches:
  // a text node of its own with some text, or a form field; link-in-text-block:
  // a link), with its signature per rule.
  const signatures = (rules) => {
    caches.forEach((cache) => cache.clear());
    const found = new Map();
    for (const element of document.querySelectorAll('*')) {
      const field = ['INPUT', 'SELECT', 'TEXTAREA'].includes(element.nodeName);
      const textual = rules.includes('color-contrast') && (field || [...element.childNodes]
        .some((child) => child.nodeType === Node.TEXT_NODE && /\S/.test(child.nodeValue)));
      const link = rules.includes('link-in-text-block')
        && element.matches('a[href], [role=link]');
      // Hidden (axe's own isVisibleOnScreen): color-contrast passes it
      // before looking at any colour, and link-in-text-block does not apply.
      if (!(textual || link) || !axe.commons.dom.isVisibleOnScreen(element)) continue;
      const sigs = {};
      if (textual) sigs['color-contrast'] = field ? null : signature(element, 'color-contrast');
      // link-in-text-block applies only to a link axe finds in a block of
      // text (its own isInTextBlock, as its link-in-text-block-matches asks).
      if (link && axe.commons.dom.isInTextBlock(element)) {
        sigs['link-in-text-block'] = signature(element, 'link-in-text-block');
      }
      if (Object.keys(sigs).length) found.set(element, sigs);
    }
    return found;
  };

  // What a signature cannot see: another tree (shadow root, frame) or
  // an element of the page's own making.
  const KNOWN = ['color-contrast', 'link-in-text-block'];
  const FRAMES = ['IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'PORTAL', 'FENCEDFRAME'];
  const wholePage = (rules) => rules.some((rule) => !KNOWN.includes(rule))
    || [...document.querySelectorAll('*')].some((element) => element.shadowRoot
      || element.localName.includes('-') || FRAMES.includes(element.nodeName));

  const proven = (rule, node) => rule !== 'color-contrast'
    || node.any.some((check) => check.data?.fgColor && check.data?.bgColor);

  // A signature as the worker keeps it: its SHA-256 (a signature is a
  // kilobyte or two; a page's run would send the worker's every one through
  // Playwright), or itself where the page has no Web Crypto.
  const key = async (sig) => {
    if (!crypto.subtle) return sig;
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(sig));
    return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  };

  window.__hsColourRun = async (options, passed) => {
    const tags = options.runOnly.values;
    const rules = axe.getRules(['cat.color'])
      .filter((rule) => rule.tags.some((tag) => tags.includes(tag)))
      .map((rule) => rule.ruleId);
    const run = {runOnly: {type: 'rule', values: rules}};
    // Another axe: its colour checks may read what a signature leaves out.
    if (axe.version !== writtenFor || wholePage(rules)) {
      const results = await axe.run(document, {...run, resultTypes: ['violations']});
      return {violations: results.violations, passed: [], checked: -1};
    }
    const known = new Set(passed);
    let found;
    axe.setup(document);
    try {
      found = signatures(rules);
    } finally {
      axe.teardown();
    }
    const keys = new Map();
    for (const sigs of found.values()) {
      for (const sig of Object.values(sigs)) {
        if (sig !== null && !keys.has(sig)) keys.set(sig, await key(sig));
      }
    }
    const include = [...found]
      .filter(([, sigs]) => Object.values(sigs)
        .some((sig) => sig === null || !known.has(keys.get(sig))))
      .map(([element]) => element);
    if (!include.length) return {violations: [], passed: [], checked: 0};
    const results = await axe.run({include},
      {...run, resultTypes: ['violations', 'passes'], elementRef: true});
    const newly = results.passes.flatMap((rule) => rule.nodes
      .filter((node) => proven(rule.id, node))
      .map((node) => found.get(node.element)?.[rule.id])
      .filter((sig) => sig)
      .map((sig) => keys.get(sig)));
    const violations = results.violations.map((violation) => ({...violation,
      nodes: violation.nodes.map(({element, ...node}) => node)}));
    return {violations, passed: [...new Set(newly)], checked: include.length};
  };
}"""


@dataclass
class ColourChecks:
    """The colour signatures that passed axe's colour rules on this worker
    (``COLOUR_RUN_JS``, each kept as its SHA-256): an element with one of
    them is not checked again."""

    passed: set[str] = field(default_factory=set)
    # Elements checked by the last run (-1: the whole page), for the tests.
    last_checked: int = 0

    def note(self, results: dict[str, Any]) -> dict[str, Any]:
        """Remember the signatures a colour run (``__hsColourRun``) saw pass."""
        self.passed.update(results.pop("passed"))
        self.last_checked = results.pop("checked")
        return results


def put_colour_run_in(page: Page) -> None:
    """axe and ``window.__hsColourRun`` (``COLOUR_RUN_JS``) in the open page."""
    put_axe_in(page)
    page.evaluate(COLOUR_RUN_JS, AXE_VERSION)


def colour_violations(page: Page, colours: ColourChecks) -> list[str]:
    """axe's colour violations (WCAG 2.2 A/AA) on the open page, over the
    elements whose colours have not passed in ``colours`` (the run
    ``violations_in_both_schemes`` makes in each scheme, tests/pagevisit.py)."""
    put_colour_run_in(page)
    results = page.evaluate(
        "([options, passed]) => window.__hsColourRun(options, passed)",
        [WCAG_OPTIONS, sorted(colours.passed)],
    )
    return violation_lines(colours.note(results))
