import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Role } from '../db/schema.js';
import { requireRole } from '../http/auth.js';
import type { AppContext } from '../http/context.js';
import { acknowledgeCharter, charterStatus, publishCharter } from './charter-service.js';
import { assignService, myTraining } from './member-service.js';
import { TRAINING_ASSIGN_ROLES, TRAINING_MANAGE_ROLES, TRAINING_ROLES } from './policy.js';
import { answerQuestion, startAttempt } from './quiz-service.js';
import { trainingRates } from './rates-service.js';
import { optOutWithToken, setReminders } from './reminder-service.js';
import {
  acknowledgeBody,
  answerBody,
  answerSchema,
  attemptParams,
  attemptSchema,
  charterSchema,
  charterStatusSchema,
  establishmentParams,
  memberParams,
  myTrainingSchema,
  optOutBody,
  publishBody,
  ratesSchema,
  reminderStateSchema,
  remindersBody,
  serviceBody,
  serviceSchema,
} from './schemas.js';

const TAGS = ['Formation'];
const BASE = '/api/establishments/:establishmentId/training';

/** The signed-in member's id, once their role here is among `roles`. */
function memberId(
  request: FastifyRequest,
  establishmentId: string,
  roles: readonly Role[] = TRAINING_ROLES,
): string {
  requireRole(request, establishmentId, roles);
  const user = request.session?.user;
  if (user === undefined) throw new Error('session absente après requireRole');
  return user.id;
}

/**
 * « Formation »: the charter and its acknowledgement, the VRAI / FAUX quiz, the person's service
 * and privacy reminders; the rates per service and new charter versions for the administration
 * and the communication department. Thin: the rules are in the services.
 */
export function trainingRoutes(context: AppContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      `${BASE}/charter`,
      {
        schema: {
          tags: TAGS,
          summary: 'La charte en vigueur, et si je l’ai reconnue',
          params: establishmentParams,
          response: { 200: charterStatusSchema },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        return charterStatus(context, establishmentId, memberId(request, establishmentId));
      },
    );

    app.post(
      `${BASE}/charter/acknowledgements`,
      {
        schema: {
          tags: TAGS,
          summary: 'Reconnaître la version de la charte que j’ai lue (sa version et son empreinte)',
          params: establishmentParams,
          body: acknowledgeBody,
          response: { 200: charterStatusSchema },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        return acknowledgeCharter(context, establishmentId, memberId(request, establishmentId), request.body);
      },
    );

    app.post(
      `${BASE}/charter/versions`,
      {
        schema: {
          tags: TAGS,
          summary: 'Publier une nouvelle version de la charte (Markdown) : chacun devra la reconnaître',
          params: establishmentParams,
          body: publishBody,
          response: { 201: charterSchema },
        },
      },
      async (request, reply) => {
        const { establishmentId } = request.params;
        const actorId = memberId(request, establishmentId, TRAINING_MANAGE_ROLES);
        return reply
          .status(201)
          .send(await publishCharter(context, establishmentId, actorId, request.body.body));
      },
    );

    app.get(
      `${BASE}/me`,
      {
        schema: {
          tags: TAGS,
          summary: 'Mon service, mon dernier score au questionnaire et mes rappels',
          params: establishmentParams,
          response: { 200: myTrainingSchema },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        return myTraining(context, establishmentId, memberId(request, establishmentId));
      },
    );

    app.put(
      `${BASE}/me/service`,
      {
        schema: {
          tags: TAGS,
          summary: 'Dire dans quel service je travaille (un service de la liste de l’établissement)',
          params: establishmentParams,
          body: serviceBody,
          response: { 200: serviceSchema },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        const userId = memberId(request, establishmentId);
        return { service: await assignService(context, establishmentId, userId, request.body.service) };
      },
    );

    app.put(
      `${BASE}/members/:userId/service`,
      {
        schema: {
          tags: TAGS,
          summary: 'Indiquer le service d’un membre (administration)',
          params: memberParams,
          body: serviceBody,
          response: { 200: serviceSchema },
        },
      },
      async (request) => {
        const { establishmentId, userId } = request.params;
        memberId(request, establishmentId, TRAINING_ASSIGN_ROLES);
        return { service: await assignService(context, establishmentId, userId, request.body.service) };
      },
    );

    app.put(
      `${BASE}/me/reminders`,
      {
        schema: {
          tags: TAGS,
          summary: 'Recevoir ou non le rappel semestriel des paramètres de confidentialité',
          params: establishmentParams,
          body: remindersBody,
          response: { 200: reminderStateSchema },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        return setReminders(context, memberId(request, establishmentId), request.body.optedOut);
      },
    );

    app.post(
      `${BASE}/quiz/attempts`,
      {
        schema: {
          tags: TAGS,
          summary: 'Commencer un questionnaire VRAI / FAUX (questions tirées au hasard, sans les réponses)',
          params: establishmentParams,
          response: { 201: attemptSchema },
        },
      },
      async (request, reply) => {
        const { establishmentId } = request.params;
        return reply
          .status(201)
          .send(await startAttempt(context, establishmentId, memberId(request, establishmentId)));
      },
    );

    app.post(
      `${BASE}/quiz/attempts/:attemptId/answers`,
      {
        schema: {
          tags: TAGS,
          summary: 'Répondre à une question : juste ou non, et pourquoi',
          params: attemptParams,
          body: answerBody,
          response: { 200: answerSchema },
        },
      },
      async (request) => {
        const { establishmentId, attemptId } = request.params;
        const userId = memberId(request, establishmentId);
        return answerQuestion(context, establishmentId, userId, attemptId, request.body);
      },
    );

    app.get(
      `${BASE}/rates`,
      {
        schema: {
          tags: TAGS,
          summary:
            'Taux de reconnaissance de la charte et de participation au questionnaire, par service, sans nom',
          params: establishmentParams,
          response: { 200: ratesSchema },
        },
      },
      async (request) => {
        const { establishmentId } = request.params;
        requireRole(request, establishmentId, TRAINING_MANAGE_ROLES);
        return trainingRates(context, establishmentId);
      },
    );

    app.post(
      '/api/training/reminders/opt-out',
      {
        schema: {
          tags: TAGS,
          summary: 'Ne plus recevoir le rappel, depuis le lien de l’e-mail (sans connexion)',
          body: optOutBody,
          response: { 200: reminderStateSchema },
        },
      },
      async (request) => optOutWithToken(context, request.body.token),
    );
  };
}
