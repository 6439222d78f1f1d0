// End-to-end harness: a real `blouse serve` process in demo mode (fresh SQLite database) and a
// real headless Chromium driven by playwright-core. Used by the *.e2e.test.ts files beside it.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

/** The `blouse` launcher of the server package. */
const LAUNCHER = fileURLToPath(new URL('../../server/bin/blouse.js', import.meta.url));
/** The web build the server serves at / (only if it exists when the server starts). */
export const WEB_DIST = fileURLToPath(new URL('../dist/', import.meta.url));
/** Git-ignored output of the visual checks. */
export const SCREENSHOT_DIR = fileURLToPath(new URL('./screenshots/', import.meta.url));
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export const DESKTOP = { width: 1280, height: 800 } as const;
export const MOBILE = { width: 375, height: 812 } as const;

export interface DemoAccount {
  readonly role: string;
  readonly email: string;
  readonly password: string;
}

export interface BlouseServer {
  readonly child: ChildProcess;
  /** Base address, without a trailing slash: http://127.0.0.1:PORT */
  readonly url: string;
  readonly accounts: ReadonlyMap<string, DemoAccount>;
  /** The server's database (a SQLite file), for tests that need more data than the demo has. */
  readonly databaseUrl: string;
  /** Demo account of a role; throws if the server printed none. */
  account(role: string): DemoAccount;
  /** Everything the server printed so far (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

/** Parses the demo accounts table printed after « Mode démo » by `blouse serve`. */
export function parseDemoAccounts(printed: string): Map<string, DemoAccount> {
  const accounts = new Map<string, DemoAccount>();
  const start = printed.indexOf('Mode démo');
  if (start < 0) return accounts;
  for (const line of printed.slice(start).split('\n').slice(1)) {
    const match = /^\s+([a-z_]+)\s+(\S+@\S+)\s+(\S+)\s*$/.exec(line);
    if (match === null) {
      if (accounts.size > 0) break;
      continue;
    }
    const [, role, email, password] = match as unknown as [string, string, string, string];
    accounts.set(role, { role, email, password });
  }
  return accounts;
}

/**
 * Starts `node --no-regexp-tier-up --max-semi-space-size=32 server/bin/blouse.js serve` on a free port with the demo
 * establishment and a fresh SQLite database in a temporary folder; resolves once it printed its
 * address and its demo accounts. `env` adds settings (SMTP_URL and MAIL_FROM for a test's mail
 * server); it cannot change the port, the database or the demo mode.
 */
export function startBlouseServer(
  timeoutMs = 60_000,
  env: Readonly<Record<string, string>> = {},
): Promise<BlouseServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'blouse-e2e-'));
  const databaseUrl = `sqlite:${join(dataDir, 'blouse.sqlite')}`;
  const child = spawn(
    process.execPath,
    ['--no-regexp-tier-up', '--max-semi-space-size=32', LAUNCHER, 'serve'],
    {
      env: {
        ...process.env,
        ...env,
        BLOUSE_PORT: '0',
        BLOUSE_HOST: '127.0.0.1',
        BLOUSE_LOG_LEVEL: 'silent',
        BLOUSE_DEMO: 'true',
        DATABASE_URL: databaseUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let printed = '';
  const collect = (chunk: Buffer) => {
    printed += chunk.toString('utf8');
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  // Never leave a server behind if the test runner exits abruptly.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const cleanup = () => {
    process.off('exit', killOnExit);
    rmSync(dataDir, { recursive: true, force: true });
  };

  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (message: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      cleanup();
      reject(new Error(`${message}\n--- sortie du serveur ---\n${printed}`));
    };
    const timer = setTimeout(() => fail(`le serveur n’a pas démarré en ${timeoutMs} ms`), timeoutMs);
    const onData = () => {
      const address = /en service : (http:\/\/\S+)/.exec(printed);
      // The accounts table ends with this line; wait for it so that no account is missed.
      if (address === null || !printed.includes('Ces comptes n’ouvrent rien')) return;
      settled = true;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      const url = (address[1] as string).replace(/\/$/, '');
      const accounts = parseDemoAccounts(printed);
      resolve({
        child,
        url,
        accounts,
        databaseUrl,
        account(role) {
          const found = accounts.get(role);
          if (found === undefined)
            throw new Error(`pas de compte de démo « ${role} » dans la sortie du serveur :\n${printed}`);
          return found;
        },
        output: () => printed,
        stop: () =>
          new Promise<void>((done) => {
            const finish = () => {
              cleanup();
              done();
            };
            if (child.exitCode !== null || child.signalCode !== null) return finish();
            const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(force);
              finish();
            });
            child.kill('SIGTERM');
          }),
      });
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code, signal) => fail(`le serveur s’est arrêté (code ${code}, signal ${signal})`));
  });
}

