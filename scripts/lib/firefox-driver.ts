/**
 * The e2e driver for Firefox: Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi
 * (Playwright's Firefox needs its own patched build, which cannot be downloaded here).
 *
 * The specs are written against the part of Playwright's Page and Locator API listed in
 * `E2EPage` (extension-browser.ts); this file implements that part over puppeteer, so one spec runs in
 * both browsers. What it does not implement throws `not supported by the Firefox driver`, so a spec
 * that needs it fails loudly instead of passing by accident; such specs are marked Chromium-only with
 * their reason (see `chromiumOnly` in extension-browser.ts).
 *
 * Locators follow Playwright's semantics where the specs rely on them: they are lazy (resolved on
 * each use), pierce open shadow roots, wait for the element before an action or a read
 * (`textContent`, `getAttribute`, `click` …) and do not wait for `count`, `isVisible` and
 * `allTextContents`.
 */
import puppeteer, { type Browser, type ElementHandle, type Frame as PuppeteerFrame, type Page as PuppeteerPage } from 'puppeteer-core';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, cpSync, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export function firefoxPath(): string {
  const path = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
  if (!existsSync(path)) {
    throw new Error(
      `Firefox not found at ${path}. Install Debian's Firefox ESR with \`bash scripts/ensure-firefox\` ` +
        `(as root: apt-get install firefox-esr fonts-noto-cjk), or set FIREFOX_PATH.`,
    );
  }
  return path;
}

const ACTION_TIMEOUT_MS = 30_000;
const unsupported = (what: string): never => {
  throw new Error(`${what} is not supported by the Firefox driver (scripts/lib/firefox-driver.ts)`);
};

type Step =
  | { kind: 'css'; selector: string }
  | { kind: 'testid'; id: string }
  | { kind: 'role'; role: string; name?: string }
  | { kind: 'pick'; index: number }
  /** Playwright's `locator(selector, { has })`: keeps the matches that contain a match of `steps`. */
  | { kind: 'has'; steps: Step[] }
  /** `locator(selector, { hasText })`: keeps the matches whose text contains it (case and spacing ignored). */
  | { kind: 'hasText'; text: string };

/**
 * Runs in the page: the elements a chain of steps selects, in document order, looking inside open
 * shadow roots as Playwright's selectors do (the lens's card and legend live in one).
 */
function resolveInPage(steps: Step[], start?: Element): Element[] {
  const roleSelectors: Record<string, string> = {
    button: 'button,[role="button"]',
    dialog: 'dialog,[role="dialog"]',
    region: 'section[aria-label],section[aria-labelledby],[role="region"]',
    tablist: '[role="tablist"]',
    tab: '[role="tab"]',
    link: 'a[href],[role="link"]',
    checkbox: 'input[type="checkbox"],[role="checkbox"]',
    table: 'table,[role="table"]',
  };
  const within = (root: ParentNode, test: (el: Element) => boolean): Element[] => {
    const out: Element[] = [];
    const visit = (node: ParentNode) => {
      for (const el of Array.from(node.querySelectorAll('*'))) {
        if (test(el)) out.push(el);
        if (el.shadowRoot) visit(el.shadowRoot);
      }
    };
    visit(root);
    return out;
  };
  const accessibleName = (el: Element) => {
    const label = el.getAttribute('aria-label');
    if (label) return label.trim();
    const by = el.getAttribute('aria-labelledby');
    if (by) return by.split(/\s+/).map((id) => (el.getRootNode() as Document).getElementById?.(id)?.textContent ?? '').join(' ').trim();
    return (el.textContent ?? '').trim();
  };
  let current: Element[] | null = start ? [start] : null;
  for (const step of steps) {
    if (step.kind === 'has') {
      current = (current ?? []).filter((el) => resolveInPage(step.steps, el).length > 0);
      continue;
    }
    if (step.kind === 'hasText') {
      const normal = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
      current = (current ?? []).filter((el) => normal(el.textContent ?? '').includes(normal(step.text)));
      continue;
    }
    if (step.kind === 'pick') {
      const list: Element[] = current ?? [];
      const at: Element | undefined = step.index < 0 ? list[list.length + step.index] : list[step.index];
      current = at ? [at] : [];
      continue;
    }
    const test =
      step.kind === 'css'
        ? (el: Element) => el.matches(step.selector)
        : step.kind === 'testid'
          ? (el: Element) => el.getAttribute('data-testid') === step.id
          : (el: Element) =>
              el.matches(roleSelectors[step.role] ?? `[role="${step.role}"]`) && (step.name === undefined || accessibleName(el) === step.name);
    const roots: ParentNode[] = current ?? [document];
    const next: Element[] = [];
    for (const root of roots) for (const el of within(root, test)) if (!next.includes(el)) next.push(el);
    current = next;
  }
  return current ?? [];
}

