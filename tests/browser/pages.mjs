// The web pages in a real browser: Debian's Chromium, headless, driven by playwright-core
// against a running `senate-kb serve` (tests/web.rs starts it, runs this file with node's
// test runner and stops both, also on failure). Every scenario in both languages:
// searching as you type and without JavaScript, the language switch, the map, the race
// page's side-by-side text, a person from a race, the keyboard alone, hostile queries, the
// console, axe-core's serious and critical violations; and screenshots for a person to look
// at.
//
// Environment: SENATE_KB_URL (the server), SENATE_KB_CHROMIUM (the browser),
// SENATE_KB_SCREENSHOTS (where the pictures go).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const BASE = process.env.SENATE_KB_URL;
const SHOTS = process.env.SENATE_KB_SCREENSHOTS;
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const LANGS = ['en', 'de'];
// The flags the project starts Chromium with: no network of its own, no first-run work.
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

let browser;
// Whatever went wrong on any page: console errors, uncaught exceptions, requests that
// left the server, dialogs (an alert() would mean a script of a query ran).
const problems = [];

before(async () => {
  assert.ok(BASE && SHOTS && process.env.SENATE_KB_CHROMIUM, 'environment set by tests/web.rs');
  mkdirSync(SHOTS, { recursive: true });
  // playwright-core makes a fresh profile directory for the browser and removes it after.
  browser = await chromium.launch({
    executablePath: process.env.SENATE_KB_CHROMIUM,
    args: FLAGS,
    timeout: 60_000,
  });
});

after(async () => {
  await browser?.close();
});

/** A fresh page that records every problem; `expect` lists console errors a test causes. */
async function open(options = {}, expect = []) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  const where = () => page.url();
  page.on('console', (m) => {
    if (m.type() === 'error' && !expect.some((e) => m.text().includes(e))) {
      problems.push(`console error on ${where()}: ${m.text()}`);
    }
  });
  page.on('pageerror', (e) => problems.push(`exception on ${where()}: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`a dialog opened on ${where()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol !== 'data:') {
      problems.push(`a request left the server on ${where()}: ${r.url()}`);
    }
  });
  return page;
}

function url(path, lang) {
  const sep = path.includes('?') ? '&' : '?';
  return `${BASE}${path}${sep}lang=${lang}`;
}

/** The race ids the hits link to, in order. */
async function hits(page) {
  return page.$$eval('.hit h2 a', (links) =>
    links.map((a) => new URL(a.href).pathname.replace('/race/', '')));
}

