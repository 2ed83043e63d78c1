// Words as the search index stores them, and the comparisons search makes between them. Pure
// functions: the index writer (src/search/documents.ts) and the query (src/search/query.ts) must fold
// text identically, so both call these.
import { nameKey } from "./text.js";

/** Letters NFKD does not decompose, written the way people type them without the key. */
const LETTER_FOLDS: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
  ŋ: "ng",
};

/** Russian and Kazakh Cyrillic, romanised roughly as English-language sources do (Васильев → vasilev). */
const CYRILLIC: Record<string, string> = {
  а: "a", б: "b", в: "v", г: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z", и: "i", й: "i", к: "k", л: "l",
  м: "m", н: "n", о: "o", п: "p", р: "r", с: "s", т: "t", у: "u", ф: "f", х: "kh", ц: "ts", ч: "ch",
  ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya", ә: "a", ғ: "g", қ: "k", ң: "n",
  ө: "o", ұ: "u", ү: "u", һ: "h", і: "i",
};

const FOLDS = { ...LETTER_FOLDS, ...CYRILLIC };
const FOLDABLE = new RegExp(`[${Object.keys(FOLDS).join("")}]`, "gu");

/** A word's comparison form: nameKey (lower case, no diacritics) plus the letters above, letters and digits only. */
export function foldWord(token: string): string {
  return nameKey(token)
    .replace(FOLDABLE, (letter) => FOLDS[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

export interface Token {
  /** Folded form. */
  word: string;
  /** Where the word is in the original text (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
}

// A word is a run of letters, digits and combining marks; anything else (spaces, punctuation,
// apostrophes, hyphens) separates words: "Côte d'Ivoire" is côte · d · ivoire.
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** The words of a text in order, folded, with their places in the text. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const word = foldWord(match[0]);
    if (word) tokens.push({ word, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/** Words of five letters or more tolerate one typo; shorter ones would match too much. */
export const TYPO_MIN_LENGTH = 5;
/** Words of three letters or more also match as the start of a longer word. */
export const PREFIX_MIN_LENGTH = 3;

/** The distinct strings made by deleting one character (SymSpell's deletion variants). */
export function deletions(word: string): string[] {
  const chars = [...word];
  const variants = new Set<string>();
  for (let index = 0; index < chars.length; index++) variants.add(chars.slice(0, index).join("") + chars.slice(index + 1).join(""));
  return [...variants];
}

/**
 * Whether two words are within one edit: a character inserted, deleted or replaced, or two
 * adjacent characters swapped (Damerau-Levenshtein distance at most 1).
 */
export function withinOneEdit(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > 1) return false;
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX--;
    endY--;
  }
  const restX = endX - start;
  const restY = endY - start;
  if (restX <= 1 && restY <= 1) return true; // equal, or one insertion, deletion or substitution
  // A transposition: "ab" against "ba" and nothing else differs.
  return restX === 2 && restY === 2 && x[start] === y[start + 1] && x[start + 1] === y[start];
}

/** The smallest string greater than every string that starts with `prefix` (in code-point order). */
export function prefixUpperBound(prefix: string): string {
  const chars = [...prefix];
  const last = chars.pop() as string;
  return chars.join("") + String.fromCodePoint((last.codePointAt(0) as number) + 1);
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (char) => ESCAPES[char] as string);

/** Characters of context a snippet keeps around its first highlighted word, on each side at most. */
export const SNIPPET_CONTEXT = 60;

/**
 * The text with the words at `positions` (token indexes) wrapped in <mark>…</mark>, HTML-escaped.
 * A long text is cut to a window around the first highlighted word, marked by "…" where cut.
 */
export function highlight(text: string, positions: ReadonlySet<number>, context = SNIPPET_CONTEXT): string {
  const tokens = tokenize(text);
  const marked = tokens.filter((_token, index) => positions.has(index));
  let from = 0;
  let to = text.length;
  const first = marked[0];
  if (first && text.length > 2 * context + (first.end - first.start)) {
    from = Math.max(0, first.start - context);
    to = Math.min(text.length, first.end + context);
    // Cut at word boundaries so that no word is shown in part.
    const before = tokens.find((token) => token.start < from && token.end > from);
    if (before) from = before.end;
    const after = tokens.find((token) => token.start < to && token.end > to);
    if (after) to = after.start;
  } else if (!first && text.length > 2 * context) {
    to = 2 * context;
    const after = tokens.find((token) => token.start < to && token.end > to);
    if (after) to = after.start;
  }
  let html = "";
  let at = from;
  for (const token of marked) {
    if (token.start < from || token.end > to) continue;
    html += `${escapeHtml(text.slice(at, token.start))}<mark>${escapeHtml(text.slice(token.start, token.end))}</mark>`;
    at = token.end;
  }
  html += escapeHtml(text.slice(at, to));
  return `${from > 0 ? "…" : ""}${html.trim()}${to < text.length ? "…" : ""}`;
}
