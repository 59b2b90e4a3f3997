// What a reader of report.html sees, measured in the browser: shared by the browser test (which
// asserts on it) and `npm run shots` (which prints it next to the pictures).
'use strict';
/* global document, getComputedStyle, innerWidth, scrollY -- measureInPage runs in the browser */

/** Runs in the page. Everything is plain data, so it crosses back from the browser. */
function measureInPage() {
  const box = (el) => el.getBoundingClientRect();
  /** A name shown whole: rendered, inside its cell, and nothing in the cell cut off or hidden. */
  const names = (selector) =>
    [...document.querySelectorAll(selector)].map((cell) => {
      const name = cell.querySelector('.nm');
      const outer = box(cell);
      const inner = name ? box(name) : outer;
      return {
        text: name ? name.textContent : '',
        label: cell.innerText.replace(/\s+/g, ' ').trim(),
        whole:
          name !== null &&
          inner.width > 0 &&
          inner.height > 0 &&
          inner.left >= outer.left - 0.5 &&
          inner.right <= outer.right + 0.5 &&
          cell.scrollWidth <= cell.clientWidth + 1 &&
          getComputedStyle(cell).textOverflow !== 'ellipsis' &&
          !name.textContent.includes('…'),
      };
    });
  const top = (selector) => {
    const el = document.querySelector(selector);
    return el === null || el.getClientRects().length === 0 ? null : box(el).top + scrollY;
  };
  const width = innerWidth;
  return {
    innerWidth: width,
    scrollWidth: document.scrollingElement.scrollWidth,
    /** Sections whose content is wider than they are (scrolled or cut inside the page). */
    overflowingSections: [...document.querySelectorAll('section')]
      .filter((s) => s.scrollWidth > s.clientWidth + 1)
      .map((s) => s.id),
    /** Boxes inside the page that scroll sideways: as bad on a phone as the page doing so. */
    sidewaysScrollers: [...document.querySelectorAll('body *')]
      .filter((el) => {
        const overflow = getComputedStyle(el).overflowX;
        return (
          (overflow === 'auto' || overflow === 'scroll') && el.scrollWidth > el.clientWidth + 1
        );
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
    heatmapNames: names('#stars th.name'),
    defenseNames: names('#defense th.name'),
    /** How many lines each branch name of the ranking is broken into. */
    rankingNameLines: [...document.querySelectorAll('#ranking td.bn .nm')].map(
      // An inline box has a rectangle per line (and per piece between <wbr>s): count the lines.
      (name) => new Set([...name.getClientRects()].map((r) => Math.round(r.bottom))).size,
    ),
    /** Where sections start, top to bottom (null: not shown). */
    tops: {
      headline: top('#headline'),
      ranking: top('#ranking'),
      stars: top('#stars'),
      activities: top('#activities'),
      defense: top('#defense'),
      judgeMarks: top('#judge-marks'),
    },
  };
}

async function measureReport(page) {
  return page.evaluate(measureInPage);
}

module.exports = { measureReport };
