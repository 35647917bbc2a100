/**
 * A URL slug: lower case ASCII letters and digits, words joined by single hyphens, no hyphen at either
 * end. Accented letters keep their base letter ("é" becomes "e").
 */
export function slugify(text) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
