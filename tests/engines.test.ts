// Issue 21: package.json `engines` says exactly which Node versions the dependencies support, so
// `npm install` warns (EBADENGINE) on none of them; .nvmrc, README and .ci/run agree with it. A
// dependency upgrade that narrows its own engines fails here, with the package named.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import semver from "semver";
import { describe, expect, it } from "vitest";

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const ours = (JSON.parse(readFileSync(path.join(REPO, "package.json"), "utf8")) as { engines: { node: string } }).engines.node;

/** Every installed package that declares `engines.node`, nested copies included. */
function installedEngines(dir = path.join(REPO, "node_modules")): { name: string; node: string }[] {
  const found: { name: string; node: string }[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith(".")) continue;
    const folder = path.join(dir, entry);
    if (entry.startsWith("@")) {
      found.push(...installedEngines(folder));
      continue;
    }
    const manifest = path.join(folder, "package.json");
    if (!existsSync(manifest)) continue;
    const { name, version, engines } = JSON.parse(readFileSync(manifest, "utf8")) as { name: string; version: string; engines?: { node?: unknown } };
    if (typeof engines?.node === "string") found.push({ name: `${name}@${version}`, node: engines.node });
    if (existsSync(path.join(folder, "node_modules"))) found.push(...installedEngines(path.join(folder, "node_modules")));
  }
  return found;
}

/** The version just below `version` (26.0.0 → 25.999.999), to show a lower bound is needed. */
function justBelow(version: semver.SemVer): string {
  if (version.patch > 0) return `${version.major}.${version.minor}.${version.patch - 1}`;
  if (version.minor > 0) return `${version.major}.${version.minor - 1}.999`;
  return `${version.major - 1}.999.999`;
}

/** The majors .ci/run tests on, from its `MAJORS="…"` line. */
function ciMajors(): number[] {
  const line = /^MAJORS="([\d ]+)"$/m.exec(readFileSync(path.join(REPO, ".ci/run"), "utf8"));
  return (line?.[1] ?? "").split(" ").map(Number);
}

describe("supported Node versions", () => {
  const packages = installedEngines();

  it("admit only versions every installed package supports", () => {
    expect(packages.length).toBeGreaterThan(100);
    expect(packages.filter((pkg) => !semver.subset(ours, pkg.node)).map((pkg) => `${pkg.name} needs ${pkg.node}`)).toEqual([]);
  });

  it("are no narrower than the dependencies need: just below each lower bound, some package refuses", () => {
    for (const comparators of new semver.Range(ours).set) {
      const lowest = semver.minVersion(new semver.Range(comparators.map((comparator) => comparator.value).join(" ")));
      expect(lowest, ours).not.toBeNull();
      const below = justBelow(lowest as semver.SemVer);
      expect(packages.filter((pkg) => !semver.satisfies(below, pkg.node)).length, `nothing needs more than ${below}`).toBeGreaterThan(0);
    }
  });

  it("are what .nvmrc, .ci/run and the README say", () => {
    const majors = ciMajors();
    expect(majors.length).toBeGreaterThan(0);
    for (const major of majors) expect(semver.intersects(ours, `${major}.x`), `Node ${major}`).toBe(true);
    const recommended = Number(readFileSync(path.join(REPO, ".nvmrc"), "utf8").trim());
    expect(majors).toContain(recommended);
    expect(readFileSync(path.join(REPO, "README.md"), "utf8")).toContain(`\`${ours}\``);
  });
});
