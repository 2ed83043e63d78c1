// SQL LIKE treats these as wildcards (and PostgreSQL the backslash as its escape); Prisma passes
// `contains`/`startsWith` text through unescaped. Keys hold full-width look-alikes instead, and so
// does every operand folded for comparison with them, so a "%" in a filter matches a "%" only.
const LIKE_SPECIALS: Record<string, string> = { "%": "\uFF05", _: "\uFF3F", "\\": "\uFF3C" };

/** Replaces LIKE's special characters with their look-alikes (see above). */
export const literalForLike = (text: string): string => text.replace(/[%_\\]/g, (special) => LIKE_SPECIALS[special]!);

/**
 * A comparison key for names and other text: lower case, diacritics removed, whitespace collapsed,
 * so that "Skusevičius" and "skusevicius" meet; LIKE's special characters made literal.
 */
export function nameKey(text: string): string {
  return literalForLike(
    text
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .replace(/\s+/g, " ")
      .trim(),
  );
}
