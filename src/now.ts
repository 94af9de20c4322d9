// The build's notion of "now": the real clock, unless DATELINE_NOW fixes it so that a build (and a
// test) can be reproduced exactly. Only what truly depends on the time reads it (the News sitemap).

export function buildNow(): Date {
  const fixed = process.env["DATELINE_NOW"];
  if (!fixed) return new Date();
  const date = new Date(fixed);
  if (Number.isNaN(date.getTime())) throw new Error(`DATELINE_NOW="${fixed}" is not a date (use ISO 8601, e.g. 2026-11-25T06:00:00Z)`);
  return date;
}
