// Accounts and administration in a real Chromium against a real demo server (see harness.ts):
// who is signed in, user search, deactivation, password reset, the audit-log viewer.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertWebBuilt,
  type BlouseServer,
  DESKTOP,
  formatViolations,
  launchBrowser,
  MOBILE,
  newContext,
  screenshot,
  seriousA11yViolations,
  signIn,
  startBlouseServer,
  type Viewport,
} from './harness.js';

const TEST_TIMEOUT = 120_000;

let server: BlouseServer;
let browser: Browser;

async function journey(viewport: Viewport, run: (page: Page) => Promise<void>): Promise<void> {
  const context = await newContext(browser, server.url, viewport);
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`exception : ${error.message}`));
  try {
    await run(page);
  } catch (error) {
    if (errors.length > 0 && error instanceof Error)
      error.message += `\n--- erreurs de la page ---\n${errors.join('\n')}`;
    throw error;
  } finally {
    await context.close();
  }
}

async function expectAccessible(page: Page, where: string): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations, formatViolations(where, violations)).toEqual([]);
}

async function expectNoOverflow(page: Page, where: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${where} déborde de ${overflow} px`).toBeLessThanOrEqual(0);
}

/** The entries of the audit-log viewer. */
const trail = (page: Page) => page.getByRole('list', { name: 'Journal d’audit' });

const cardOf = (page: Page, name: string) => page.locator('li').filter({ hasText: name });

async function searchUsers(page: Page, text: string): Promise<void> {
  await page.getByLabel('Rechercher une personne').fill(text);
  await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
}

describe('accounts and administration, end to end', () => {
  beforeAll(async () => {
    assertWebBuilt();
    browser = await launchBrowser();
    server = await startBlouseServer();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const viewport of [DESKTOP, MOBILE]) {
    it(
      `the header names who is signed in, and the admin searches users (${viewport.width} px)`,
      () =>
        journey(viewport, async (page) => {
          await signIn(page, server.account('admin'));
          await page.waitForURL('**/admin/utilisateurs');
          const who = page.getByRole('button', { name: /Compte de Alice Administratrice, Administration/ });
          await who.waitFor();
          await who.click();
          const details = page.getByTestId('account-details');
          await details.getByText(server.account('admin').email).waitFor();
          await details.getByText(/Administration · /).waitFor();
          await expectNoOverflow(page, `en-tête ouvert à ${viewport.width} px`);
          await screenshot(page, 'entete-compte');
          await page.keyboard.press('Escape');
          // The dropdown leaves with a transition: axe, run while it was still in the page, once
          // found its focus trap (a div[tabindex]) where the header allows no such child.
          await details.waitFor({ state: 'hidden' });

          await searchUsers(page, 'juri');
          await page.getByText('1 personne trouvée pour « juri ».').waitFor();
          await cardOf(page, 'Louise Juridique').waitFor();
          expect(await cardOf(page, 'Adam Agent').count()).toBe(0);
          await expectAccessible(page, `/admin/utilisateurs recherche à ${viewport.width} px`);
          await expectNoOverflow(page, `/admin/utilisateurs à ${viewport.width} px`);
          await screenshot(page, 'admin-recherche');
          await searchUsers(page, 'personne-inexistante');
          await page.getByText('0 personne trouvée pour « personne-inexistante ».').waitFor();
        }),
      TEST_TIMEOUT,
    );
  }

  it(
    'the admin deactivates an agent (who can no longer sign in), reactivates them, and the trail shows it',
    async () => {
      const agent = server.account('agent');
      await journey(DESKTOP, async (page) => {
        await signIn(page, server.account('admin'));
        await page.waitForURL('**/admin/utilisateurs');
        await searchUsers(page, 'Adam');
        const card = cardOf(page, 'Adam Agent');
        await card.getByRole('button', { name: 'Désactiver Adam Agent' }).click();
        await card.getByText('Désactiver le compte de Adam Agent ?').waitFor();
        await expectAccessible(page, 'désactivation, confirmation');
        await card.getByRole('button', { name: 'Confirmer la désactivation' }).click();
        await card.getByText('Le compte de Adam Agent est désactivé.').waitFor();
        await card.getByText('Désactivé', { exact: true }).waitFor();
        await screenshot(page, 'admin-compte-desactive');
      });
      await journey(DESKTOP, async (page) => {
        await page.goto('/connexion');
        await page.getByLabel('Adresse e-mail').fill(agent.email);
        await page.getByLabel('Mot de passe').fill(agent.password);
        await page.getByRole('button', { name: 'Se connecter' }).click();
        await page.getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
      });
      await journey(MOBILE, async (page) => {
        await signIn(page, server.account('admin'));
        await page.waitForURL('**/admin/utilisateurs');
        await searchUsers(page, 'Adam');
        const card = cardOf(page, 'Adam Agent');
        await card.getByRole('button', { name: 'Réactiver Adam Agent' }).click();
        await card.getByText('Le compte de Adam Agent est réactivé.').waitFor();
        await expectNoOverflow(page, 'carte réactivée à 375 px');

        // The audit-log viewer, in French, filtered on one action.
        await page.goto('/admin/journal');
        await page.getByRole('heading', { name: 'Journal d’audit', level: 1 }).waitFor();
        await trail(page).getByText('Compte réactivé').first().waitFor();
        await page.getByLabel('Action', { exact: true }).selectOption({ label: 'Compte désactivé' });
        await page.getByRole('button', { name: 'Filtrer' }).click();
        const entries = trail(page).locator('li');
        await entries.first().getByText('Compte désactivé').waitFor();
        expect(await entries.count()).toBe(1);
        await expectAccessible(page, '/admin/journal à 375 px');
        await expectNoOverflow(page, '/admin/journal à 375 px');
        await screenshot(page, 'journal-audit');
      });
      await journey(DESKTOP, async (page) => {
        await signIn(page, agent);
        await page.waitForURL('**/verifier');
      });
    },
    TEST_TIMEOUT,
  );

  it(
    'the admin resets a password: shown once, the person must choose their own at the next sign-in',
    async () => {
      const cm = server.account('community_manager');
      let temporary = '';
      await journey(DESKTOP, async (page) => {
        await signIn(page, server.account('admin'));
        await page.waitForURL('**/admin/utilisateurs');
        await searchUsers(page, 'Chris');
        const card = cardOf(page, 'Chris Community');
        await card.getByRole('button', { name: 'Réinitialiser le mot de passe Chris Community' }).click();
        await card.getByRole('button', { name: 'Créer un mot de passe temporaire' }).click();
        temporary = (await card.getByTestId('temporary-password').textContent()) ?? '';
        expect(temporary).toMatch(/^[a-zA-Z2-9]{5}(-[a-zA-Z2-9]{5}){3}$/);
        await expectAccessible(page, 'mot de passe temporaire');
        await screenshot(page, 'admin-mot-de-passe-temporaire');
      });
      await journey(MOBILE, async (page) => {
        // The old password no longer works; the temporary one opens only the change.
        await page.goto('/connexion');
        await page.getByLabel('Adresse e-mail').fill(cm.email);
        await page.getByLabel('Mot de passe').fill(cm.password);
        await page.getByRole('button', { name: 'Se connecter' }).click();
        await page.getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
        await signIn(page, { ...cm, password: temporary });
        await page.getByRole('heading', { name: 'Choisir votre mot de passe', level: 1 }).waitFor();
        await expectAccessible(page, 'changement de mot de passe imposé à 375 px');
        await expectNoOverflow(page, 'changement de mot de passe imposé à 375 px');
        await screenshot(page, 'mot-de-passe-impose');
        await page.getByLabel('Mot de passe temporaire').fill(temporary);
        await page.getByLabel('Nouveau mot de passe').fill('ma phrase de passe à moi');
        await page.getByRole('button', { name: 'Enregistrer mon mot de passe' }).click();
        await page.waitForURL('**/incidents');
        await page.getByRole('button', { name: /Compte de Chris Community/ }).waitFor();
      });
    },
    TEST_TIMEOUT,
  );

  it(
    'the legal service reads the audit log from its menu; an agent is told it is not for them',
    async () => {
      await journey(MOBILE, async (page) => {
        await signIn(page, server.account('legal'));
        await page
          .getByRole('navigation', { name: 'Navigation principale' })
          .getByRole('link', { name: 'Journal d’audit' })
          .click();
        await page.getByRole('heading', { name: 'Journal d’audit', level: 1 }).waitFor();
        await trail(page).getByText('Journal d’audit consulté').first().waitFor();
        await expectAccessible(page, '/admin/journal (juridique) à 375 px');
        await expectNoOverflow(page, '/admin/journal (juridique) à 375 px');
      });
      await journey(DESKTOP, async (page) => {
        await signIn(page, server.account('legal'));
        await page.goto('/admin/journal');
        await trail(page).getByText('Journal d’audit consulté').first().waitFor();
        await screenshot(page, 'journal-audit-juridique');
      });
      await journey(DESKTOP, async (page) => {
        await signIn(page, server.account('agent'));
        expect(await page.getByRole('link', { name: 'Journal d’audit' }).count()).toBe(0);
        await page.goto('/admin/journal');
        await page.getByText('Cette page est réservée aux administrateurs et au service juridique').waitFor();
      });
    },
    TEST_TIMEOUT,
  );
});