const describeSteps = (steps: Step[]): string =>
  steps
    .map((s): string =>
      s.kind === 'css' ? `locator(${s.selector})` : s.kind === 'testid' ? `getByTestId(${s.id})` : s.kind === 'role' ? `getByRole(${s.role})` : s.kind === 'has' ? `has(${describeSteps(s.steps)})` : s.kind === 'hasText' ? `hasText(${s.text})` : `nth(${s.index})`,
    )
    .join('.');

interface LocatorOptions {
  has?: FirefoxLocator;
  hasText?: string;
}

function locatorSteps(selector: string, options: LocatorOptions): Step[] {
  const unknown = Object.keys(options).filter((k) => k !== 'has' && k !== 'hasText');
  if (unknown.length) unsupported(`locator option ${unknown.join(', ')}`);
  const steps: Step[] = [{ kind: 'css', selector }];
  if (options.has) steps.push({ kind: 'has', steps: options.has.steps });
  if (options.hasText !== undefined) steps.push({ kind: 'hasText', text: options.hasText });
  return steps;
}

export class FirefoxLocator {
  constructor(
    private readonly page: FirefoxPage,
    readonly steps: Step[],
    /** The document the steps select in: the page's, or a child frame's. */
    private readonly target: PuppeteerPage | PuppeteerFrame = page.puppeteer,
  ) {}

  private with(step: Step) {
    return new FirefoxLocator(this.page, [...this.steps, step], this.target);
  }
  locator(selector: string, options: LocatorOptions = {}) {
    return new FirefoxLocator(this.page, [...this.steps, ...locatorSteps(selector, options)], this.target);
  }
  getByTestId(id: string) {
    return this.with({ kind: 'testid', id });
  }
  getByRole(role: string, options: { name?: string } = {}) {
    return this.with({ kind: 'role', role, name: options.name });
  }
  first() {
    return this.with({ kind: 'pick', index: 0 });
  }
  last() {
    return this.with({ kind: 'pick', index: -1 });
  }
  nth(index: number) {
    return this.with({ kind: 'pick', index });
  }

  /**
   * An expression that applies `fn` to the matches now. Built as source and evaluated by BiDi itself,
   * which no page CSP limits (an eval inside the page would be refused on extension pages).
   */
  private expression(fnSource: string, arg: unknown): string {
    const argSource = arg === undefined ? 'undefined' : JSON.stringify(arg);
    return `(${fnSource})((() => { const resolveInPage = ${resolveInPage.toString()}; return resolveInPage(${JSON.stringify(this.steps)}); })(), ${argSource})`;
  }

  private inPage<R, A>(fn: (elements: Element[], arg: A) => R, arg?: A): Promise<R> {
    return this.target.evaluate(this.expression(fn.toString(), arg)) as Promise<R>;
  }

