// Pure selections over the newsroom's teasers (newest first): sections, authors, tags, archive
// months, pagination and related stories (the front page's hierarchy is front-page.ts).
import type { AuthorRef, Teaser } from "../content/types.ts";
import type { Moment } from "../dates.ts";
import { slugify } from "../slug.ts";

export function teasersInSection(teasers: readonly Teaser[], section: string): Teaser[] {
  return teasers.filter((teaser) => teaser.section.slug === section);
}

export function teasersByAuthor(teasers: readonly Teaser[], authorId: string): Teaser[] {
  return teasers.filter((teaser) => teaser.authors.some((author) => author.id === authorId));
}

/** The copyright year: the newest article's, so output never depends on the build's clock. */
export function latestYear(teasers: readonly Teaser[]): number {
  const newest = teasers[0];
  return newest ? Number(newest.published.day.slice(0, 4)) : 1970;
}

/** A tag's page slug: the one slug function's (src/slug.ts), so "Zürich" and "زيورخ" both get a page. */
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

/** One page of a paginated list: plain data, so a page's digest covers all of it. */
export interface Listing<T> {
  items: T[];
  /** 1-based. */
  pageNumber: number;
  totalPages: number;
  /** Site path of the first page: pages 2… are `<base>page/<n>/`. */
  base: string;
  /** Site path of this page. */
  path: string;
}

/** Site path of page `n` of a list whose first page is at `base`. */
export function listingPath(base: string, n: number): string {
  return n <= 1 ? base : `${base}page/${n}/`;
}

/** Splits `items` into pages at `base`, `base`page/2/, …; an empty list still has its first page. */
export function paginate<T>(items: readonly T[], pageSize: number, base: string): Listing<T>[] {
  const totalPages = Math.max(1, Math.ceil(items.length / pageSize));
  return Array.from({ length: totalPages }, (_, index) => ({
    items: items.slice(index * pageSize, (index + 1) * pageSize),
    pageNumber: index + 1,
    totalPages,
    base,
    path: listingPath(base, index + 1),
  }));
}

/** Articles per side of an article, in each of its topics and its section, that may be related to it. */
export const RELATED_WINDOW = 25;

interface Candidate {
  other: Teaser;
  /** Tags shared with the story. */
  count: number;
  /** 1 when in the story's section. */
  sameSection: number;
  /** Milliseconds between the two stories. */
  distance: number;
}

/** The related list's order: more shared tags, then the same section, then nearer in time, newer, then by path. */
function rankBefore(a: Candidate, b: Candidate): boolean {
  const order = b.count - a.count || b.sameSection - a.sameSection || a.distance - b.distance || b.other.published.epoch - a.other.published.epoch || a.other.path.localeCompare(b.other.path);
  return order < 0;
}

/**
 * "More from <section>" for every article: up to `limit` others ranked by shared topics, then the same
 * section, then closeness in time (then path, so it is deterministic). Candidates are the
 * RELATED_WINDOW nearest articles in time on each side within each of its topics and its section,
 * so a story is related to what was published around it: a new story changes the lists of recent
 * stories only, not of the whole archive (what keeps an hourly publish incremental), and the work is
 * linear in the archive. Only articles sharing a topic or the section qualify.
 */
export function relatedStories(teasers: readonly Teaser[], limit = 4, window = RELATED_WINDOW): Map<Teaser, Teaser[]> {
  // Oldest first within each list: positions are stable as newer stories arrive.
  const chronological = [...teasers].reverse();
  const byTag = new Map<string, Teaser[]>();
  const bySection = new Map<string, Teaser[]>();
  const positions = new Map<Teaser, Map<string, number>>();
  const place = (lists: Map<string, Teaser[]>, key: string, teaser: Teaser, prefix: string) => {
    let list = lists.get(key);
    if (!list) lists.set(key, (list = []));
    let at = positions.get(teaser);
    if (!at) positions.set(teaser, (at = new Map<string, number>()));
    at.set(prefix + key, list.length);
    list.push(teaser);
  };
  const slugsOf = new Map<Teaser, string[]>();
  for (const teaser of chronological) {
    const slugs = [...new Set(teaser.tags.map(tagSlug))];
    slugsOf.set(teaser, slugs);
    for (const slug of slugs) place(byTag, slug, teaser, "t:");
    place(bySection, teaser.section.slug, teaser, "s:");
  }

  const related = new Map<Teaser, Teaser[]>();
  for (const teaser of teasers) {
    const shared = new Map<Teaser, number>();
    const near = (list: readonly Teaser[], at: number, count: boolean) => {
      for (let i = Math.max(0, at - window); i <= Math.min(list.length - 1, at + window); i++) {
        const other = list[i];
        if (!other || other === teaser) continue;
        shared.set(other, (shared.get(other) ?? 0) + (count ? 1 : 0));
      }
    };
    const at = positions.get(teaser);
    for (const slug of slugsOf.get(teaser) ?? []) near(byTag.get(slug) ?? [], at?.get(`t:${slug}`) ?? 0, true);
    near(bySection.get(teaser.section.slug) ?? [], at?.get(`s:${teaser.section.slug}`) ?? 0, false);
    // The best `limit` of a few hundred candidates, kept in order as they come: sorting them all, for
    // every story of the archive, was most of this function's time.
    const best: Candidate[] = [];
    for (const [other, count] of shared) {
      const sameSection = other.section.slug === teaser.section.slug ? 1 : 0;
      if (count === 0 && sameSection === 0) continue;
      const candidate = { other, count, sameSection, distance: Math.abs(other.published.epoch - teaser.published.epoch) };
      let at = best.length;
      while (at > 0 && rankBefore(candidate, best[at - 1] as Candidate)) at--;
      if (at < limit) {
        best.splice(at, 0, candidate);
        if (best.length > limit) best.pop();
      }
    }
    related.set(teaser, best.map((candidate) => candidate.other));
  }
  return related;
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
