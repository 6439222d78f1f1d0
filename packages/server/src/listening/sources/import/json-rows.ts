import { ImportError } from './import-error.js';

/** A JSON row: the value and the line it starts on, or why that line could not be read. */
export type JsonRow =
  | { readonly line: number; readonly value: unknown }
  | { readonly line: number; readonly problem: string };

/** Keys under which tools wrap their list of mentions in a JSON object. */
const WRAPPER_KEYS = ['mentions', 'results', 'data', 'items', 'posts', 'documents', 'records'];

/*
 * A JSON export is an array of objects, an object wrapping such an array under a usual key
 * (« data », « results », « mentions »…), or JSON Lines (one object per line). Rows carry the
 * line they start on, so that a rejection points at the right place in the file. A broken
 * array is an error for the whole file; a broken JSON Lines line only rejects that line.
 */
export function readJsonRows(text: string): JsonRow[] {
  const trimmed = text.trimStart();
  const firstLine = countLines(text, text.length - trimmed.length) + 1;
  if (trimmed.startsWith('[')) return arrayRows(text, parseWhole(text) as unknown[], null);
  if (!trimmed.startsWith('{')) {
    throw new ImportError(
      'json_invalide',
      'Le fichier ne commence ni par « [ » ni par « { » : ce n’est pas du JSON.',
    );
  }
  let whole: unknown;
  try {
    whole = JSON.parse(text);
  } catch {
    return jsonLines(text);
  }
  const wrapper = whole as Record<string, unknown>;
  const key = WRAPPER_KEYS.find((name) => Array.isArray(wrapper[name]));
  if (key !== undefined) return arrayRows(text, wrapper[key] as unknown[], key);
  return [{ line: firstLine, value: whole }];
}

function jsonLines(text: string): JsonRow[] {
  const rows: JsonRow[] = [];
  text.split(/\r\n|\n|\r/).forEach((content, index) => {
    if (content.trim() === '') return;
    try {
      rows.push({ line: index + 1, value: JSON.parse(content) });
    } catch {
      rows.push({ line: index + 1, problem: 'cette ligne n’est pas du JSON valide' });
    }
  });
  return rows;
}

function parseWhole(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec((error as Error).message)?.[1];
    const where = position === undefined ? '' : ` (ligne ${countLines(text, Number(position)) + 1})`;
    throw new ImportError(
      'json_invalide',
      `Le fichier JSON est invalide${where} : vérifiez qu’il est complet.`,
    );
  }
  return value;
}

/** Newlines before a position. */
function countLines(text: string, position: number): number {
  let lines = 0;
  for (
    let index = text.indexOf('\n');
    index !== -1 && index < position;
    index = text.indexOf('\n', index + 1)
  ) {
    lines += 1;
  }
  return lines;
}

/**
 * Pairs each element of the (already parsed) array with the line it starts on, by scanning the
 * text: the top-level array, or the array under `key` in the top-level object.
 */
function arrayRows(text: string, elements: unknown[], key: string | null): JsonRow[] {
  const starts = elementLines(text, key);
  return elements.map((value, index) => ({ line: starts[index] ?? 1, value }));
}

function elementLines(text: string, key: string | null): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inTarget = false;
  let expectElement = false;
  let lastKey: string | null = null;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '\n') {
      line += 1;
      continue;
    }
    if (char === ' ' || char === '\t' || char === '\r') continue;
    if (inTarget && expectElement && char !== ']' && depth === (key === null ? 1 : 2)) {
      lines.push(line);
      expectElement = false;
    }
    if (char === '"') {
      const start = index;
      index += 1;
      while (index < text.length && text[index] !== '"') {
        if (text[index] === '\\') index += 1;
        else if (text[index] === '\n') line += 1;
        index += 1;
      }
      if (depth === 1 && key !== null) lastKey = text.slice(start + 1, index);
      continue;
    }
    if (char === '[' || char === '{') {
      depth += 1;
      if (
        char === '[' &&
        ((key === null && depth === 1) || (key !== null && depth === 2 && lastKey === key))
      ) {
        inTarget = true;
        expectElement = true;
      }
    } else if (char === ']' || char === '}') {
      if (inTarget && depth === (key === null ? 1 : 2) && char === ']') {
        inTarget = false;
        expectElement = false;
      }
      depth -= 1;
    } else if (char === ',' && inTarget && depth === (key === null ? 1 : 2)) {
      expectElement = true;
    }
  }
  return lines;
}
