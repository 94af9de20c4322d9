// What the plan renders again after a change, planned from the sample newsroom: editions are planned
// by what they are made of, and the sitemaps by their entries as printed (src/site/editions.ts,
// src/site/files.ts), so a change a page does not show renders nothing of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copySample, SAMPLE_NOW } from "../helpers/sample.ts";
import { removeSite, type FixtureSite } from "../helpers/site.ts";
import { loadNewsroom } from "../../src/build/build.ts";
import { planBuild } from "../../src/build/plan.ts";
import { withDigest } from "../../src/build/digest.ts";
import { planSite } from "../../src/site/index.ts";
import { editionDays, editionLead, storiesInEdition } from "../../src/edition/schedule.ts";
import { editionPath } from "../../src/edition/model.ts";
import type { Article, Newsroom, Teaser } from "../../src/content/types.ts";

let fixture: FixtureSite;
let newsroom: Newsroom;
let notes: Awaited<ReturnType<typeof loadNewsroom>>["content"]["notes"];

beforeAll(async () => {
  fixture = await copySample();
  const loaded = await loadNewsroom({ input: fixture.contentDir, cacheDir: fixture.cacheDir, now: SAMPLE_NOW, preview: false });
  await loaded.images.stop();
  ({ newsroom } = loaded);
  ({ notes } = loaded.content);
});
afterAll(() => removeSite(fixture));

/** The newsroom with one story's teaser changed as `change` says (its page and every listing see the new teaser). */
function withTeaser(story: Teaser, change: Partial<Teaser>): Newsroom {
  const articles = newsroom.articles.map((article): Article => (article.teaser === story ? withDigest({ ...article, teaser: withDigest({ ...story, ...change }) }) : article));
  return { ...newsroom, articles };
}

/** The paths a build of `changed` renders after a build of the sample newsroom, by kind. */
function renderedAfter(changed: Newsroom): Map<string, string[]> {
  const previous = planBuild(planSite(newsroom, { now: SAMPLE_NOW, notes }), { code: "c" }).record;
  const plan = planBuild(planSite(changed, { now: SAMPLE_NOW, notes }), { code: "c", previous });
  const byKind = new Map<string, string[]>();
  for (const planned of plan.pages) if (planned.render) byKind.set(planned.spec.kind, [...(byKind.get(planned.spec.kind) ?? []), planned.spec.path]);
  return byKind;
}

describe("the plan of the site after a change", () => {
  it("renders a day's edition when a story in it changes, and the newsletter's archive only when it lists something new (a lead's headline)", () => {
    const [daily] = newsroom.site.newsletters;
    if (!daily) throw new Error("the sample has a newsletter");
    const teasers = newsroom.articles.map((article) => article.teaser);
    const day = editionDays(daily, teasers, "2026-11-25").find((candidate) => storiesInEdition(daily, teasers, candidate).length > 1);
    if (!day) throw new Error("the sample has a day of several stories");
    const stories = storiesInEdition(daily, teasers, day);
    const lead = editionLead(stories, newsroom.site.sections);
    const other = stories.find((story) => story !== lead);
    if (!lead || !other) throw new Error("an edition of several stories has a lead and another");

    const summaryChanged = renderedAfter(withTeaser(other, { summary: `${other.summary} More.` }));
    expect(summaryChanged.get("edition")).toEqual([editionPath(daily, day)]);
    expect(summaryChanged.get("edition-archive")).toBeUndefined();

    const headlineChanged = renderedAfter(withTeaser(lead, { headline: `${lead.headline}, updated` }));
    expect(headlineChanged.get("edition")).toEqual([editionPath(daily, day)]);
    expect(headlineChanged.get("edition-archive")).toEqual([daily.path]);
  });

  it("renders no sitemap when a story's summary changes, and the sitemap when its last change does", () => {
    const story = newsroom.articles[3]?.teaser;
    if (!story) throw new Error("the sample has stories");
    expect(renderedAfter(withTeaser(story, { summary: `${story.summary} More.` })).get("sitemap")).toBeUndefined();
    const updated = { ...story.published, iso: "2026-11-25T11:00:00-06:00", epoch: Date.parse("2026-11-25T11:00:00-06:00"), day: "2026-11-25" };
    expect(renderedAfter(withTeaser(story, { updated })).get("sitemap")).toEqual(["/sitemap.xml"]);
  });
});
