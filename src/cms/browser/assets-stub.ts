// Stands in for src/site/assets.ts in the admin script (src/cms/bundle.ts swaps it in): layouts ask it
// for versioned script URLs, which a build reads from public/; the preview pane runs no page script.

/** The site path as it is: the preview pane never loads the scripts the layouts name. */
export function versionedPath(sitePath: string): string {
  return sitePath;
}
