import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';

/** French « best_int » data shipped in @tesseract.js-data/fra: nothing is downloaded. */
const LANG_PATH = join(
  dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/fra/package.json')),
  '4.0.0_best_int',
);
/** A reader left unused this long is stopped: its thread would keep a finished command alive. */
const IDLE_MS = 15_000;

let reader: Promise<Worker> | null = null;
let inUse = 0;
let idleTimer: NodeJS.Timeout | null = null;
/** The end of the last borrower's turn: the worker is lent to one picture at a time. */
let lastTurn: Promise<void> = Promise.resolve();

/**
 * Lends the process's tesseract worker, started on first use and kept between photos: starting
 * one (its wasm and the French data) took half a second, a third of a check. A worker runs its
 * jobs one after the other anyway; lending it to one picture at a time (the others wait their
 * turn) means a borrower that gives up on a job and has the worker stopped stops nobody else's.
 * A worker that failed is dropped, and the next photo starts a new one; one unused for 15
 * seconds is stopped.
 */
export async function withTextReader<T>(use: (worker: Worker) => Promise<T>): Promise<T> {
  if (idleTimer !== null) clearTimeout(idleTimer);
  idleTimer = null;
  inUse++;
  const previousTurn = lastTurn;
  let endTurn: () => void = () => undefined;
  lastTurn = new Promise((resolve) => {
    endTurn = resolve;
  });
  await previousTurn;
  reader ??= startReader();
  const current = reader;
  try {
    return await use(await current);
  } catch (error) {
    if (reader === current) {
      reader = null;
      void current.then((worker) => worker.terminate()).catch(() => undefined);
    }
    throw error;
  } finally {
    endTurn();
    inUse--;
    if (inUse === 0) {
      idleTimer = setTimeout(() => void releaseTextReader(), IDLE_MS);
      idleTimer.unref();
    }
  }
}

/** Stops the worker now (end of a command, server shutdown); the next photo starts another. */
export async function releaseTextReader(): Promise<void> {
  if (idleTimer !== null) clearTimeout(idleTimer);
  idleTimer = null;
  const current = reader;
  reader = null;
  if (current !== null) await (await current.catch(() => null))?.terminate();
}

async function startReader(): Promise<Worker> {
  // No cache is written anywhere (cacheMethod none): the data is read from the package.
  const worker = await createWorker('fra', OEM.LSTM_ONLY, {
    langPath: LANG_PATH,
    gzip: true,
    cacheMethod: 'none',
  });
  // Pictures are given without a resolution: say it, rather than let tesseract guess 70 dpi.
  // Sparse text (mode 11), not a page: a photo is a scene with a few labels in it, and the page
  // layout analysis dropped whole boards as pictures (44 % of label words read against 60 %).
  await worker.setParameters({ user_defined_dpi: '300', tessedit_pageseg_mode: PSM.SPARSE_TEXT });
  return worker;
}