  /** The first match, waiting for it (and, for actions, for it to be visible) up to the timeout. */
  private async element(options: { visible?: boolean; timeout?: number } = {}): Promise<ElementHandle<Element>> {
    const deadline = Date.now() + (options.timeout ?? ACTION_TIMEOUT_MS);
    const pickFirst = (elements: Element[], visible: boolean) => {
      const el = elements[0];
      if (!el) return null;
      if (visible) {
        const rect = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (rect.width === 0 || rect.height === 0 || style.visibility === 'hidden') return null;
      }
      return el;
    };
    for (;;) {
      const handle = await this.target.evaluateHandle(this.expression(pickFirst.toString(), Boolean(options.visible)));
      const element = handle.asElement() as ElementHandle<Element> | null;
      if (element) return element;
      await handle.dispose();
      if (Date.now() > deadline) throw new Error(`${describeSteps(this.steps)}: no ${options.visible ? 'visible ' : ''}element within ${options.timeout ?? ACTION_TIMEOUT_MS} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  count() {
    return this.inPage((elements) => elements.length);
  }
  allTextContents() {
    return this.inPage((elements) => elements.map((el) => el.textContent ?? ''));
  }
  evaluateAll<R, A>(fn: (elements: Element[], arg: A) => R, arg?: A) {
    return this.inPage(fn, arg);
  }
  /** The first match's box in the viewport's CSS pixels (null when there is none), as Playwright's. */
  boundingBox() {
    return this.inPage((elements) => {
      const el = elements[0];
      if (!el) return null;
      const rect = el.getBoundingClientRect();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    });
  }
  isVisible() {
    return this.inPage((elements) => {
      const el = elements[0];
      if (!el) return false;
      const rect = el.getBoundingClientRect();
      return rect.width > 0 && rect.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    });
  }
  private async read<R>(fn: (el: Element, arg: unknown) => R, arg?: unknown): Promise<R> {
    const element = await this.element();
    try {
      return (await element.evaluate(fn as (el: Element, arg: unknown) => R, arg)) as R;
    } finally {
      await element.dispose();
    }
  }
  /** `fn` applied to the first match (waiting for it), as Playwright's `locator.evaluate`. */
  evaluate<R, A>(fn: (el: never, arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.read(fn as unknown as (el: Element, arg: unknown) => R, arg);
  }
  textContent() {
    return this.read((el) => el.textContent);
  }
  innerText() {
    return this.read((el) => (el as HTMLElement).innerText);
  }
  getAttribute(name: string) {
    return this.read((el, name) => el.getAttribute(name as string), name);
  }
  inputValue() {
    return this.read((el) => (el as HTMLInputElement).value);
  }
  isChecked() {
    return this.read((el) => (el as HTMLInputElement).checked);
  }
  focus() {
    return this.read((el) => (el as HTMLElement).focus());
  }
  async click() {
    const element = await this.element({ visible: true });
    try {
      await element.click(); // real pointer input at the element's centre, after scrolling it into view
    } finally {
      await element.dispose();
    }
  }
  async press(key: string) {
    await this.focus();
    await this.page.keyboard.press(key);
  }
  /** Like Playwright's fill: sets the value as typing would end, with the input and change events. */
  fill(value: string) {
    return this.read((el, value) => {
      const input = el as HTMLInputElement;
      input.focus();
      const proto = input instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
      Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(input, value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, value);
  }
  /** Like Playwright's selectOption, for one option given by value, label or index. */
  /** Chooses an option, waiting for it to exist as Playwright does (lists fill in after a load). */
  async selectOption(option: string | { label?: string; index?: number; value?: string }) {
    const deadline = Date.now() + ACTION_TIMEOUT_MS;
    for (;;) {
      const result = await this.read((el, option) => {
        const select = el as HTMLSelectElement;
        const options = Array.from(select.options);
        const wanted = typeof option === 'string' ? { value: option } : (option as { label?: string; index?: number; value?: string });
        const chosen =
          wanted.index !== undefined
            ? options[wanted.index]
            : options.find((o) => (wanted.label !== undefined ? o.label === wanted.label : o.value === wanted.value) || (typeof option === 'string' && o.label === option));
        if (!chosen) return { missing: options.map((o) => `${o.value} "${o.label}"`).join(', ') };
        select.value = chosen.value;
        select.dispatchEvent(new Event('input', { bubbles: true }));
        select.dispatchEvent(new Event('change', { bubbles: true }));
        return { chosen: [chosen.value] };
      }, option);
      if ('chosen' in result) return result.chosen;
      if (Date.now() > deadline) throw new Error(`no option ${JSON.stringify(option)} in ${result.missing} within ${ACTION_TIMEOUT_MS} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  async setInputFiles(files: string | { name: string; mimeType: string; buffer: Buffer }) {
    // BiDi's input.setFiles does not reach inputs of moz-extension:// pages (the manager's import):
    // a file on disk is read here and handed over as the reader's pick would, a File in the input.
    if (typeof files === 'string') {
      const types: Record<string, string> = { json: 'application/json', csv: 'text/csv', jsonl: 'application/x-ndjson', html: 'text/html', txt: 'text/plain' };
      const extension = files.split('.').pop()!.toLowerCase();
      files = { name: basename(files), mimeType: types[extension] ?? 'application/octet-stream', buffer: readFileSync(files) };
    }
    // A file made in memory: built in the page and handed to the input as a drop would. The bytes
    // travel inside the expression's source (inPage), not as a BiDi argument: Firefox refuses to hand
    // a content-made object across its Xray wrapper on extension pages.
    await (await this.element()).dispose(); // waits for the input to exist
    await this.inPage(
      (elements, file) => {
        const el = elements[0] as HTMLInputElement;
        const { name, mimeType, base64 } = file as { name: string; mimeType: string; base64: string };
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, { type: mimeType }));
        el.files = transfer.files;
        el.dispatchEvent(new Event('input', { bubbles: true }));
        el.dispatchEvent(new Event('change', { bubbles: true }));
        return true;
      },
      { name: files.name, mimeType: files.mimeType, base64: files.buffer.toString('base64') },
    );
  }
}

/** Playwright's key syntax ("Alt+Shift+T") over puppeteer's single keys. */
class FirefoxKeyboard {
  constructor(private readonly page: PuppeteerPage) {}
  async press(combo: string) {
    const keys = combo === '+' ? ['+'] : combo.split('+');
    const key = keys.pop()!;
    for (const modifier of keys) await this.page.keyboard.down(modifier as never);
    await this.page.keyboard.press(key as never);
    for (const modifier of keys.reverse()) await this.page.keyboard.up(modifier as never);
  }
  type(text: string) {
    return this.page.keyboard.type(text);
  }
}

export class FirefoxPage {
  readonly keyboard: FirefoxKeyboard;
  readonly mouse: { move(x: number, y: number): Promise<void>; click(x: number, y: number): Promise<void> };
  /** moz-extension:// documents run in the extension's process; BiDi keeps reporting about:blank for them. */
  private extensionUrl: string | null = null;

