/**
 * Control characters would move the cursor or inject terminal escapes when a pasted text is
 * printed, and bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)
 * would make the terminal show the text in another order than it is; each is shown as U+FFFD
 * instead. One code unit for one, so span offsets still hold. Line feeds and tabs are kept:
 * they are the text's own layout.
 */
export function printable(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: controls are exactly what a terminal must not receive
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, '\uFFFD');
}

/** A text on one line, for lists: any run of white space becomes one space. */
export function oneLine(text: string): string {
  return printable(text.replace(/\s+/g, ' ').trim());
}

/** Each line of a block indented, so that a quoted text stands apart from the report around it. */
export function indent(text: string, prefix = '  '): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}
