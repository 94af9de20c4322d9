import type { ComponentChildren } from "preact";
import type { Article, Shell, Teaser } from "../src/content/types.ts";
import type { Site } from "../src/site/site.ts";
import { siteUrl } from "../src/site/site.ts";
import { Byline, BylineRoles } from "./Byline.tsx";
import { StoryLabel } from "./StoryLabel.tsx";
import { SupportBanner } from "./SupportBanner.tsx";
import { Promos } from "./Promos.tsx";
import { Time, Timestamps } from "./Timestamps.tsx";
import { Figure } from "./Figure.tsx";
import { Corrections } from "./Corrections.tsx";
import { AuthorBio } from "./AuthorBio.tsx";
import { SignupBoxes } from "./SignupForm.tsx";
import { SupportCta } from "./SupportCta.tsx";
import { RelatedArticles } from "./RelatedArticles.tsx";
import { tagSlug } from "../src/site/collections.ts";
import { LiveStatus } from "./LiveStatus.tsx";
import { LiveUpdates } from "./LiveUpdates.tsx";
import type { Signups } from "../src/site/newsletters.ts";
import { localeOf } from "../src/i18n/index.ts";

/** In the live preview only: says plainly that a page is not published yet. */
function PreviewBanner({ article, site }: { article: Article; site: Site }) {
  const locale = localeOf(site.language);
  if (article.draft) return <p class="article__draft">{locale.t("article.draft")}</p>;
  if (article.scheduled) return <p class="article__draft">{locale.parts("article.scheduled", { time: <Time moment={article.published} site={site} /> })}</p>;
  return null;
}

/**
 * What the search index holds of an article: everything but its footer, in the order of a
 * wire-service page. Only the body (rendered Markdown) is raw.
 */
export function ArticleStory({ article, shell }: { article: Article; shell: Shell }) {
  const { site } = shell;
  const locale = localeOf(site.language);
  const body = article.body.rendered;
  return (
    <>
      <header class="article__header">
        {/* Kicker, byline and times are search-result metadata (src/site/pages.ts), not text to match or quote. */}
        <p class="article__section" data-pagefind-ignore="">
          <a href={siteUrl(site, article.section.path)}>{article.section.title}</a>
        </p>
        {shell.preview && <PreviewBanner article={article} site={site} />}
        {article.live && (
          <div data-pagefind-ignore="">
            <LiveStatus live={article.live} site={site} />
          </div>
        )}
        <StoryLabel type={article.type} sponsor={article.sponsor} site={site} class="article__label" />
        <h1 class="article__headline">{article.headline}</h1>
        {article.dek && <p class="article__dek">{article.dek}</p>}
        <div class="article__credits" data-pagefind-ignore="">
          <Byline authors={article.authors} site={site} />
          {article.type === "opinion" && <BylineRoles authors={article.authors} site={site} />}
          <Timestamps published={article.published} updated={article.updated} readingMinutes={article.readingMinutes} site={site} />
        </div>
      </header>
      {article.photo && <Figure kind="lead" image={article.photo.image} alt={article.photo.alt} caption={article.photo.caption} credit={article.photo.credit} site={site} />}
      {article.photo?.camera && <p class="figure__camera">{locale.t("article.camera", { camera: article.photo.camera })}</p>}
      {body.live ? <LiveUpdates live={body.live} site={site} /> : <div class="article__body" dangerouslySetInnerHTML={{ __html: body.html }} />}
      {article.live?.status === "live" && <script type="module" src={siteUrl(site, shell.scripts.live)}></script>}
      {article.interactive && <script type="module" src={siteUrl(site, "/js/story-formats.js")}></script>}
      <Corrections corrections={article.corrections} site={site} />
      {article.tags.length > 0 && (
        <section class="article__tags" aria-label={locale.t("article.topics")}>
          <h2 class="visually-hidden">{locale.t("article.topics")}</h2>
          <ul>
            {article.tags.map((tag) => (
              <li>
                <a href={siteUrl(site, `/tags/${tagSlug(tag)}/`)} rel="tag">
                  {tag}
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

/**
 * One article: its story (rendered by ArticleStory, passed in as HTML so the search index gets the
 * very same markup), then the footer with the authors' bios, related stories and calls to action.
 */
export function ArticlePage({ article, related, shell, story, signups }: { article: Article; related: readonly Teaser[]; shell: Shell; story: ComponentChildren; signups: Signups }) {
  const { site } = shell;
  return (
    <>
      <SupportBanner site={site} position="top" />
      <article class="article" data-pagefind-body="">
        {story}
        <footer class="article__footer" data-pagefind-ignore="all">
          {article.authors.map((author) => (
            <AuthorBio author={author} site={site} />
          ))}
          <RelatedArticles teasers={related} section={article.section} site={site} />
          <SignupBoxes signups={signups} site={site} />
          <SupportCta site={site} />
          <Promos promos={shell.promos} id="promos-heading" site={site} />
        </footer>
      </article>
      <SupportBanner site={site} position="bottom" />
    </>
  );
}
