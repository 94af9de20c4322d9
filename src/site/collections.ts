// Pure selections over the newsroom's teasers (newest first): sections, authors, tags, archive
// months, pagination and related stories (the front page's hierarchy is front-page.ts).
import type { AuthorRef, Teaser } from "../content/types.ts";
import type { Moment } from "../dates.ts";
import { slugify } from "../slug.ts";

export function teasersInSection(teasers: readonly Teaser[], section: string): Teaser[] {
  return teasers.filter((teaser) => teaser.section.slug === section);
}

/** Each author's teasers, by author id, in the order given: one pass for every author (a newsroom has hundreds). */
export function teasersByAuthor(teasers: readonly Teaser[]): Map<string, Teaser[]> {
  const byAuthor = new Map<string, Teaser[]>();
  for (const teaser of teasers) {
    for (const id of new Set(teaser.authors.map((author) => author.id))) {
      const list = byAuthor.get(id);
      if (list) list.push(teaser);
      else byAuthor.set(id, [teaser]);
    }
  }
  return byAuthor;
}

/** The copyright year: the newest article's, so output never depends on the build's clock. */
export function latestYear(teasers: readonly Teaser[]): number {
  const newest = teasers[0];
  return newest ? Number(newest.published.day.slice(0, 4)) : 1970;
}

/** A tag's page slug: the one slug function's (src/slug.ts, which slugifies each spelling once a process), so "Zürich" and "زيورخ" both get a page. */
export function tagSlug(tag: string): string {
  return slugify(tag);
}

export interface Tag {
  slug: string;
  /** The spelling most articles use (ties: the first in alphabetical order). */
  name: string;
  /** Site path: "/tags/city-council/". */
  path: string;
  teasers: Teaser[];
}

