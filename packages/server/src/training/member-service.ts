import { readGuardLists } from '../accounts/establishment-service.js';
import type { AppContext } from '../http/context.js';
import { badRequest, notFound } from '../http/problem.js';
import { serviceOf, setService } from './member-repository.js';
import { lastResult, type QuizResultView } from './quiz-service.js';
import type { ReminderState } from './reminder-repository.js';
import { remindersOf } from './reminder-service.js';

export interface MyTraining {
  readonly service: string | null;
  /** The establishment's services (its guard lists), to choose from. */
  readonly services: string[];
  readonly quiz: QuizResultView | null;
  readonly reminders: ReminderState;
}

export async function myTraining(
  context: AppContext,
  establishmentId: string,
  userId: string,
): Promise<MyTraining> {
  const [service, lists, quiz, reminders] = await Promise.all([
    serviceOf(context.storage.db, establishmentId, userId),
    readGuardLists(context, establishmentId),
    lastResult(context, establishmentId, userId),
    remindersOf(context, userId),
  ]);
  return { service, services: lists.services, quiz, reminders };
}

/**
 * Sets a member's service, one of the establishment's list (the administration keeps it in the
 * guard's lists), or none. A free text would split one service into spellings and let a person
 * sit alone in a « service » of their own, where the rates would single them out.
 */
export async function assignService(
  context: AppContext,
  establishmentId: string,
  userId: string,
  service: string | null,
): Promise<string | null> {
  if (service !== null) {
    const { services } = await readGuardLists(context, establishmentId);
    if (!services.includes(service))
      throw badRequest(
        'service_inconnu',
        'Ce service ne figure pas dans la liste de l’établissement : choisissez-en un de la liste.',
      );
  }
  if (!(await setService(context.storage.db, establishmentId, userId, service))) throw notFound();
  return service;
}
