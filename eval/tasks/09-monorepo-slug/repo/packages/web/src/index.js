import { slugify } from '../../core/src/index.js';

/** Path of an article page: `/blog/<year>/<slug>`. */
export function articlePath(article) {
  const year = new Date(article.published).getUTCFullYear();
  return `/blog/${year}/${slugify(article.title)}`;
}
