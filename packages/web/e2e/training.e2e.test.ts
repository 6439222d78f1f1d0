// « Formation » end to end: an agent on a phone reads and acknowledges the charter, chooses her
// service and takes the VRAI / FAUX quiz to its score, partly from the keyboard alone; an admin on
// a wide screen reads the rates per service and publishes a new version of the charter; the agent
// is then asked to acknowledge it again. Screenshots, axe and no sideways scroll at each step.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  assertWebBuilt,
  auditPage,
  type BlouseServer,
  DESKTOP,
  followMainNav,
  launchBrowser,
  MOBILE,
  startBlouseServer,
  type Viewport,
  withSignedInPage,
} from './harness.js';

const TIMEOUT = 180_000;

let server: BlouseServer;
let browser: Awaited<ReturnType<typeof launchBrowser>>;

const withPage = (viewport: Viewport, role: string, run: (page: Page) => Promise<void>) =>
  withSignedInPage(browser, server.url, server.account(role), viewport, run);

/** The element that has the keyboard focus: its role-ish description, for assertions. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    return {
      tag: element?.tagName ?? '',
      text: (element?.textContent ?? '').trim().slice(0, 80),
      testId: element?.getAttribute('data-testid') ?? '',
    };
  });

describe('« Formation », end to end', () => {
  beforeAll(async () => {
    assertWebBuilt();
    server = await startBlouseServer();
    browser = await launchBrowser();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it(
    'an agent on a phone acknowledges the charter and takes the quiz; an admin publishes a new version; the agent is asked again',
    async () => {
      const failures: string[] = [];

      await withPage(MOBILE, 'agent', async (page) => {
        await followMainNav(page, 'Formation');
        await page.waitForURL('**/formation');
        await page.getByRole('heading', { level: 2, name: 'Charte d’usage des réseaux sociaux' }).waitFor();
        await page.getByText('Lisez la charte, puis confirmez').waitFor();
        // The default charter, rendered from its Markdown.
        await page.getByRole('heading', { name: '1. Le secret s’applique partout' }).waitFor();
        expect(await page.getByRole('link', { name: 'Suivi' }).count()).toBe(0);
        failures.push(...(await auditPage(page, 'training-charter')));

        // From the keyboard: focus the button, press Enter.
        const acknowledge = page.getByRole('button', {
          name: 'J’ai lu la charte et je m’engage à la respecter',
        });
        await acknowledge.focus();
        await page.keyboard.press('Enter');
        await page.getByRole('status').filter({ hasText: 'Vous avez reconnu cette version le' }).waitFor();

        await page.getByRole('textbox', { name: 'Service où je travaille' }).click();
        await page.getByRole('option', { name: 'Radiologie' }).click();
        await page.getByRole('status').filter({ hasText: 'Service enregistré.' }).waitFor();
        failures.push(...(await auditPage(page, 'training-charter-acknowledged')));

        await page
          .getByRole('navigation', { name: 'Parties de la formation' })
          .getByRole('link', { name: 'Questionnaire' })
          .click();
        await page.getByRole('button', { name: 'Commencer le questionnaire' }).click();
        let score = 0;
        for (let question = 1; question <= 10; question++) {
          await page.getByText(`Question ${question} sur 10`).waitFor();
          const statement = page.locator('#quiz-statement');
          await expect.poll(async () => (await focused(page)).tag).toBe('H2');
          if (question <= 4) {
            // Keyboard only: Tab to « VRAI » (or on to « FAUX »), Enter; the focus goes to the explanation.
            await page.keyboard.press('Tab');
            if (question % 2 === 0) await page.keyboard.press('Tab');
            expect((await focused(page)).text).toBe(question % 2 === 0 ? 'FAUX' : 'VRAI');
            await page.keyboard.press('Enter');
            await page.getByTestId('quiz-feedback').waitFor();
            await expect.poll(async () => (await focused(page)).testId).toBe('quiz-feedback');
          } else {
            expect(await statement.textContent()).toMatch(/^« .+ »$/);
            await page.getByRole('button', { name: question % 2 === 0 ? 'FAUX' : 'VRAI' }).click();
            await page.getByTestId('quiz-feedback').waitFor();
          }
          const feedback = (await page.getByTestId('quiz-feedback').textContent()) ?? '';
          expect(feedback).toMatch(/La réponse est (VRAI|FAUX)\./);
          expect(feedback).toMatch(/Référence : /);
          if (feedback.startsWith('Bonne réponse')) score++;
          if (question === 1) failures.push(...(await auditPage(page, 'training-quiz-feedback')));
          const last = question === 10;
          if (question <= 4) {
            // Tab from the explanation reaches « Question suivante ».
            await page.keyboard.press('Tab');
            expect((await focused(page)).text).toBe('Question suivante');
            await page.keyboard.press('Enter');
          } else {
            await page.getByRole('button', { name: last ? 'Voir mon score' : 'Question suivante' }).click();
          }
        }
        const result = page.getByRole('heading', { level: 2, name: `Votre score : ${score} / 10` });
        await result.waitFor();
        await expect.poll(async () => (await focused(page)).text).toBe(`Votre score : ${score} / 10`);
        failures.push(...(await auditPage(page, 'training-quiz-score')));
        // « Recommencer » draws a new attempt.
        await page.getByRole('button', { name: 'Recommencer' }).click();
        await page.getByText('Question 1 sur 10').waitFor();

        await page
          .getByRole('navigation', { name: 'Parties de la formation' })
          .getByRole('link', { name: 'Confidentialité' })
          .click();
        await page.getByRole('heading', { level: 3, name: 'Instagram' }).waitFor();
        const reminders = page.getByRole('switch', {
          name: 'Recevoir un rappel par e-mail tous les six mois',
        });
        expect(await reminders.isChecked()).toBe(true);
        await reminders.focus();
        await page.keyboard.press('Space');
        await page.getByRole('status').filter({ hasText: 'Vous ne recevrez plus de rappel' }).waitFor();
        failures.push(...(await auditPage(page, 'training-privacy')));
      });

      await withPage(DESKTOP, 'admin', async (page) => {
        await followMainNav(page, 'Formation');
        await page
          .getByRole('navigation', { name: 'Parties de la formation' })
          .getByRole('link', { name: 'Suivi' })
          .click();
        const rates = page.getByTestId('training-rates');
        await rates.waitFor();
        const table = (await rates.textContent()) ?? '';
        // The demo's colleagues: Radiologie shown; the agent joined it; the small services grouped.
        expect(table).toContain('Radiologie');
        expect(table).toContain('Autres services (moins de 3 personnes)');
        expect(table).toContain('Tout l’établissement');
        expect(table).not.toContain('Adam');
        failures.push(...(await auditPage(page, 'training-rates')));

        await page.getByRole('button', { name: 'Repartir du texte en vigueur' }).click();
        const text = page.getByLabel('Texte de la nouvelle version');
        await expect.poll(async () => (await text.inputValue()).length).toBeGreaterThan(1000);
        await text.press('End');
        await text.press('Control+End');
        await page.keyboard.type(
          '\n## 8. Contacts\n\nLa direction de la communication répond au poste **4321**.\n',
        );
        await page.getByRole('button', { name: 'Publier la version' }).click();
        await page
          .getByText('Tout le personnel devra reconnaître cette nouvelle version. Publier ?')
          .waitFor();
        failures.push(...(await auditPage(page, 'training-publish-confirm')));
        await page.getByRole('button', { name: 'Publier la version' }).click();
        await page.getByRole('status').filter({ hasText: 'Version 2 publiée.' }).waitFor();
      });

      for (const [viewport, label] of [
        [DESKTOP, 'wide'],
        [MOBILE, 'phone'],
      ] as const) {
        await withPage(viewport, 'agent', async (page) => {
          await followMainNav(page, 'Formation');
          await page
            .getByText('Une nouvelle version a été publiée depuis celle que vous avez reconnue (version 1)')
            .waitFor();
          await page.getByRole('heading', { name: '8. Contacts' }).waitFor();
          expect(await page.locator('article strong').filter({ hasText: '4321' }).count()).toBe(1);
          failures.push(...(await auditPage(page, `training-charter-v2-${label}`)));
          if (label === 'phone') {
            await page
              .getByRole('button', { name: 'J’ai lu la charte et je m’engage à la respecter' })
              .click();
            await page
              .getByRole('status')
              .filter({ hasText: 'Vous avez reconnu cette version le' })
              .waitFor();
          }
        });
      }

      expect(failures).toEqual([]);
    },
    TIMEOUT,
  );

  it('shows the rates and the quiz on the other screen sizes too', async () => {
    const failures: string[] = [];
    await withPage(MOBILE, 'communication', async (page) => {
      await page.goto(`${server.url}/formation/suivi`);
      // One card per group on a phone, where a five-column table does not fit.
      const cards = page.getByTestId('training-rates-cards');
      await cards.waitFor();
      expect(await cards.textContent()).toContain('Autres services (moins de 3 personnes)');
      failures.push(...(await auditPage(page, 'training-rates')));
    });
    await withPage(DESKTOP, 'legal', async (page) => {
      await page.goto(`${server.url}/formation/questionnaire`);
      await page.getByRole('button', { name: 'Commencer le questionnaire' }).click();
      await page.getByRole('button', { name: 'VRAI' }).click();
      await page.getByTestId('quiz-feedback').waitFor();
      failures.push(...(await auditPage(page, 'training-quiz-feedback')));
      await page.goto(`${server.url}/formation/confidentialite`);
      await page.getByRole('heading', { level: 3, name: 'Bluesky' }).waitFor();
      failures.push(...(await auditPage(page, 'training-privacy')));
      // Follow-up is not for the legal service.
      expect(await page.getByRole('link', { name: 'Suivi' }).count()).toBe(0);
    });
    expect(failures).toEqual([]);
  });

  it('opts out from the e-mail’s link without signing in, and says when the link is broken', async () => {
    const context = await browser.newContext({ baseURL: server.url, viewport: MOBILE, locale: 'fr-FR' });
    try {
      const page = await context.newPage();
      await page.goto('/rappels/desinscription?jeton=abc.123.tronque');
      await page.getByRole('heading', { level: 1, name: 'Rappels de confidentialité' }).waitFor();
      await page.getByRole('button', { name: 'Ne plus recevoir ces rappels' }).click();
      await page.getByRole('alert').filter({ hasText: 'n’est pas valide' }).waitFor();
      const failures = await auditPage(page, 'training-opt-out-invalid');
      expect(failures).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