/** Groups tags by slug, so "COVID-19" and "Covid 19" share one page. Sorted by name. */
export function collectTags(teasers: readonly Teaser[]): Tag[] {
  const bySlug = new Map<string, { spellings: Map<string, number>; teasers: Teaser[] }>();
  for (const teaser of teasers) {
    for (const tag of teaser.tags) {
      const slug = tagSlug(tag);
      let entry = bySlug.get(slug);
      if (!entry) bySlug.set(slug, (entry = { spellings: new Map(), teasers: [] }));
      entry.spellings.set(tag, (entry.spellings.get(tag) ?? 0) + 1);
      if (entry.teasers.at(-1) !== teaser) entry.teasers.push(teaser);
    }
  }
  return [...bySlug.entries()]
    .map(([slug, entry]) => {
      const [name] = [...entry.spellings.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [slug];
      return { slug, name, path: `/tags/${slug}/`, teasers: entry.teasers };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.slug.localeCompare(b.slug));
}

export interface ArchiveMonth {
  year: string;
  month: string;
  /** Site path: "/archive/2026/11/". */
  path: string;
  teasers: Teaser[];
}

/** Months with articles, newest first, in the site's time zone. */
export function archiveMonths(teasers: readonly Teaser[]): ArchiveMonth[] {
  const months = new Map<string, ArchiveMonth>();
  for (const teaser of teasers) {
    const key = teaser.published.day.slice(0, 7);
    let entry = months.get(key);
    if (!entry) {
      const [year = "", month = ""] = key.split("-");
      months.set(key, (entry = { year, month, path: `/archive/${year}/${month}/`, teasers: [] }));
    }
    entry.teasers.push(teaser);
  }
  return [...months.values()].sort((a, b) => `${b.year}${b.month}`.localeCompare(`${a.year}${a.month}`));
}

/** A link in a list's page list: to a numbered page or to the first page (labelled `first`: "Latest"), or a gap. */
export type PageLink = { label: number | "first"; path: string; current: boolean } | "gap";

/** One page of a paginated list: plain data, so a page's digest covers all of it. */
export interface Listing<T> {
  items: T[];
  /** Whether this is the list's first page: its newest items. */
  first: boolean;
  /** The number its title shows ("— page 3"); none on the first page. */
  pageNumber?: number;
  /** Site path of this page. */
  path: string;
  /** The page of newer items and the page of older ones, if there are. */
  newer?: string;
  older?: string;
  /** The page list as shown, newest page first: empty for a list of one page. */
  links: PageLink[];
}

/** Site path of numbered page `n` of a list at `base`. */
function numberedPath(base: string, n: number): string {
  return `${base}page/${n}/`;
}

/** Site path of page `n` of a list numbered from the newest, whose first page is at `base`. */
export function listingPath(base: string, n: number): string {
  return n <= 1 ? base : numberedPath(base, n);
}

/** A page of a list before it is linked to the others: its items, where it is, its number and its label in page lists. */
interface UnlinkedPage<T> {
  items: T[];
  path: string;
  pageNumber?: number;
  label: number | "first";
}

/**
 * The listings of pages given newest first, linked to each other: each page links the page before
 * and after it, the first and the last, and the two either side of it, with gaps between.
 */
function linkPages<T>(pages: readonly UnlinkedPage<T>[]): Listing<T>[] {
  const last = pages.length - 1;
  return pages.map(({ items, path, pageNumber }, index) => {
    // The pages shown, in order: the first, the two either side of this one, the last. A list of
    // 5,000 pages must not be walked for each of its pages.
    const shown = [...new Set([0, index - 2, index - 1, index, index + 1, index + 2, last])].filter((at) => at >= 0 && at <= last).sort((a, b) => a - b);
    const links: PageLink[] = [];
    if (last > 0) {
      for (const [i, at] of shown.entries()) {
        if (i > 0 && at > (shown[i - 1] as number) + 1) links.push("gap");
        const other = pages[at] as UnlinkedPage<T>;
        links.push({ label: other.label, path: other.path, current: at === index });
      }
    }
    const newer = pages[index - 1]?.path;
    const older = pages[index + 1]?.path;
    return { items, first: index === 0, ...(pageNumber !== undefined && { pageNumber }), path, ...(newer !== undefined && { newer }), ...(older !== undefined && { older }), links };
  });
}

/**
 * Splits `items` (newest first) into pages at `base`, `base`page/2/, …, numbered from the newest: a
 * new item moves every page's items. For lists that seldom grow (the corrections log); an empty list
 * still has its first page.
 */
export function paginate<T>(items: readonly T[], pageSize: number, base: string): Listing<T>[] {
  const totalPages = Math.max(1, Math.ceil(items.length / pageSize));
  const pages = Array.from({ length: totalPages }, (_, index): UnlinkedPage<T> => ({
    items: items.slice(index * pageSize, (index + 1) * pageSize),
    path: listingPath(base, index + 1),
    ...(index > 0 && { pageNumber: index + 1 }),
    label: index + 1,
  }));
  return linkPages(pages);
}

/**
 * Splits a list of stories (newest first) into pages that stay as they are when stories arrive
 * (docs/architecture.md, "Listings that stay put"): pages of exactly `pageSize` stories counted from
 * the oldest, `base`page/1/ the oldest, and the first page at `base` with the newest, between
 * `pageSize` and twice that less one. A new story changes the first page; once the first page holds
 * two pages' worth, its older half becomes the next numbered page. Every other page keeps its stories
 * and its number, so an hourly publish renders a few pages of each listing, not all of them.
 * `firstPath`: where the first page is, when not at `base` (the front page's list is /latest/).
 */
export function paginateStable<T>(items: readonly T[], pageSize: number, base: string, firstPath = base): Listing<T>[] {
  const count = items.length;
  // Whole pages counted from the oldest; the first page holds the newest of them and what is left over.
  const blocks = Math.max(1, Math.floor(count / pageSize));
  const pages: UnlinkedPage<T>[] = [{ items: items.slice(0, count - (blocks - 1) * pageSize), path: firstPath, label: "first" }];
  for (let number = blocks - 1; number >= 1; number--) {
    pages.push({ items: items.slice(count - number * pageSize, count - (number - 1) * pageSize), path: numberedPath(base, number), pageNumber: number, label: number });
  }
  return linkPages(pages);
}

/** The front page's Video rail: the newest stories that carry a video embed. */
export function videoStories(teasers: readonly Teaser[], limit = 4): Teaser[] {
  const found: Teaser[] = [];
  for (const teaser of teasers) {
    if (found.length === limit) break;
    if (teaser.video) found.push(teaser);
  }
  return found;
}

/** Every author with how many published articles carry their byline. */
export function authorsWithCounts<A extends AuthorRef>(authors: readonly A[], teasers: readonly Teaser[]): { author: A; count: number }[] {
  const counts = new Map<string, number>();
  for (const teaser of teasers) for (const author of teaser.authors) counts.set(author.id, (counts.get(author.id) ?? 0) + 1);
  return authors.map((author) => ({ author, count: counts.get(author.id) ?? 0 }));
}

/** When an article last changed: `updated`, else its publication. */
export function lastChange(item: { published: Moment; updated?: Moment | undefined }): Moment {
  return item.updated ?? item.published;
}

/** The newest last change of some articles, or undefined when there are none. */
export function newestChange(items: readonly { published: Moment; updated?: Moment | undefined }[]): Moment | undefined {
  let newest: Moment | undefined;
  for (const item of items) {
    const moment = lastChange(item);
    if (!newest || moment.epoch > newest.epoch) newest = moment;
  }
  return newest;
}
