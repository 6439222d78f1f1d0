import {
  analyze,
  type EstablishmentLists,
  type GuardContext,
  type Lexicon,
  loadLexicon,
  type Report,
} from '@blouse/guard';

/** One analysis, as the main thread hands it to a worker (plain data: it is copied across). */
export interface GuardTask {
  readonly text: string;
  readonly context: GuardContext;
  readonly lists: EstablishmentLists;
}

/**
 * The lexicon takes a few hundred milliseconds to build: loaded on the first analysis of the
 * thread (the main one or a worker), not at start-up, then kept for the thread's life.
 */
let lexicon: Lexicon | undefined;

/**
 * The guard on one text: pure, no storage. The same function runs in-process for short texts and
 * inside the worker threads for long ones, so both give the same report.
 */
export function analyseTask(task: GuardTask): Report {
  return analyze(
    task.text,
    { context: task.context, establishment: task.lists, saferVersion: true },
    warmUp(),
  );
}

/** Loads the lexicon now: a worker does it before it takes its first text. */
export function warmUp(): Lexicon {
  lexicon ??= loadLexicon();
  return lexicon;
}
