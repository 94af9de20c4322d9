// "More from <section>": each story's related stories, ranked over the stories published around it;
// and the ranking kept between builds (a whole build's record), reused while the stories it ranked
// are the same.
import type { Teaser } from "../content/types.ts";
import { digestText } from "../build/digest.ts";
import { tagSlug } from "./collections.ts";

/** Articles per side of an article, in each of its topics and its section, that may be related to it. */
export const RELATED_WINDOW = 25;

/** Each story's related stories as places in the teasers: story `i`'s are `places[starts[i]]` up to `places[starts[i + 1]]`. */
export interface RelatedPlaces {
  starts: Int32Array;
  places: Int32Array;
}

/**
 * The related stories of a site, with the digest of all that their ranking reads (each story's path,
 * section, date and topics, in order): a build keeps it for the next, which ranks them again only
 * when that digest changed (an edit to a story's text or headline leaves it). Ranking 10,000 stories
 * took ~0.18 s of a one-story edit's ~3.3 s (docs/performance.md). The digest does not name the
 * code: a build keeps a ranking for builds of the same code only (src/build/build.ts).
 */
export interface RelatedRanking extends RelatedPlaces {
  key: string;
}

/**
 * "More from <section>" for every article: up to `limit` others ranked by shared topics, then the same
 * section, then closeness in time, then the newer, then by path (so it is deterministic). Candidates
 * are the RELATED_WINDOW nearest articles in time on each side within each of its topics and its
 * section, so a story is related to what was published around it: a new story changes the lists of
 * recent stories only, not of the whole archive (what keeps an hourly publish incremental), and the
 * work is linear in the archive. Only articles sharing a topic or the section qualify.
 *
 * `kept`, a ranking of an earlier build, is taken when it ranked the same stories (the same digest).
 */
export function rankRelatedStories(teasers: readonly Teaser[], kept?: RelatedRanking, limit = 4, window = RELATED_WINDOW): RelatedRanking {
  const key = rankingKey(teasers, limit, window);
  if (kept && kept.key === key && holdsPlaces(kept, teasers.length)) return kept;
  return { key, ...rankRelated(teasers, limit, window) };
}

/** The related stories of each teaser, by the places of a ranking of these very teasers. */
export function relatedOf(teasers: readonly Teaser[], { starts, places }: RelatedPlaces): Map<Teaser, Teaser[]> {
  const related = new Map<Teaser, Teaser[]>();
  for (let story = 0; story < teasers.length; story++) {
    const list: Teaser[] = [];
    for (let at = starts[story] as number; at < (starts[story + 1] as number); at++) list.push(teasers[places[at] as number] as Teaser);
    related.set(teasers[story] as Teaser, list);
  }
  return related;
}

/** What the ranking reads, as a prefix code (lengths before text: no two inputs give one text), digested. */
function rankingKey(teasers: readonly Teaser[], limit: number, window: number): string {
  let text = `${limit};${window};${teasers.length};`;
  for (const { path, section, published, tags } of teasers) {
    text += `${path.length}"${path}${section.slug.length}"${section.slug}${published.epoch};${tags.length};`;
    for (const tag of tags) text += `${tag.length}"${tag}`;
  }
  return digestText(text);
}

/**
 * Whether kept places fit `count` stories (a damaged cache is ranked again, never read out of bounds;
 * that they are typed arrays the store checked as it read them).
 */
function holdsPlaces({ starts, places }: RelatedPlaces, count: number): boolean {
  if (starts.length !== count + 1 || starts[0] !== 0 || starts[count] !== places.length) return false;
  for (let story = 0; story < count; story++) if ((starts[story] as number) > (starts[story + 1] as number)) return false;
  return places.every((place) => place >= 0 && place < count);
}

/** The ranking itself (`rankRelatedStories`), as places in `teasers`. */
function rankRelated(teasers: readonly Teaser[], limit: number, window: number): RelatedPlaces {
  // Stories are numbered by their place in `teasers`, and counted in typed arrays: this looks at
  // ~100 candidates for each story of the archive, where Maps of objects were slow (docs/performance.md).
  const count = teasers.length;
  const epoch = new Float64Array(count);
  const section = teasers.map((teaser) => teaser.section.slug);
  // Each topic's and section's stories, oldest first (positions are stable as newer stories arrive),
  // and where each story stands in them.
  type Place = { list: number[]; at: number };
  const lists = new Map<string, number[]>();
  const placeIn = (key: string, story: number): Place => {
    let list = lists.get(key);
    if (!list) lists.set(key, (list = []));
    list.push(story);
    return { list, at: list.length - 1 };
  };
  const topicPlaces: Place[][] = [];
  const sectionPlaces: Place[] = [];
  for (let story = count - 1; story >= 0; story--) {
    const teaser = teasers[story] as Teaser;
    epoch[story] = teaser.published.epoch;
    topicPlaces[story] = [...new Set(teaser.tags.map(tagSlug))].map((slug) => placeIn(`t:${slug}`, story));
    sectionPlaces[story] = placeIn(`s:${section[story]}`, story);
  }

  const shared = new Int32Array(count);
  // The story that last counted each candidate (+1): counts start again at zero for each story.
  const countedFor = new Int32Array(count);
  const candidates: number[] = [];
  const starts = new Int32Array(count + 1);
  const places: number[] = [];
  for (let story = 0; story < count; story++) {
    candidates.length = 0;
    // Neighbours within the window; those of a topic count one more shared topic.
    const near = ({ list, at }: Place, topic: number) => {
      for (let i = Math.max(0, at - window), last = Math.min(list.length - 1, at + window); i <= last; i++) {
        const other = list[i] as number;
        if (other === story) continue;
        if (countedFor[other] !== story + 1) {
          countedFor[other] = story + 1;
          shared[other] = 0;
          candidates.push(other);
        }
        shared[other] = (shared[other] as number) + topic;
      }
    };
    for (const topicPlace of topicPlaces[story] ?? []) near(topicPlace, 1);
    near(sectionPlaces[story] as Place, 0);
    const sameSection = (other: number) => (section[other] === section[story] ? 1 : 0);
    const distance = (other: number) => Math.abs((epoch[other] as number) - (epoch[story] as number));
    const before = (a: number, b: number) =>
      (shared[b] as number) - (shared[a] as number) ||
      sameSection(b) - sameSection(a) ||
      distance(a) - distance(b) ||
      (epoch[b] as number) - (epoch[a] as number) ||
      (teasers[a] as Teaser).path.localeCompare((teasers[b] as Teaser).path);
    // The best `limit`, kept in order as candidates come: sorting them all was most of the time.
    const best: number[] = [];
    for (const other of candidates) {
      if (shared[other] === 0 && sameSection(other) === 0) continue;
      let at = best.length;
      while (at > 0 && before(other, best[at - 1] as number) < 0) at--;
      if (at < limit) {
        best.splice(at, 0, other);
        if (best.length > limit) best.pop();
      }
    }
    places.push(...best);
    starts[story + 1] = places.length;
  }
  return { starts, places: Int32Array.from(places) };
}
