import { useEffect, useRef, useState } from 'react';
import { ApiError, client, isAbort, unwrap } from '../api/client';
import type { CheckReport, GuardContext } from '../api/types';

export interface LiveCheck {
  /** The last report, with the exact text it was computed on (spans index into that text). */
  result: { text: string; report: CheckReport } | null;
  pending: boolean;
  error: string | null;
}

/**
 * Coalesces a burst of keystrokes into one request: long enough to skip the intermediate states
 * of fast typing or pasting, short enough that the highlights follow the fingers.
 */
const SETTLE_MS = 25;
const MAX_TEXT_LENGTH = 20_000;

/**
 * Checks the text as it is typed, as a preview (not counted in the statistics). At most one
 * request is in flight: a new keystroke aborts the previous one, so a slow answer for an old
 * text can never overwrite the answer for the current one.
 */
export function useLiveCheck(establishmentId: string, text: string, context: GuardContext): LiveCheck {
  const [state, setState] = useState<LiveCheck>({ result: null, pending: false, error: null });
  const inFlight = useRef<AbortController | null>(null);

  useEffect(() => {
    inFlight.current?.abort();
    inFlight.current = null;
    if (text.trim() === '') {
      setState({ result: null, pending: false, error: null });
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, pending: true }));
    const timer = window.setTimeout(async () => {
      inFlight.current = controller;
      const sent = text.slice(0, MAX_TEXT_LENGTH);
      try {
        const report = await unwrap(
          client.POST('/api/establishments/{establishmentId}/checks', {
            params: { path: { establishmentId } },
            body: { text: sent, context, preview: true },
            signal: controller.signal,
          }),
        );
        if (controller.signal.aborted) return;
        setState({ result: { text: sent, report }, pending: false, error: null });
      } catch (error) {
        if (isAbort(error) || controller.signal.aborted) return;
        setState((previous) => ({
          ...previous,
          pending: false,
          error: error instanceof ApiError ? error.detail : String(error),
        }));
      } finally {
        if (inFlight.current === controller) inFlight.current = null;
      }
    }, SETTLE_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [establishmentId, text, context]);

  return state;
}