  constructor(
    readonly puppeteer: PuppeteerPage,
    private readonly session: FirefoxSessionParts,
  ) {
    this.keyboard = new FirefoxKeyboard(puppeteer);
    this.mouse = {
      move: (x, y) => puppeteer.mouse.move(x, y),
      click: (x, y) => puppeteer.mouse.click(x, y),
    };
  }

  async goto(url: string, options: { timeout?: number } = {}) {
    if (!url.startsWith('moz-extension://')) {
      this.extensionUrl = null;
      return puppeteer_goto(this.puppeteer, url, options.timeout);
    }
    // Firefox loads extension pages in the extension process, and the BiDi navigation never reports
    // their load (puppeteer's goto times out although the page is there): start the navigation, then
    // wait until the document itself says it is that page and loaded.
    this.extensionUrl = url;
    const before = await this.documentOrigin();
    this.puppeteer.goto(url, { timeout: 60_000 }).catch(() => {});
    await this.waitForDocument(url, before, options.timeout ?? ACTION_TIMEOUT_MS);
    return null;
  }

  /** When the current document began (performance.timeOrigin): a new document has another. */
  private documentOrigin(): Promise<number | null> {
    return this.puppeteer.evaluate(() => performance.timeOrigin).catch(() => null);
  }

  /**
   * Waits for a new document (not `before`, the one the navigation started from: it stays "complete"
   * at the same URL until the navigation replaces it, and under load that can take longer than any
   * fixed pause) at `url`, loaded.
   */
  private async waitForDocument(url: string, before: number | null, timeout: number) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const state = await this.puppeteer.evaluate(() => [location.href, document.readyState, performance.timeOrigin] as const).catch(() => null);
      if (state && state[0] === url && state[1] === 'complete' && state[2] !== before) return;
      if (Date.now() > deadline) throw new Error(`${url} did not load within ${timeout} ms (last: ${JSON.stringify(state)})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async reload() {
    if (!this.extensionUrl) {
      await this.puppeteer.reload();
      return null;
    }
    const url = await this.puppeteer.evaluate(() => location.href);
    const before = await this.documentOrigin();
    await this.puppeteer.evaluate(() => setTimeout(() => location.reload(), 0));
    await this.waitForDocument(url, before, ACTION_TIMEOUT_MS);
    return null;
  }

  url(): string {
    const reported = this.puppeteer.url();
    return this.extensionUrl && (reported === 'about:blank' || reported.startsWith('moz-extension://')) ? this.extensionUrl : reported;
  }

  /** The URL as the document has it now (after in-page navigation such as a hash change). */
  evaluate<R, A = undefined>(fn: string | ((arg: A) => R | Promise<R>), arg?: A): Promise<R> {
    if (typeof fn === 'string') return this.puppeteer.evaluate(fn) as Promise<R>;
    return this.puppeteer.evaluate(fn as (arg: unknown) => R, arg) as Promise<R>;
  }
  async waitForFunction<A>(fn: string | ((arg: A) => unknown), arg?: A, options: { timeout?: number; polling?: number } = {}) {
    return this.puppeteer.waitForFunction(fn as never, { timeout: options.timeout ?? ACTION_TIMEOUT_MS, polling: options.polling ?? 100 }, arg);
  }
  waitForTimeout(ms: number) {
    return new Promise<void>((r) => setTimeout(r, ms));
  }
  locator(selector: string, options: LocatorOptions = {}) {
    return new FirefoxLocator(this, locatorSteps(selector, options));
  }
  getByTestId(id: string) {
    return new FirefoxLocator(this, [{ kind: 'testid', id }]);
  }
  getByRole(role: string, options: { name?: string } = {}) {
    return new FirefoxLocator(this, [{ kind: 'role', role, name: options.name }]);
  }
  screenshot(options: { path: string; fullPage?: boolean }) {
    return this.puppeteer.screenshot({ path: options.path as `${string}.png`, fullPage: options.fullPage });
  }
  title() {
    return this.puppeteer.title();
  }
  bringToFront() {
    return this.puppeteer.bringToFront();
  }
  setViewportSize(size: { width: number; height: number }) {
    return this.puppeteer.setViewport(size);
  }
  /**
   * Playwright's emulateMedia({ colorScheme }). Firefox has no per-tab override over BiDi, so this sets
   * the content colour-scheme preference (about:preferences' website appearance): it applies to every
   * page at once, which the specs allow for by setting the scheme before each page they look at.
   */
  async emulateMedia(options: { colorScheme?: 'dark' | 'light' | null }) {
    const value = options.colorScheme === 'dark' ? 0 : options.colorScheme === 'light' ? 1 : 2;
    await evaluateInChrome(this.session.browser, `Services.prefs.setIntPref("layout.css.prefers-color-scheme.content-override", ${value}), "ok"`);
    await this.waitForFunction((scheme) => matchMedia(`(prefers-color-scheme: ${scheme})`).matches, options.colorScheme ?? 'light').catch(() => {});
  }
  async addInitScript(fn: () => void) {
    await this.puppeteer.evaluateOnNewDocument(fn);
  }
  on(event: 'pageerror', handler: (error: { message: string }) => void): this;
  on(event: 'dialog', handler: (dialog: { message(): string; type(): string; dismiss(): Promise<void>; accept(): Promise<void> }) => void): this;
  on(event: 'console', handler: (message: { text(): string; type(): string }) => void): this;
  on(event: string, handler: (arg: never) => void): this {
    const call = handler as (arg: unknown) => void;
    if (event === 'pageerror') this.puppeteer.on('pageerror', (error) => call({ message: error instanceof Error ? error.message : String(error) }));
    else if (event === 'dialog')
      this.puppeteer.on('dialog', (dialog) =>
        call({ message: () => dialog.message(), type: () => dialog.type(), dismiss: () => dialog.dismiss(), accept: () => dialog.accept() }),
      );
    else if (event === 'console') this.puppeteer.on('console', (message) => call({ text: () => message.text(), type: () => message.type() }));
    else unsupported(`page.on('${event}')`);
    return this;
  }
  context() {
    return this.session.context;
  }
  isClosed() {
    return this.puppeteer.isClosed();
  }
  async close() {
    await this.puppeteer.close().catch(() => {});
  }
  /** The page's frames, the main one first, with the part of Playwright's Frame the specs use. */
  frames() {
    return this.puppeteer.frames().map((frame) => new FirefoxFrame(this, frame));
  }
  /**
   * `download`: the next file Firefox saves into the profile's download folder (prefs below send every
   * download there without asking), with Playwright's `suggestedFilename()` and `path()`.
   */
  waitForEvent(event: string, options: { timeout?: number } = {}) {
    if (event !== 'download') return unsupported(`page.waitForEvent('${event}')`);
    return nextDownload(this.session.downloadDir, options.timeout ?? ACTION_TIMEOUT_MS);
  }
}

async function nextDownload(dir: string, timeout: number) {
  const before = new Set(readdirSync(dir));
  const deadline = Date.now() + timeout;
  for (;;) {
    const names = readdirSync(dir);
    // Firefox writes NAME.part (or NAME beside it) and renames when done: a new name without a .part.
    const done = names.find((n) => !before.has(n) && !n.endsWith('.part') && !names.includes(`${n}.part`));
    if (done) {
      // Firefox may create the file before writing it: done once its size holds for 200 ms.
      const path = join(dir, done);
      let size = -1;
      for (;;) {
        const now = statSync(path).size;
        if (now > 0 && now === size) break;
        if (Date.now() > deadline) throw new Error(`the download ${path} was not complete within ${timeout} ms`);
        size = now;
        await new Promise((r) => setTimeout(r, 200));
      }
      return { suggestedFilename: () => done, path: async () => path };
    }
    if (Date.now() > deadline) throw new Error(`no download within ${timeout} ms (download folder ${dir})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Evaluates `expression` in Firefox's parent process (chrome scope), as about:debugging and
 * about:preferences do their work; BiDi allows it because of MOZ_REMOTE_ALLOW_SYSTEM_ACCESS.
 */
export async function evaluateInChrome(browser: Browser, expression: string): Promise<unknown> {
  const connection = (browser as unknown as { connection: { send(method: string, params: object): Promise<{ result: any }> } }).connection;
  const tree = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const { result } = await connection.send('script.evaluate', {
    expression,
    target: { context: tree.result.contexts[0].context },
    awaitPromise: true,
  });
  if (result?.type !== 'success') throw new Error(`Firefox's parent process refused ${expression.slice(0, 80)}: ${JSON.stringify(result).slice(0, 300)}`);
  return result.result?.value;
}

export class FirefoxFrame {
  constructor(
    private readonly page: FirefoxPage,
    readonly puppeteer: PuppeteerFrame,
  ) {}
  url() {
    return this.puppeteer.url();
  }
  evaluate<R, A = undefined>(fn: string | ((arg: A) => R | Promise<R>), arg?: A): Promise<R> {
    if (typeof fn === 'string') return this.puppeteer.evaluate(fn) as Promise<R>;
    return this.puppeteer.evaluate(fn as (arg: unknown) => R, arg) as Promise<R>;
  }
  locator(selector: string) {
    return new FirefoxLocator(this.page, [{ kind: 'css', selector }], this.puppeteer);
  }
}

async function puppeteer_goto(page: PuppeteerPage, url: string, timeout = ACTION_TIMEOUT_MS) {
  try {
    return await page.goto(url, { timeout, waitUntil: 'load' });
  } catch (error) {
    // Firefox's BiDi fails the whole navigation when a subresource of the page is refused (a saved news
    // page's iframe of an unreachable host: "Address rejected"), although the document itself loaded, as
    // Playwright's goto (which waits for the document's load event only) would report.
    // The refusal can come while the document is still parsing: wait for the document, not just look once.
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      const state = await page.evaluate(() => [location.href, document.readyState]).catch(() => null);
      if (state && state[0] === url && state[1] === 'complete') return null;
      if (state && state[0] !== url && state[0] !== 'about:blank') break; // another document: a real failure
      await new Promise((r) => setTimeout(r, 100));
    }
    throw error;
  }
}

interface FirefoxSessionParts {
  browser: Browser;
  context: FirefoxContext;
  downloadDir: string;
}

interface RouteFulfil {
  status?: number;
  contentType?: string;
  body: string;
}
type RouteHandler = (route: { fulfill(response: RouteFulfil): Promise<void> }) => unknown;

export class FirefoxContext {
  /** Playwright's context.route for exact URLs: answered through BiDi request interception. */
  private readonly routes = new Map<string, RouteHandler>();
  private readonly pages = new Set<PuppeteerPage>();
  private readonly intercepting = new WeakSet<PuppeteerPage>();
  /** Tabs that were there before a `waitForEvent('page')`: the one it waits for is none of these. */
  private readonly known = new WeakSet<object>();