/** The Chromium to drive: $BLOUSE_CHROMIUM, or Debian's. */
export function chromiumPath(): string {
  return process.env.BLOUSE_CHROMIUM ?? '/usr/bin/chromium';
}

/** Launches headless Chromium; fails loudly (never skips) when it is not installed. */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath))
    throw new Error(
      `Chromium introuvable : ${executablePath}. Les tests de bout en bout exigent un navigateur ` +
        '(apt-get install chromium, ou BLOUSE_CHROMIUM=/chemin/vers/chromium) ; .ci/run l’installe.',
    );
  return chromium.launch({ executablePath, headless: true, args: ['--no-sandbox'] });
}

/** Throws a clear error unless the web app was built before the server started. */
export function assertWebBuilt(): void {
  if (!existsSync(join(WEB_DIST, 'index.html')))
    throw new Error(
      `l’application web n’est pas construite (${WEB_DIST}index.html absent) : ` +
        'npm run build -w @blouse/web, puis relancer les tests.',
    );
}

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

export async function newContext(
  browser: Browser,
  baseURL: string,
  viewport: Viewport = DESKTOP,
): Promise<BrowserContext> {
  return browser.newContext({ baseURL, viewport, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
}

/** Signs in through the /connexion form and waits to leave that page. */
export async function signIn(page: Page, account: DemoAccount): Promise<void> {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(account.email);
  await page.getByLabel('Mot de passe').fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((url) => url.pathname !== '/connexion', { timeout: 15_000 });
}

/** Full-page screenshot at the page's current viewport, named NAME-WIDTH.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const width = page.viewportSize()?.width ?? 0;
  const path = join(SCREENSHOT_DIR, `${name}-${width}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; html: string; failureSummary?: string }[];
}

/** Runs axe-core in the page; returns the violations of impact « serious » or « critical ». */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  const hasAxe = await page.evaluate(() => 'axe' in window);
  // Evaluated through the DevTools protocol, not as a <script> tag: the page's
  // Content-Security-Policy (script-src 'self') rightly refuses inline scripts.
  if (!hasAxe) await page.evaluate(readFileSync(AXE_SOURCE, 'utf8'));
  const violations = (await page.evaluate(async () => {
    // Injected at run time by the script tag above.
    const { axe } = window as unknown as {
      axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> };
    };
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  })) as AxeViolation[];
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

/** One readable paragraph per violation, for an assertion message. */
export function formatViolations(where: string, violations: readonly AxeViolation[]): string {
  if (violations.length === 0) return `${where} : aucune violation grave`;
  return [
    `${where} : ${violations.length} violation(s) d’accessibilité grave(s)`,
    ...violations.map((violation) =>
      [
        `- [${violation.impact}] ${violation.id} : ${violation.help} (${violation.helpUrl})`,
        ...violation.nodes
          .slice(0, 5)
          .map(
            (node) =>
              `    ${JSON.stringify(node.target)} ${node.html.slice(0, 200)}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
          ),
        violation.nodes.length > 5 ? `    … et ${violation.nodes.length - 5} autre(s) élément(s)` : '',
      ]
        .filter((line) => line !== '')
        .join('\n'),
    ),
  ].join('\n');
}

/** A valid 1×1 PNG (opaque red pixel). */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * Signs in as `account` in a fresh context at `viewport`, runs `run`, and closes the context;
 * an error thrown in the page is added to the failure's message.
 */
export async function withSignedInPage(
  browser: Browser,
  baseURL: string,
  account: DemoAccount,
  viewport: Viewport,
  run: (page: Page) => Promise<void>,
): Promise<void> {
  const context = await newContext(browser, baseURL, viewport);
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`exception : ${error.message}`));
  try {
    await signIn(page, account);
    await run(page);
  } catch (error) {
    if (errors.length > 0 && error instanceof Error) error.message += `\n${errors.join('\n')}`;
    throw error;
  } finally {
    await context.close();
  }
}

/** A screenshot, then what fails: serious axe violations and sideways scrolling. */
export async function auditPage(page: Page, name: string): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  await screenshot(page, name);
  const failures: string[] = [];
  const violations = await seriousA11yViolations(page);
  if (violations.length > 0)
    failures.push(formatViolations(`${name} à ${page.viewportSize()?.width} px`, violations));
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  if (overflow > 1) failures.push(`${name} : défilement horizontal de ${overflow} px`);
  return failures;
}

/**
 * Follows a link of the main navigation as a person does: through the menu button on a phone,
 * where the navigation is folded, directly on a wide screen.
 */
export async function followMainNav(page: Page, label: string): Promise<void> {
  const menu = page.getByRole('button', { name: 'Ouvrir le menu' });
  if (await menu.isVisible()) await menu.click();
  await page
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: label })
    .click();
}
