import type { ParseContext, ParseResult } from '../vocabulary/reading';
import type { PageJsonAnswer } from './envelope';
import type { PageJsonAdapter } from './types';

/**
 * What the page's recent JSON answers say, as one verdict: the latest answer that says something
 * (readings, or signed out) wins, as the page itself renders its latest answer; answers that say
 * nothing about usage (another call, an error code, text that is not JSON) are passed over. Null
 * when none says anything. The bodies are raw text from the page's world: each is parsed here, in
 * the background, and a body that is not JSON is ignored. The message schema has already checked
 * every answer's size and that its URL is on this carrier's list (lib/messages/schemas.ts); the
 * caller validates every reading that comes out.
 */
export function readPageJson(adapter: PageJsonAdapter, answers: readonly PageJsonAnswer[], context: ParseContext): ParseResult | null {
  let verdict: ParseResult | null = null;
  for (const { url, body } of answers) {
    const parsed = parse(body);
    if (!parsed) continue;
    const result = adapter.read(parsed.value, new URL(url), context);
    if (result && (result.ok ? result.readings.length > 0 : result.reason === 'logged-out')) verdict = result;
  }
  return verdict;
}

function parse(body: string): { value: unknown } | null {
  try {
    return { value: JSON.parse(body) as unknown };
  } catch {
    return null;
  }
}
