/**
 * A comparison key for names: lower case, diacritics removed, whitespace collapsed, so that
 * "Skusevičius" and "skusevicius" meet.
 */
export function nameKey(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}
