import { SAMPLE_POSTS } from '@blouse/guard';

/**
 * A long text of real-looking posts (names, rooms, diagnoses, harmless ones), about `length`
 * characters: what one person pasting a long document sends to the guard.
 */
export function longText(length: number, offset = 0): string {
  let text = '';
  for (let i = offset; text.length < length; i++)
    text += `${SAMPLE_POSTS[i % SAMPLE_POSTS.length]?.text ?? ''}\n`;
  return text.slice(0, length);
}
