import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type StaticServer, startStaticServer } from './static-server.js';

const APP_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SCREENSHOTS = path.join(APP_DIR, 'e2e', 'screenshots');
// Debian's Chromium by default; CHROMIUM_PATH names another build (the GitHub workflow installs Playwright's).
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const chromiumMissing = !existsSync(CHROMIUM);
const inCi = process.env.CI === 'true' || process.env.CI === '1';
const MISSING =
  `No Chromium at ${CHROMIUM}: run \`apt-get update && apt-get install -y chromium\` (.ci/run does this), ` +
  'or set CHROMIUM_PATH to a Chromium or Chrome executable.';

if (chromiumMissing && !inCi) console.warn(`Skipping the browser e2e test: ${MISSING}`);

// Outside CI a machine without Chromium skips (with the reason above); in CI it must fail.
describe.skipIf(chromiumMissing && !inCi)('the example app in headless Chromium', () => {
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;
  let profile: string;

  beforeAll(async () => {
    if (chromiumMissing) throw new Error(MISSING);
    await promisify(execFile)('pnpm', ['run', 'build'], { cwd: APP_DIR });
    server = await startStaticServer(path.join(APP_DIR, 'dist'));
    profile = await mkdtemp(path.join(tmpdir(), 'complero-e2e-'));
    await mkdir(SCREENSHOTS, { recursive: true });
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      acceptDownloads: true,
      viewport: { width: 1100, height: 900 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    // Only this test's own server may be reached; anything else is a bug in the app or the mock.
    await context.route(/^(?!http:\/\/127\.0\.0\.1:\d+\/)/, (route) => route.abort());
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (profile) await rm(profile, { recursive: true, force: true });
  });

  const shoot = (name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const events = () => page.getByRole('region', { name: 'Events' });
  const eventList = () => events().locator('.events');
  const badges = () => events().locator('.event .badge').allTextContents();
  /**
   * Whether a person sees all of `target` inside the events list's scroll box (and the window).
   * Playwright's `isVisible` ignores the clipping of a scrolling parent, so it cannot tell.
   */
  const isShownInList = async (target: Locator) =>
    (await target.count()) === 1 &&
    (await target.evaluate((element) => {
      const list = element.closest('.events');
      if (!list) return false;
      const top = list.getBoundingClientRect().top + list.clientTop;
      const bottom = Math.min(top + list.clientHeight, window.innerHeight);
      const box = element.getBoundingClientRect();
      return box.height > 0 && box.top >= top - 0.5 && box.bottom <= bottom + 0.5;
    }));
  /** Scrolls the events list with the mouse wheel, a little at a time, until a person sees `target`. */
  const scrollListUntilShown = async (target: Locator) => {
    await expect
      .poll(
        async () => {
          if (await isShownInList(target)) return true;
          await eventList().hover();
          await page.mouse.wheel(0, 40);
          return false;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
  };
  const loadAllEvents = async () => {
    await scrollListUntilShown(events().getByText('No more events'));
    expect(await events().getByRole('heading').textContent()).toBe('Events (3)');
  };

  // Every test starts from a fresh load: the mock lives in the page, so its data starts over too,
  // and the tests do not depend on each other or on their order.
  beforeEach(async () => {
    await page.goto(server.url);
    await expect.poll(() => events().getByRole('heading').textContent()).toBe('Events (2)');
  });

  it('shows the first page of events from the mock, and the next page after scrolling', async () => {
    expect(await badges()).toStrictEqual(['update', 'documentation']);
    // Both events of the first page fit in the list; the hint that loads the next page waits just below it.
    for (const row of await events().locator('.event').all()) expect(await isShownInList(row)).toBe(true);
    expect(await isShownInList(events().getByText('Scroll for more'))).toBe(false);
    await shoot('01-first-page');
    await loadAllEvents();
    expect(await badges()).toStrictEqual(['update', 'documentation', 'confirm']);
    expect(await isShownInList(events().locator('.event').last())).toBe(true);
    await shoot('02-all-pages');
  });

  it('shows the validation errors of a 422 next to the upload form', async () => {
    const form = page.getByRole('region', { name: 'Upload a contact' });
    await form.getByRole('button', { name: 'Upload' }).click();
    const alert = form.getByRole('alert');
    await expect.poll(() => alert.textContent()).toBe('Work email does not have a valid format (v1c001)');
    await shoot('03-validation-errors');
  });

  it('uploads a valid contact and follows its operation to completed', async () => {
    const form = page.getByRole('region', { name: 'Upload a contact' });
    await form.getByLabel('email').fill('erika@example.com');
    // Every status line the page shows, recorded as it renders it: a state in between lasts one poll
    // of the app (300 ms, or less when a fetch is cancelled and repeated), which polling from here
    // (Playwright waits up to 500 ms between its looks) can miss.
    await page.evaluate(() => {
      const shown: string[] = [];
      (window as unknown as { operationStatuses: string[] }).operationStatuses = shown;
      new MutationObserver(() => {
        const text = document.querySelector('.operation')?.textContent;
        if (text && text !== shown.at(-1)) shown.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await form.getByRole('button', { name: 'Upload' }).click();
    const status = form.locator('.operation');
    await expect.poll(() => status.textContent(), { timeout: 15_000 }).toMatch(/^Operation [0-9a-f]{8}: completed \(1 item\)$/);
    const shown = await page.evaluate(() => (window as unknown as { operationStatuses: string[] }).operationStatuses);
    const states = shown.map((text) => /^Operation [0-9a-f]{8}: (\w+) \(1 item\)$/.exec(text)?.[1] ?? text);
    expect(states.join(' ')).toMatch(/^((pending|processing) )+completed$/);
    expect(await form.getByRole('alert').count()).toBe(0);
    await shoot('04-operation-completed');
  });

  it('opens a contact, triggers a sandbox event and downloads its documentation PDF', async () => {
    await loadAllEvents();
    await events().getByRole('button', { name: 'Max Mustermann' }).first().click();
    const contact = page.getByRole('region', { name: 'Contact', exact: true });
    await expect.poll(() => contact.getByRole('heading').textContent()).toBe('Herr Max Mustermann');
    await contact.getByRole('button', { name: 'Trigger a confirm event' }).click();
    await expect.poll(() => contact.getByText(/^Event triggered/).textContent()).toBe('Event triggered: event was triggered successfully');
    // The trigger invalidated the events: the list now holds the new confirm event too.
    await expect.poll(() => events().getByRole('heading').textContent()).toBe('Events (4)');
    expect(await badges()).toStrictEqual(['update', 'documentation', 'confirm', 'confirm']);
    await scrollListUntilShown(events().locator('.event').last());
    await contact.getByRole('button', { name: 'Get documentation PDF' }).click();
    expect(await contact.getByText('Generating the documentation…').isVisible()).toBe(true);
    const link = contact.getByRole('link', { name: /^Download PDF/ });
    await link.waitFor({ timeout: 15_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('documentation-K-2025-00012345.pdf');
    const saved = path.join(profile, 'documentation.pdf');
    await download.saveAs(saved);
    const pdf = await readFile(saved);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(500);
    expect(await isShownInList(events().locator('.event').last())).toBe(true);
    await shoot('05-documentation');
  });

  it('shows the events, a contact and a finished upload side by side (the README screenshot)', async () => {
    await loadAllEvents();
    await events().getByRole('button', { name: 'Max Mustermann' }).first().click();
    const contact = page.getByRole('region', { name: 'Contact', exact: true });
    await contact.getByRole('button', { name: 'Trigger a confirm event' }).click();
    await expect.poll(() => events().getByRole('heading').textContent()).toBe('Events (4)');
    const newest = events().locator('.event').last();
    await scrollListUntilShown(newest);
    expect(await newest.textContent()).toMatch(/^confirm Max Mustermann/);
    const form = page.getByRole('region', { name: 'Upload a contact' });
    await form.getByLabel('email').fill('erika@example.com');
    await form.getByRole('button', { name: 'Upload' }).click();
    await expect.poll(() => form.locator('.operation').textContent(), { timeout: 15_000 }).toMatch(/: completed \(1 item\)$/);
    expect(await isShownInList(newest)).toBe(true);
    await shoot('final');
  });
});
