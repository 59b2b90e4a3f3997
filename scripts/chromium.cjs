// The system's Chromium (Debian's `chromium` package), driven by playwright-core, which downloads no
// browser of its own. Shared by the browser tests (test/browser) and `npm run shots`.
'use strict';
const { Buffer } = require('node:buffer');
const { existsSync } = require('node:fs');

/** Where Debian, Ubuntu and Google put the browser; STARBRANCH_CHROMIUM names another. */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/**
 * Flags for a headless run as root on a machine without network: no sandbox (root), no GPU, and
 * none of the background fetching that makes the browser wait on a closed network. playwright
 * gives every launch a fresh profile (`--user-data-dir`) of its own.
 */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The browser's path, or null when none is installed. */
function findChromium(env = process.env) {
  const own = env.STARBRANCH_CHROMIUM;
  if (own) return existsSync(own) ? own : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/** On CI (or when asked) a missing browser is a failure, not a reason to skip. */
function browserRequired(env = process.env) {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI !== 'false';
  return ci || env.STARBRANCH_BROWSER_TESTS === '1';
}

function launchChromium(executablePath) {
  const { chromium } = require('playwright-core');
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS, timeout: 30000 });
}

/** Pages in a PDF as Chromium writes it: one `/Type /Page` object per page. */
function pdfPageCount(pdf) {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []
  ).length;
}

module.exports = {
  CANDIDATES,
  CHROMIUM_ARGS,
  findChromium,
  browserRequired,
  launchChromium,
  pdfPageCount,
};
