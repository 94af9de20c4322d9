// Pure selections over the newsroom's articles (already sorted newest first): sections, authors,
// tags, archive months, pagination and the front page's lead story.
import type { Article, Author } from "./content/types.ts";
import type { Section } from "./site.ts";
import { slugifyText } from "./slug.ts";

export function articlesInSection(articles: readonly Article[], section: string): Article[] {
  return articles.filter((article) => article.section.slug === section);
}

export function articlesByAuthor(articles: readonly Article[], authorId: string): Article[] {
  return articles.filter((article) => article.authors.some((author) => author.id === authorId));
}

/** The copyright year: the newest article's, so output never depends on the build's clock. */
export function latestYear(articles: readonly Article[]): number {
  const newest = articles[0];
  return newest ? Number(newest.published.day.slice(0, 4)) : 1970;
}

/** The front page's lead: the newest article marked `featured`, else the newest article. */
export function leadStory(articles: readonly Article[]): Article | undefined {
  return articles.find((article) => article.featured) ?? articles[0];
}

export interface Tag {
  slug: string;
  /** The spelling most articles use (ties: the first in alphabetical order). */
  name: string;
  /** Site path: "/tags/city-council/". */
  path: string;
  articles: Article[];
}

/** Groups tags by slug, so "COVID-19" and "Covid 19" share one page. Sorted by name. */
export function collectTags(articles: readonly Article[]): Tag[] {
  const bySlug = new Map<string, { spellings: Map<string, number>; articles: Article[] }>();
  for (const article of articles) {
    for (const tag of article.tags) {
      const slug = tagSlug(tag);
      const entry = bySlug.get(slug) ?? { spellings: new Map<string, number>(), articles: [] as Article[] };
      entry.spellings.set(tag, (entry.spellings.get(tag) ?? 0) + 1);
      if (!entry.articles.includes(article)) entry.articles.push(article);
      bySlug.set(slug, entry);
    }
  }
  return [...bySlug.entries()]
    .map(([slug, entry]) => {
      const [name] = [...entry.spellings.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [slug];
      return { slug, name, path: `/tags/${slug}/`, articles: entry.articles };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.slug.localeCompare(b.slug));
}

/** A tag's page slug. */
export function tagSlug(tag: string): string {
  return slugifyText(tag);
}

export interface ArchiveMonth {
  year: string;
  month: string;
  /** Site path: "/archive/2026/11/". */
  path: string;
  articles: Article[];
}

/** Months with articles, newest first, in the site's time zone. */
export function archiveMonths(articles: readonly Article[]): ArchiveMonth[] {
  const months = new Map<string, ArchiveMonth>();
  for (const article of articles) {
    const [year = "", month = ""] = article.published.day.split("-");
    const key = `${year}-${month}`;
    const entry = months.get(key) ?? { year, month, path: `/archive/${year}/${month}/`, articles: [] };
    entry.articles.push(article);
    months.set(key, entry);
  }
  return [...months.values()].sort((a, b) => `${b.year}${b.month}`.localeCompare(`${a.year}${a.month}`));
}

/** One page of a paginated list. */
export interface Listing<T> {
  items: T[];
  /** 1-based. */
  pageNumber: number;
  totalPages: number;
  /** Site path of this page. */
  path: string;
  /** Site path of page n of the same list. */
  pathOf: (n: number) => string;
}

/** Splits `items` into pages at `base`, `base`page/2/, …; an empty list still has its first page. */
export function paginate<T>(items: readonly T[], pageSize: number, base: string): Listing<T>[] {
  const totalPages = Math.max(1, Math.ceil(items.length / pageSize));
  const pathOf = (n: number) => (n <= 1 ? base : `${base}page/${n}/`);
  return Array.from({ length: totalPages }, (_, index) => ({
    items: items.slice(index * pageSize, (index + 1) * pageSize),
    pageNumber: index + 1,
    totalPages,
    path: pathOf(index + 1),
    pathOf,
  }));
}

/**
 * "More from <section>": up to `limit` other articles, ranked by shared tags, then same section,
 * then recency. Only articles that share a tag or the section qualify. Deterministic. The index is
 * built once per build: a newsroom archive has tens of thousands of articles, and a popular tag is
 * shared by thousands of them, so a lookup counts in a typed array and keeps only the best `limit`
 * candidates instead of sorting them all.
 */
export function createRelatedIndex(articles: readonly Article[], limit = 4): (article: Article) => Article[] {
  const position = new Map(articles.map((article, index) => [article, index]));
  const slugsOf = articles.map((article) => new Set(article.tags.map(tagSlug)));
  const byTag = new Map<string, number[]>();
  const bySection = new Map<string, number[]>();
  const push = (map: Map<string, number[]>, key: string, index: number) => {
    const list = map.get(key);
    if (list) list.push(index);
    else map.set(key, [index]);
  };
  articles.forEach((article, index) => {
    for (const slug of slugsOf[index] ?? []) push(byTag, slug, index);
    push(bySection, article.section.slug, index);
  });
  // Scratch space reused by every lookup: shared-tag counts, and which entries are set.
  const shared = new Int32Array(articles.length);
  const candidates: number[] = [];

  return (article) => {
    const self = position.get(article);
    const tags = self === undefined ? new Set(article.tags.map(tagSlug)) : (slugsOf[self] ?? new Set<string>());
    for (const slug of tags) {
      for (const index of byTag.get(slug) ?? []) {
        const count = shared[index] ?? 0;
        if (count === 0) candidates.push(index);
        shared[index] = count + 1;
      }
    }
    // Without a shared tag only recency ranks: the newest few of the section are enough.
    const section = article.section.slug;
    const newestOfSection = (bySection.get(section) ?? []).slice(0, limit + 1).filter((index) => shared[index] === 0);

    // The best `limit` by (shared tags, same section, newer, path), kept sorted best first.
    const best: { other: Article; count: number; sameSection: number }[] = [];
    const ranksBefore = (a: (typeof best)[number], b: (typeof best)[number]) =>
      (b.count - a.count || b.sameSection - a.sameSection || b.other.published.epoch - a.other.published.epoch || a.other.path.localeCompare(b.other.path)) < 0;
    const consider = (index: number) => {
      const other = articles[index];
      const count = shared[index] ?? 0;
      const worst = best[best.length - 1];
      // Most candidates share fewer tags than the worst of a full list: reject them before any work.
      if (!other || index === self || (best.length === limit && worst && count < worst.count)) return;
      const candidate = { other, count, sameSection: other.section.slug === section ? 1 : 0 };
      if (candidate.count === 0 && candidate.sameSection === 0) return;
      if (best.length === limit && (!worst || !ranksBefore(candidate, worst))) return;
      let at = best.length;
      while (at > 0 && ranksBefore(candidate, best[at - 1] as (typeof best)[number])) at--;
      best.splice(at, 0, candidate);
      if (best.length > limit) best.pop();
    };
    for (const index of candidates) consider(index);
    for (const index of newestOfSection) consider(index);

    for (const index of candidates) shared[index] = 0;
    candidates.length = 0;
    return best.map(({ other }) => other);
  };
}

/** Section blocks for the front page: the newest few of each section, in the settings' order. */
export function sectionBlocks(articles: readonly Article[], sections: readonly Section[], exclude: ReadonlySet<Article>, perSection = 3) {
  return sections
    .map((section) => ({ section, articles: articlesInSection(articles, section.slug).filter((a) => !exclude.has(a)).slice(0, perSection) }))
    .filter((block) => block.articles.length > 0);
}

export function authorsWithArticles(authors: readonly Author[], articles: readonly Article[]) {
  return authors.map((author) => ({ author, count: articlesByAuthor(articles, author.id).length }));
}

/** When an article last changed: `updated`, else its publication. */
export function articleUpdated(article: Pick<Article, "published" | "updated">) {
  return article.updated ?? article.published;
}

/** The newest `updated` of some articles, or undefined when there are none. */
export function newestUpdated(articles: readonly Pick<Article, "published" | "updated">[]) {
  return articles.map(articleUpdated).reduce<ReturnType<typeof articleUpdated> | undefined>((newest, moment) => (!newest || moment.epoch > newest.epoch ? moment : newest), undefined);
}
