import type { AppContext } from '../http/context.js';
import { inUnit } from '../http/context.js';
import { TEST_CONFIG, TestClock } from '../test-support/app.js';
import type { TestStorage } from '../test-support/databases.js';

/** A database whose audit log holds `count` entries, written the way the application does. */
export async function seedAudit(
  storage: TestStorage,
  count: number,
  establishmentId: string | null = null,
): Promise<AppContext> {
  const clock = new TestClock();
  const context: AppContext = { storage, config: TEST_CONFIG, clock: clock.now };
  for (let index = 1; index <= count; index += 1) {
    clock.advance(1000);
    await inUnit(context, (unit) =>
      unit.audit({
        establishmentId,
        actorId: null,
        action: 'test.entry',
        targetType: 'test',
        targetId: `t${index}`,
        detail: { index },
      }),
    );
  }
  return context;
}
