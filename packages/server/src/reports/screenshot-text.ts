import { readScreenText } from '@blouse/guard-image';
import type { Screenshot } from './screenshots.js';

/**
 * The text of each screenshot of a report, read by the image guard's OCR, so that the guard can
 * weigh what the post says and not only the excerpt typed by the reporter (often a few words:
 * « regardez ce post »). A screenshot that cannot be read gives no text: the report is filed all
 * the same, on its excerpt. Nothing read is stored: the screenshot itself is the evidence.
 */
export async function readScreenshotTexts(screenshots: readonly Screenshot[]): Promise<string[]> {
  const texts: string[] = [];
  for (const screenshot of screenshots) {
    try {
      texts.push(await readScreenText(screenshot.bytes));
    } catch {
      texts.push('');
    }
  }
  return texts;
}
