// The one Porter2 stemmer of the core (wink-porter2-stemmer), behind a length guard: the stemmer's suffix regexes
// backtrack, so its cost grows faster than a token's length — one 5 MB "word" held the event linker for minutes.
import porter2 from 'wink-porter2-stemmer';

/** Tokens longer than this are no words of any language: they are kept as they are, never stemmed. */
export const MAX_STEMMED_LENGTH = 40;

/** The Porter2 stem of a lower-case word; a token longer than MAX_STEMMED_LENGTH comes back unchanged. */
export function stem(word: string): string {
  return word.length > MAX_STEMMED_LENGTH ? word : porter2(word);
}
