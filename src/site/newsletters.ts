// The newsroom's newsletters as pages and commands see them: the settings' `newsletters` list (or the
// single `newsletter` block of earlier versions) with every default filled in the site's language,
// each with its own address, edition rule and the places its signup box shows.
import type { NewsletterSettings, Settings } from "../content/schema.ts";
import type { Locale, Weekday } from "../i18n/index.ts";

export type SignupPlace = "front" | "articles" | "sections";

/** A newsletter, its texts resolved: what the signup box, the editions and the command use. */
export type Newsletter = NewsletterSettings & {
  id: string;
  name: string;
  /** Site path of its archive: "/newsletter/" for the single newsletter of earlier settings, else "/newsletter/<id>/". */
  path: string;
  /** The first day with an edition (yyyy-mm-dd); the single newsletter of earlier settings may have none. */
  start?: string | undefined;
  frequency: "daily" | "weekly";
  /** A weekly newsletter's day (default Monday): its edition covers the seven days ending on it. */
  weekday?: Weekday | undefined;
  /** Only stories of these sections; absent: every section. */
  sections?: string[] | undefined;
  signup: SignupPlace[];
  heading: string;
  description: string;
  buttonLabel: string;
  successMessage: string;
  errorMessage: string;
};

/** Site path of the page listing every newsletter, and of the single newsletter's archive. */
export const NEWSLETTERS_PATH = "/newsletter/";

/** The id the single `newsletter` block of earlier settings is known by. */
export const SINGLE_NEWSLETTER_ID = "daily";

function resolve(settings: NewsletterSettings, path: string, id: string, locale: Locale): Newsletter {
  const weekly = settings.frequency === "weekly";
  const weekday = weekly ? (settings.weekday ?? "monday") : undefined;
  const kind = weekly ? "weekly" : "daily";
  return {
    ...settings,
    id,
    path,
    name: settings.name ?? locale.t(`newsletter.${kind}.name`),
    weekday,
    heading: settings.heading ?? locale.t(`newsletter.${kind}.heading`),
    description: settings.description ?? locale.t(`newsletter.${kind}.description`, { weekday: weekday ? locale.weekday(weekday) : "" }),
    buttonLabel: settings.buttonLabel ?? locale.t("signup.button"),
    successMessage: settings.successMessage ?? locale.t("signup.success"),
    errorMessage: settings.errorMessage ?? locale.t("signup.error"),
  };
}

/** Every newsletter of validated settings, in the settings' order. */
export function resolveNewsletters(settings: Pick<Settings, "newsletter" | "newsletters">, locale: Locale): Newsletter[] {
  if (settings.newsletters) return settings.newsletters.map((item) => resolve(item, `${NEWSLETTERS_PATH}${item.id}/`, item.id ?? "", locale));
  return settings.newsletter ? [resolve(settings.newsletter, NEWSLETTERS_PATH, settings.newsletter.id ?? SINGLE_NEWSLETTER_ID, locale)] : [];
}

/** Site path of a newsletter's feed of editions: "/newsletter/feed.xml", "/newsletter/weekly-sports/feed.xml". */
export function editionFeedPath(newsletter: Pick<Newsletter, "path">): string {
  return `${newsletter.path}feed.xml`;
}

/** Whether the site has a page listing its newsletters (settings with a `newsletters` list) besides their archives. */
export function hasNewsletterIndex(newsletters: readonly Newsletter[]): boolean {
  return !newsletters.some((newsletter) => newsletter.path === NEWSLETTERS_PATH);
}

/** Where a page shows signup boxes: the front page, an article or a section page of a section. */
export type SignupSpot = { place: "front" } | { place: "articles" | "sections"; section: string };

/**
 * The newsletters whose signup box a page shows, in the settings' order. Under an article and on a
 * section page, a newsletter limited to some sections shows only on theirs.
 */
export function newslettersAt(newsletters: readonly Newsletter[], spot: SignupSpot): Newsletter[] {
  return newsletters.filter((newsletter) => newsletter.signup.includes(spot.place) && (spot.place === "front" || !newsletter.sections || newsletter.sections.includes(spot.section)));
}

/** The signup boxes a page shows: their newsletters, and the script the last one loads (its versioned site path). */
export interface Signups {
  newsletters: readonly Newsletter[];
  script: string;
}

/** The signup boxes of `spot` (`newslettersAt`), or of the newsletters given, with the shell's script. */
export function signupsAt(shell: { site: { newsletters: readonly Newsletter[] }; scripts: { signup: string } }, spot: SignupSpot | readonly Newsletter[]): Signups {
  return { newsletters: "place" in spot ? newslettersAt(shell.site.newsletters, spot) : spot, script: shell.scripts.signup };
}