  constructor(
    private readonly browser: Browser,
    private readonly parts: FirefoxSessionParts,
  ) {
    for (const target of browser.targets()) this.known.add(target);
    browser.on('targetcreated', (target) => {
      // Marked after the current turn, so a waitForTarget already waiting sees the new tab first.
      setTimeout(() => this.known.add(target), 0);
    });
  }
  async newPage() {
    const page = await this.browser.newPage();
    this.known.add(page.target());
    this.pages.add(page);
    page.once('close', () => this.pages.delete(page));
    await page.setViewport({ width: 1280, height: 900 });
    if (this.routes.size) await this.intercept(page);
    return new FirefoxPage(page, this.parts);
  }
  private async intercept(page: PuppeteerPage) {
    if (this.intercepting.has(page) || page.isClosed()) return;
    this.intercepting.add(page);
    // Extension pages live in another process, where BiDi cannot intercept; they load no routed URL.
    if (!(await page.setRequestInterception(true).then(() => true, () => false))) return;
    page.on('request', (request) => {
      const handler = this.routes.get(request.url());
      if (!handler) {
        request.continue().catch(() => {});
        return;
      }
      Promise.resolve(
        handler({
          fulfill: (response) =>
            request.respond({ status: response.status ?? 200, contentType: response.contentType ?? 'text/html', body: response.body }),
        }),
      ).catch(() => request.abort().catch(() => {}));
    });
  }
  async route(url: string, handler: RouteHandler) {
    if (typeof url !== 'string') unsupported('context.route() with a pattern');
    this.routes.set(url, handler);
    for (const page of this.pages) await this.intercept(page);
  }
  async unroute(url: string) {
    this.routes.delete(url);
  }
  newCDPSession(): never {
    return unsupported('the DevTools protocol');
  }
  serviceWorkers(): never {
    return unsupported('context.serviceWorkers() (Firefox runs an event page)');
  }
  /** `page`: the next tab opened (by the extension, a link …), as a driver page once it has a document. */
  async waitForEvent(event: string, options: { timeout?: number } = {}) {
    if (event !== 'page') return unsupported(`context.waitForEvent('${event}')`);
    const target = await this.browser.waitForTarget((t) => t.type() === 'page' && !this.known.has(t), { timeout: options.timeout ?? ACTION_TIMEOUT_MS });
    const page = (await target.page())!;
    this.pages.add(page);
    page.once('close', () => this.pages.delete(page));
    if (this.routes.size) await this.intercept(page);
    return new FirefoxPage(page, this.parts);
  }
  grantPermissions(): never {
    return unsupported('context.grantPermissions()');
  }
  async close() {
    await this.browser.close().catch(() => {});
  }
}

export interface FirefoxLaunch {
  browser: Browser;
  context: FirefoxContext;
  /** The moz-extension:// host, fixed for this profile by `extensions.webextensions.uuids`. */
  extensionId: string;
  /** An extension page kept open to run extension code in (the event page cannot be evaluated in). */
  extensionPage: FirefoxPage;
  cleanup(): void;
}

/** The Firefox add-on id (wxt.config.ts, browser_specific_settings.gecko.id). */
export const GECKO_ID = 'fanzha-lens@fanzha-lens.example';

export async function launchFirefoxExtension(extensionDir: string, options: { headed?: boolean; prefs?: Record<string, unknown> } = {}): Promise<FirefoxLaunch> {
  const extensionId = randomUUID();
  // A copy, so a rebuild meanwhile cannot change what is installed.
  const copy = mkdtempSync(join(tmpdir(), 'fzl-firefox-ext-'));
  cpSync(extensionDir, copy, { recursive: true });
  const downloadDir = mkdtempSync(join(tmpdir(), 'fzl-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: !options.headed,
    // Lets BiDi navigate a tab to moz-extension:// pages (the popup, options, manager), which it
    // refuses by default as privileged URLs.
    env: { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' },
    extraPrefsFirefox: {
      // A fixed moz-extension:// host for this run, as Chromium's id is fixed by the key.
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: extensionId }),
      // permissions.request() answers without a doorhanger (the reader's click is the test's).
      'extensions.webextOptionalPermissionPrompts': false,
      'intl.accept_languages': 'zh-CN, zh',
      'intl.locale.requested': 'zh-CN',
      // Every download goes to one folder, without a dialog (waitForEvent('download') watches it).
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.alwaysOpenPanel': false,
      // Tabs behind the selected one keep rendering, as Playwright's Chromium flags keep them
      // (--disable-renderer-backgrounding): a hidden document's refresh driver otherwise ticks at 1 Hz
      // and backs off, and media-query change events, rAF and paint wait for it.
      'layout.throttled_frame_rate': 60,
      ...options.prefs,
    },
  });
  const installed = await browser.installExtension(copy);
  if (installed !== GECKO_ID) throw new Error(`Firefox installed ${installed}, expected ${GECKO_ID}`);
  const parts = { downloadDir, browser } as FirefoxSessionParts;
  const context = new FirefoxContext(browser, parts);
  parts.context = context;
  const extensionPage = await context.newPage();
  // The manager page: no settings are written by opening it, and it stays idle.
  await extensionPage.goto(`moz-extension://${extensionId}/options.html`);
  return { browser, context, extensionId, extensionPage, cleanup: () => {
      rmSync(copy, { recursive: true, force: true });
      rmSync(downloadDir, { recursive: true, force: true });
    },
  };
}