for (const lang of LANGS) {
  test(`${lang}: typing Plagi shows Montana without Enter, and the address follows`, async () => {
    const page = await open();
    await page.goto(url('/', lang));
    // The box has the focus when the page opens.
    assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
    await page.keyboard.type('Plagi', { delay: 60 });
    await page.waitForSelector('.hit h2 a[href^="/race/mt?"]');
    assert.deepEqual(await hits(page), ['mt']);
    const address = new URL(page.url());
    assert.equal(address.pathname, '/search');
    assert.equal(address.searchParams.get('q'), 'Plagi');
    assert.equal(address.searchParams.get('lang'), lang);
    // Still typing: the box keeps the focus and what was typed.
    assert.equal(await page.evaluate(() => document.activeElement.id), 'q');
    assert.equal(await page.inputValue('#q'), 'Plagi');
    // The address, opened again, shows the same.
    await page.goto(page.url());
    assert.deepEqual(await hits(page), ['mt']);
    // Emptying the box goes back to the start page.
    await page.fill('#q', '');
    await page.dispatchEvent('#q', 'input');
    await page.waitForSelector('svg.map');
    assert.equal(new URL(page.url()).pathname, '/');
    await page.context().close();
  });

  test(`${lang}: the same search without JavaScript`, async () => {
    const page = await open({ javaScriptEnabled: false });
    await page.goto(url('/', lang));
    await page.fill('#q', 'Plagi');
    await Promise.all([page.waitForURL(/\/search\?/), page.press('#q', 'Enter')]);
    const address = new URL(page.url());
    assert.equal(address.searchParams.get('q'), 'Plagi');
    assert.equal(address.searchParams.get('lang'), lang);
    assert.deepEqual(await hits(page), ['mt']);
    assert.match(await page.textContent('.hit .sentence mark'), /Plagiat|plagiarism/);
    // The facets and the races are links, and work too.
    await Promise.all([page.waitForURL(/outcome=gain/), page.click('.facets a >> nth=1')]);
    assert.deepEqual(await hits(page), ['mt']);
    await page.context().close();
  });

  test(`${lang}: the language switch keeps the page and the query`, async () => {
    const other = lang === 'en' ? 'de' : 'en';
    const page = await open();
    await page.goto(url('/search?q=Stichwahl', lang));
    const before = await hits(page);
    assert.ok(before.length > 0);
    await Promise.all([page.waitForURL(new RegExp(`lang=${other}`)),
      page.click(`#switch a[hreflang="${other}"]`)]);
    const address = new URL(page.url());
    assert.equal(address.pathname, '/search');
    assert.equal(address.searchParams.get('q'), 'Stichwahl');
    assert.equal(await page.getAttribute('html', 'lang'), other);
    assert.equal(await page.inputValue('#q'), 'Stichwahl');
    assert.deepEqual(await hits(page), before);
    // After typing, the switch follows what was typed.
    await page.fill('#q', '');
    await page.type('#q', 'Baucus', { delay: 40 });
    await page.waitForFunction(() =>
      document.querySelector('#switch a:not([aria-current])')?.href.includes('q=Baucus'));
    await Promise.all([page.waitForURL(new RegExp(`lang=${lang}`)),
      page.click(`#switch a[hreflang="${lang}"]`)]);
    assert.equal(new URL(page.url()).searchParams.get('q'), 'Baucus');
    await page.context().close();
  });

  test(`${lang}: a map tile opens its race`, async () => {
    const page = await open();
    await page.goto(url('/', lang));
    // Every race is a link on the map.
    assert.equal(await page.locator('svg.map a').count(), 36);
    await Promise.all([page.waitForURL(/\/race\/mt\?/), page.click('svg.map a[href^="/race/mt?"]')]);
    assert.equal(await page.textContent('h1'), 'Montana');
    // A special election beside a regular one is the circle in the tile's corner.
    await page.goBack();
    await Promise.all([page.waitForURL(/\/race\/ok-special\?/),
      page.click('svg.map a[href^="/race/ok-special?"]')]);
    assert.match(await page.textContent('h1'), /Oklahoma/);
    await page.context().close();
  });

  test(`${lang}: the race page shows German and English side by side`, async () => {
    const api = await (await fetch(`${BASE}/api/races/co?lang=${lang}`)).json();
    for (const width of [1280, 390]) {
      const page = await open({ viewport: { width, height: 900 } });
      await page.goto(url('/race/co', lang));
      // One language first, the page's.
      assert.equal(await page.getAttribute('.narrative .text', 'lang'), lang);
      await Promise.all([page.waitForURL(/text=both/), page.click('.views a[href*="text=both"]')]);
      const pairs = page.locator('.parallel .pair:not(.head)');
      assert.equal(await pairs.count(), api.text.length);
      const first = pairs.first();
      assert.equal(await first.locator('p[lang="de"]').textContent(), api.text[0].de);
      assert.equal(await first.locator('p[lang="en"]').textContent(), api.text[0].en);
      const de = await first.locator('p[lang="de"]').boundingBox();
      const en = await first.locator('p[lang="en"]').boundingBox();
      if (width === 1280) {
        assert.ok(en.x > de.x + de.width - 1, 'side by side on a desktop');
      } else {
        assert.ok(en.y > de.y + de.height - 1, 'one under the other on a phone');
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scroll <= width, `nothing wider than the phone: ${scroll}`);
      }
      await page.context().close();
    }
  });

  test(`${lang}: a person's page from a race's`, async () => {
    const page = await open();
    await page.goto(url('/race/mt', lang));
    await Promise.all([page.waitForURL(/\/person\/steve-daines\?/),
      page.click('.people a[href^="/person/steve-daines?"]')]);
    assert.equal(await page.textContent('h1'), 'Steve Daines');
    assert.ok(await page.locator('.appearance a[href^="/race/mt?"]').count() > 0);
    assert.ok(await page.locator('.appearance mark').count() > 0, 'the name marked');
    await page.context().close();
  });

  test(`${lang}: every control is reached by Tab, with a visible focus, and Enter follows`,
    async () => {
      const page = await open();
      for (const path of ['/', '/search?q=Senat', '/race/mt?text=both', '/races', '/people?q=udall']) {
        await page.goto(url(path, lang));
        await page.evaluate(() => document.activeElement?.blur());
        const controls = await page.$$eval(
          'a[href], input:not([type="hidden"]), button, select, textarea',
          (all) => all.map((el, i) => { el.dataset.kb = String(i); return i; }));
        const reached = new Set();
        for (let i = 0; i < controls.length + 3; i++) {
          await page.keyboard.press('Tab');
          const key = await page.evaluate(() => document.activeElement?.dataset.kb);
          if (key === undefined || reached.has(key)) continue;
          reached.add(key);
          const focused = page.locator(`[data-kb="${key}"]`);
          const box = await focused.boundingBox();
          assert.ok(box, `${path}: control ${key} is on the page`);
          // What the focus looks like, against the same control without it.
          const clip = { x: Math.max(0, box.x - 6), y: Math.max(0, box.y - 6),
            width: box.width + 12, height: box.height + 12 };
          const withFocus = await page.screenshot({ clip });
          const label = await page.evaluate(() => document.activeElement.outerHTML.slice(0, 80));
          await page.evaluate(() => {
            window.__kb = document.activeElement;
            window.__kb.blur();
          });
          const without = await page.screenshot({ clip });
          assert.ok(!withFocus.equals(without), `${path}: no visible focus on ${label}`);
          await page.evaluate(() => window.__kb.focus({ focusVisible: true }));
        }
        assert.equal(reached.size, controls.length,
          `${path}: Tab reached ${reached.size} of ${controls.length} controls`);
      }
      // Enter on a map tile, reached by Tab from the search box.
      await page.goto(url('/', lang));
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press('Tab');
        const href = await page.evaluate(() => document.activeElement.getAttribute('href'));
        if (href?.startsWith('/race/ia?')) break;
      }
      await Promise.all([page.waitForURL(/\/race\/ia\?/), page.keyboard.press('Enter')]);
      assert.match(await page.textContent('h1'), /Iowa/);
      await page.context().close();
    });

  test(`${lang}: a query holding markup is shown as text and runs nothing`, async () => {
    const hostile = [
      '<script>alert("script")</script>',
      '<img src=x onerror=alert("img")>',
      '"><svg onload=alert("svg")>',
    ];
    // A query the query language refuses is a 400 page: Chromium says so in its console.
    const page = await open({}, ['status of 400']);
    for (const text of hostile) {
      await page.goto(`${BASE}/search?q=${encodeURIComponent(text)}&lang=${lang}`);
      assert.equal(await page.inputValue('#q'), text);
      assert.ok((await page.textContent('h1')).includes(text));
      assert.equal(await page.locator('main img, main script, main svg').count(), 0);
      // Typed into the box, answered as you type.
      await page.goto(url('/', lang));
      await page.type('#q', text, { delay: 5 });
      await page.waitForFunction((t) => document.querySelector('h1')?.textContent.includes(t), text);
      assert.equal(await page.locator('main img, main script, main svg').count(), 0);
    }
    assert.equal(await page.evaluate(() => document.querySelectorAll('script').length), 1);
    await page.context().close();
  });

  test(`${lang}: axe-core finds no serious or critical violation`, async () => {
    for (const colorScheme of ['light', 'dark']) {
      // The last page is an unknown race's, a 404 page: Chromium says so in its console.
      const page = await open({ colorScheme }, ['status of 404']);
      for (const path of ['/', '/search?q=Plagiat', '/search?q=who+replaced+Max+Baucus',
        '/race/mt', '/race/co?text=both', '/person/mark-udall', '/people?q=udall', '/races',
        '/race/nowhere']) {
        await page.goto(url(path, lang));
        await page.evaluate(AXE);
        const result = await page.evaluate(() => window.axe.run(document, {
          resultTypes: ['violations'],
        }));
        const bad = result.violations.filter((v) => ['serious', 'critical'].includes(v.impact));
        assert.deepEqual(
          bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`),
          [], `${path} in ${colorScheme}`);
      }
      await page.context().close();
    }
  });
}

test('screenshots at 1280 and 390 px, in both languages', async () => {
  const pages = [
    ['home', '/'],
    ['search', '/search?q=Plagiat'],
    ['race', '/race/mt'],
    ['person', '/person/steve-daines'],
  ];
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [1280, 390]) {
      const page = await open({ viewport: { width, height: 800 }, colorScheme });
      for (const lang of LANGS) {
        for (const [name, path] of pages) {
          if (colorScheme === 'dark' && lang === 'de') continue;
          await page.goto(url(path, lang));
          const file = `${SHOTS}/${name}-${lang}-${width}${colorScheme === 'dark' ? '-dark' : ''}.png`;
          await page.screenshot({ path: file, fullPage: true });
          const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(scroll <= width, `${name} ${lang} ${width}: ${scroll} px wide`);
        }
      }
      await page.context().close();
    }
  }
});

test('no page had a console error, an exception, a dialog or a request elsewhere', () => {
  assert.deepEqual(problems, []);
});
