// Administration, single sign-on on the login page and English error messages, in a real
// Chromium against a real demo server (see harness.ts).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
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

const TEST_TIMEOUT = 90_000;
const STAFF = 'Sandrine Morel';
/**
 * Flagged while she is not listed (a colleague named with where and when she works, which only
 * she may let be published), clear once she is. Praise alone (« Bravo à … ») no longer reads as
 * a breach to the model, so the post says where she was and when.
 */
const POST = `Bravo à ${STAFF}, infirmière des urgences, qui a géré seule l'accueil cette nuit.`;
const NEW_USER = {
  email: 'nina.nouvelle@demo.blouse.fr',
  name: 'Nina Nouvelle',
  password: 'provisoire-2026-ok',
};

let server: BlouseServer;
let browser: Browser;

/**
 * A real OpenID Connect provider (oidc-provider, the server's test dependency) on a loopback port:
 * the « Tester » button and saving try it for real.
 */
async function startDirectory(blouseUrl: string) {
  const { default: Provider } = (await import(
    // @ts-expect-error: a dependency of the server package, without types here.
    '../../server/node_modules/oidc-provider/lib/index.js'
  )) as {
    default: new (issuer: string, config: unknown) => { callback(): (req: unknown, res: unknown) => void };
  };
  const clientId = 'blouse-e2e';
  const clientSecret = 'un-secret-de-test-assez-long-pour-HS256-et-au-dela-0123456789';
  const http = createServer();
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [`${blouseUrl}/api/sso/callback`],
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    cookies: { keys: ['cle-de-test-des-cookies-du-fournisseur'] },
  });
  http.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    stop: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}

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

/** Types the post on /verifier and returns the verdict shown once the whole text is checked. */
async function verdictOf(page: Page, text: string): Promise<string> {
  await page.goto('/verifier');
  // A staff member's own account: there, naming a colleague who has not consented is flagged.
  await page.getByLabel('Où sera-t-elle publiée ?').selectOption('staff');
  await page.getByLabel('Votre publication').fill(text);
  await page.waitForFunction(
    (length) =>
      document.querySelector('[data-testid="highlights"]')?.getAttribute('data-checked-length') ===
      String(length),
    text.length,
    { timeout: 20_000 },
  );
  const banner = page.getByText(/Rien à signaler|À revoir avant de publier|Ne pas publier en l.état/).first();
  await banner.waitFor();
  return (await banner.textContent()) ?? '';
}

/** The card of one member on /admin/utilisateurs. */
const cardOf = (page: Page, name: string) => page.locator('li').filter({ hasText: name });

