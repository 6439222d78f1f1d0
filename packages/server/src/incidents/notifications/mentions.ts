import type { DeskMember } from '../desk-members.js';

/**
 * « @claire.martin » in a comment: an « @ » that does not follow a letter or digit (so an e-mail
 * address is not a mention), then a handle of lower-case letters and digits joined by dots.
 */
const MENTION = /(?<![\p{L}\p{N}._-])@([\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*)/gu;

/** The handles mentioned in a text, folded as desk-members.ts folds them, without repeats. */
export function mentionedHandles(text: string): string[] {
  const handles = new Set<string>();
  for (const match of text.matchAll(MENTION)) {
    const handle = (match[1] ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    if (handle !== '') handles.add(handle);
  }
  return [...handles];
}

/**
 * The desk members a text mentions, the author excepted. A handle that names no one of this
 * desk is ignored, silently: the answer must not tell who else exists.
 */
export function mentionedMembers(
  text: string,
  members: readonly DeskMember[],
  authorId: string,
): DeskMember[] {
  const handles = new Set(mentionedHandles(text));
  return members.filter((member) => member.id !== authorId && handles.has(member.handle));
}
