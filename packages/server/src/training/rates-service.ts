import type { AppContext } from '../http/context.js';
import { currentCharter } from './charter-service.js';
import { type MemberFacts, memberFacts } from './member-repository.js';
import { type RateGroup, rateGroups } from './rates.js';

export interface TrainingRates {
  readonly charterVersion: number;
  readonly groups: RateGroup[];
  readonly total: RateGroup;
}

/** The acknowledgement and quiz rates per service, without names (rates.ts). */
export async function trainingRates(context: AppContext, establishmentId: string): Promise<TrainingRates> {
  const charter = await currentCharter(context, establishmentId);
  const facts: MemberFacts[] = await memberFacts(context.storage.db, establishmentId, charter);
  return { charterVersion: charter.version, ...rateGroups(facts) };
}