describe('administration, single sign-on and English errors, end to end', () => {
  beforeAll(async () => {
    assertWebBuilt();
    browser = await launchBrowser();
    server = await startBlouseServer();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'the admin creates a user, changes their role, and cannot remove the last admin',
    () =>
      journey(DESKTOP, async (page) => {
        await signIn(page, server.account('admin'));
        // An admin lands on the administration of users.
        await page.waitForURL('**/admin/utilisateurs');
        await page
          .getByRole('navigation', { name: 'Navigation principale' })
          .getByRole('link', { name: 'Administration' })
          .click();
        await page.waitForURL('**/admin/utilisateurs');
        await page.getByRole('heading', { name: 'Utilisateurs', level: 1 }).waitFor();
        await cardOf(page, 'Alice Administratrice').waitFor();
        await expectAccessible(page, '/admin/utilisateurs');
        await screenshot(page, 'admin-utilisateurs');

        // A password shorter than 12 characters is refused before anything is sent.
        await page.getByLabel('Adresse e-mail professionnelle').fill(NEW_USER.email);
        await page.getByLabel('Nom affiché').fill(NEW_USER.name);
        await page.getByLabel('Rôle', { exact: true }).selectOption({ label: 'Service juridique' });
        await page.getByLabel('Mot de passe provisoire (facultatif)').fill('court');
        await page.getByRole('button', { name: 'Ajouter l’utilisateur' }).click();
        await page.getByText('Le mot de passe provisoire doit compter au moins 12 caractères.').waitFor();

        await page.getByLabel('Mot de passe provisoire (facultatif)').fill(NEW_USER.password);
        await page.getByRole('button', { name: 'Ajouter l’utilisateur' }).click();
        await page.getByText(`${NEW_USER.name} a été ajouté avec le rôle Service juridique.`).waitFor();
        const card = cardOf(page, NEW_USER.email);
        expect(await card.getByLabel(`Rôle de ${NEW_USER.name}`).inputValue()).toBe('legal');

        await card.getByLabel(`Rôle de ${NEW_USER.name}`).selectOption({ label: 'Community manager' });
        // The role button is enabled now: check it too.
        await expectAccessible(page, '/admin/utilisateurs, rôle modifié');
        await card.getByRole('button', { name: 'Enregistrer le rôle' }).click();
        await card.getByText(`Rôle de ${NEW_USER.name} enregistré : Community manager.`).waitFor();
        // Stored, not only shown: a reload reads it back from the server.
        await page.reload();
        await cardOf(page, NEW_USER.email).waitFor();
        expect(await cardOf(page, NEW_USER.email).getByLabel(`Rôle de ${NEW_USER.name}`).inputValue()).toBe(
          'community_manager',
        );

        // The demo has one admin: removing her is refused with the server's own sentence.
        const self = cardOf(page, 'Alice Administratrice');
        await self.getByRole('button', { name: 'Retirer Alice Administratrice' }).click();
        await self.getByRole('button', { name: 'Confirmer le retrait' }).click();
        const alert = self.getByRole('alert');
        await alert.waitFor();
        expect(await alert.textContent()).toContain('dernier administrateur de l’établissement');
        expect(await self.getByRole('button', { name: 'Confirmer le retrait' }).count()).toBe(0);
        await expectAccessible(page, '/admin/utilisateurs, retrait refusé');
        await screenshot(page, 'admin-dernier-administrateur');
        expect(await cardOf(page, 'Alice Administratrice').count()).toBe(1);

        // The new user signs in (another browser) with the temporary password and lands on the desk.
        await journey(DESKTOP, async (other) => {
          await signIn(other, {
            role: 'community_manager',
            email: NEW_USER.email,
            password: NEW_USER.password,
          });
          await other.waitForURL('**/incidents');
        });
      }),
    TEST_TIMEOUT,
  );

  it(
    'a consenting staff member added to the lists is no longer flagged on /verifier',
    () =>
      journey(DESKTOP, async (page) => {
        await signIn(page, server.account('admin'));
        // Flagged before the list: a colleague named with where and when she works, without her consent.
        expect(await verdictOf(page, POST)).toMatch(/À revoir avant de publier|Ne pas publier en l.état/);

        await page.goto('/admin/listes');
        const staff = page.getByLabel('Personnels ayant consenti à être nommés');
        await staff.waitFor();
        await page.getByText('n’est plus signalé').first().waitFor();
        await expectAccessible(page, '/admin/listes');
        await screenshot(page, 'admin-listes');
        const before = await staff.inputValue();
        await staff.fill(before === '' ? STAFF : `${before}\n${STAFF}`);
        await page.getByRole('button', { name: 'Enregistrer les listes' }).click();
        await page.getByText('Listes enregistrées').waitFor();

        expect(await verdictOf(page, POST)).toContain('Rien à signaler');
        expect(await page.getByTestId('highlights').locator('mark').count()).toBe(0);

        // Still there on the next visit.
        await page.goto('/admin/listes');
        expect(await page.getByLabel('Personnels ayant consenti à être nommés').inputValue()).toContain(
          STAFF,
        );
      }),
    TEST_TIMEOUT,
  );

  it(
    'the admin tests single sign-on before saving, saves it, switches it off and on, and removes it',
    async () => {
      const directory = await startDirectory(server.url);
      const offered = async () => {
        let count = -1;
        await journey(DESKTOP, async (page) => {
          await page.goto('/connexion');
          await page.getByRole('button', { name: 'Se connecter' }).waitFor();
          // The sign-in page asks the server once: wait for that answer before counting.
          await page.waitForLoadState('networkidle');
          count = await page.getByText('Connexion avec l’annuaire de votre établissement').count();
        });
        return count;
      };
      // A loopback port nobody listens on: given by the system, then closed again.
      const probe = createServer();
      await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
      const closedPort = (probe.address() as AddressInfo).port;
      await new Promise((resolve) => probe.close(resolve));
      try {
        expect(await offered()).toBe(0);
        await journey(DESKTOP, async (page) => {
          await signIn(page, server.account('admin'));
          await page.goto('/admin/sso');
          await page.getByText('L’authentification unique n’est pas encore configurée.').waitFor();
          await expectAccessible(page, '/admin/sso');
          await screenshot(page, 'admin-sso');
          // A directory that does not answer: the test says so, in French, and nothing is saved.
          await page.getByLabel('Émetteur (issuer)').fill(`http://127.0.0.1:${closedPort}`);
          await page.getByLabel('Identifiant client').fill(directory.clientId);
          await page.getByLabel('Secret client').fill(directory.clientSecret);
          await page.getByLabel('Rôle donné à une première connexion').selectOption('agent');
          await page.getByRole('button', { name: 'Tester' }).click();
          await page.getByText('Le fournisseur d’identité ne répond pas à cette adresse').waitFor();
          await expectAccessible(page, '/admin/sso, test refusé');
          await screenshot(page, 'admin-sso-test-refuse');
          // The right directory, a wrong secret: the client is refused.
          await page.getByLabel('Émetteur (issuer)').fill(directory.issuer);
          await page.getByLabel('Secret client').fill('pas-le-bon-secret');
          await page.getByRole('button', { name: 'Tester' }).click();
          await page.getByText('Le fournisseur d’identité refuse ce client').waitFor();
          await page.getByLabel('Secret client').fill(directory.clientSecret);
          await page.getByRole('button', { name: 'Tester' }).click();
          await page.getByText('Le fournisseur répond et accepte ce client.').waitFor();
          await page.getByRole('button', { name: 'Enregistrer la configuration' }).click();
          await page.getByText(`Configurée avec ${directory.issuer}.`).waitFor();
          // Write-only: the secret field is emptied and never filled back.
          expect(await page.getByLabel('Secret client').inputValue()).toBe('');
          await page.getByText('L’authentification unique est proposée sur la page de connexion.').waitFor();
          await expectAccessible(page, '/admin/sso, configurée');
          await screenshot(page, 'admin-sso-configuree');
        });

        // The login page, in a browser without a session.
        await journey(DESKTOP, async (page) => {
          await page.goto('/connexion');
          await page
            .getByRole('heading', { name: 'Connexion avec l’annuaire de votre établissement' })
            .waitFor();
          const establishmentId = await page.getByLabel('Votre établissement', { exact: true }).inputValue();
          expect(establishmentId).not.toBe('');
          const link = page.getByRole('link', { name: 'Continuer avec l’annuaire' });
          expect(await link.getAttribute('href')).toBe(`/api/sso/${establishmentId}/start`);
          await expectAccessible(page, '/connexion avec authentification unique');
          await screenshot(page, 'connexion-sso');
        });

        await journey(MOBILE, async (page) => {
          await signIn(page, server.account('admin'));
          await page.goto('/admin/sso');
          await page.getByRole('button', { name: 'Désactiver', exact: true }).click();
          await page
            .getByText('L’authentification unique est désactivée : sa configuration est conservée.')
            .waitFor();
          await expectAccessible(page, '/admin/sso désactivée à 375 px');
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow).toBeLessThanOrEqual(0);
          await screenshot(page, 'admin-sso-desactivee');
        });
        expect(await offered()).toBe(0);

        await journey(DESKTOP, async (page) => {
          await signIn(page, server.account('admin'));
          await page.goto('/admin/sso');
          await page.getByRole('button', { name: 'Réactiver', exact: true }).click();
          await page.getByText('L’authentification unique est proposée sur la page de connexion.').waitFor();
          await page.getByRole('button', { name: 'Supprimer la configuration' }).click();
          await page.getByRole('button', { name: 'Confirmer la suppression' }).click();
          await page.getByText('L’authentification unique n’est pas encore configurée.').waitFor();
          // Still so after a reload: removed on the server, not only on the screen.
          await page.reload();
          await page.getByText('L’authentification unique n’est pas encore configurée.').waitFor();
        });
        expect(await offered()).toBe(0);
      } finally {
        await directory.stop();
      }
    },
    TEST_TIMEOUT,
  );

  it(
    'the admin pages hold at 375 px, accessible',
    () =>
      journey(MOBILE, async (page) => {
        await signIn(page, server.account('admin'));
        for (const [path, name, ready] of [
          ['/admin/utilisateurs', 'admin-utilisateurs', 'Alice Administratrice'],
          ['/admin/listes', 'admin-listes', 'Personnalités publiques'],
          ['/admin/sso', 'admin-sso', 'Identifiant client'],
        ] as const) {
          await page.goto(path);
          await page.getByText(ready).first().waitFor();
          await expectAccessible(page, `${path} à 375 px`);
          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - window.innerWidth,
          );
          expect(overflow, `${path} déborde de ${overflow} px à 375 px`).toBeLessThanOrEqual(0);
          await screenshot(page, name);
        }
      }),
    TEST_TIMEOUT,
  );

  it(
    'in English, a wrong password gives an English message',
    () =>
      journey(DESKTOP, async (page) => {
        await page.goto('/connexion');
        await page.getByText('EN', { exact: true }).click();
        await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
        await page.getByLabel('E-mail address').fill(server.account('agent').email);
        await page.getByLabel('Password').fill('not-the-right-password');
        await page.getByRole('button', { name: 'Sign in' }).click();
        const alert = page.getByRole('alert').first();
        await alert.waitFor();
        expect(await alert.textContent()).toContain('Incorrect e-mail address or password.');
        expect(await alert.textContent()).not.toContain('incorrect.');
        await screenshot(page, 'connexion-erreur-anglais');
        // Back to French: the same failure, in the server's own words.
        await page.getByText('FR', { exact: true }).click();
        await page.getByText('Adresse e-mail ou mot de passe incorrect.').waitFor();
      }),
    TEST_TIMEOUT,
  );

  it(
    'an agent opening /admin/utilisateurs is told the page is for admins',
    () =>
      journey(DESKTOP, async (page) => {
        await signIn(page, server.account('agent'));
        expect(await page.getByRole('link', { name: 'Administration' }).count()).toBe(0);
        await page.goto('/admin/utilisateurs');
        await page.getByText('Cette page est réservée aux administrateurs de l’établissement.').waitFor();
        expect(await page.getByLabel('Adresse e-mail professionnelle').count()).toBe(0);
        await expectAccessible(page, '/admin/utilisateurs (agent)');
      }),
    TEST_TIMEOUT,
  );
});
