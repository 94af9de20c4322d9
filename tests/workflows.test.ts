// Issue 7: the publishing workflows. Both files are checked offline by GitHub's own workflow parser
// and schema (@actions/workflow-parser), every `npm run` they call must exist, every `steps.<id>`
// they read must be a step of the job, and the publish workflow keeps the shape docs/deploy.md
// describes. The path prefix it passes (DATELINE_BASE_URL) reaches every link of a built site.
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { convertWorkflowTemplate, NoOperationTraceWriter, parseWorkflow } from "@actions/workflow-parser";
import { makeSite, readPage, removeSite, REPO, runBuildCli, type FixtureSite } from "./helpers/site.ts";
import { BASE_URL_VARIABLE, loadSettings } from "../src/content/load-settings.ts";

const WORKFLOWS = [".github/workflows/publish.yml", ".github/workflows/publish-sharded.yml", ".github/workflows/pull-request.yml"];

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  outputs?: Record<string, string>;
  strategy?: { matrix: Record<string, unknown> };
  environment?: { name: string; url: string };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; "cancel-in-progress": boolean };
  jobs: Record<string, Job>;
}

/** Every error GitHub's parser reports for a workflow file: schema, expressions, cron, job graph. */
async function workflowErrors(name: string, content: string): Promise<string[]> {
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((error) => error.message);
  if (result.value) {
    const template = await convertWorkflowTemplate(result.context, result.value);
    errors.push(...(template.errors ?? []).map((error) => error.Message));
  }
  return [...new Set(errors)];
}

async function readWorkflow(file: string): Promise<{ text: string; workflow: Workflow }> {
  const text = await fs.readFile(path.join(REPO, file), "utf8");
  return { text, workflow: parse(text) as Workflow };
}

/** The package.json scripts a shell line runs: `npm run x`, `npm test`, `npm start`. */
function npmScripts(line: string): string[] {
  return [...line.matchAll(/\bnpm\s+(?:run(?:-script)?\s+([\w:.-]+)|(test|start)\b)/g)].map((match) => match[1] ?? match[2] ?? "");
}

function stepUsing(job: Job | undefined, action: string): Step | undefined {
  return job?.steps.find((step) => step.uses?.split("@")[0] === action);
}

describe("workflow files", () => {
  it.each(WORKFLOWS)("%s is a valid GitHub Actions workflow", async (file) => {
    const { text } = await readWorkflow(file);
    expect(await workflowErrors(path.basename(file), text)).toEqual([]);
  });

  it("are checked by a parser that rejects a broken workflow", async () => {
    const job = "jobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n";
    const cron = await workflowErrors("cron.yml", `on:\n  schedule:\n    - cron: '0 * * *'\n${job}      - run: echo hi\n`);
    expect(cron.join("\n")).toContain("Invalid cron expression");
    const step = await workflowErrors("step.yml", `on: push\n${job}      - nme: typo\n      - run: echo \${{ github.sha }\n`);
    expect(step.join("\n")).toContain("Unexpected value 'nme'");
    expect(step.join("\n")).toContain("The expression is not closed");
    const permissions = await workflowErrors("permissions.yml", `on: push\npermissions:\n  pages: publish\n${job}      - run: echo hi\n`);
    expect(permissions).not.toEqual([]);
  });

  it.each(WORKFLOWS)("%s runs only npm scripts that package.json defines", async (file) => {
    const { workflow } = await readWorkflow(file);
    const { scripts } = JSON.parse(await fs.readFile(path.join(REPO, "package.json"), "utf8")) as { scripts: Record<string, string> };
    const called = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((step) => npmScripts(step.run ?? "")));
    expect(called).toEqual(expect.arrayContaining(["check", "test"]));
    // The content is checked: by check:content, or in publish-sharded.yml by its check jobs.
    const checksContent = called.includes("check:content") || Object.values(workflow.jobs).some((job) => job.steps.some((step) => step.run?.includes("npm run build -- --check-part")));
    expect(checksContent).toBe(true);
    for (const script of called) expect(Object.keys(scripts), `npm run ${script}`).toContain(script);
  });

  it.each(WORKFLOWS)("%s reads only outputs of steps that exist in the same job", async (file) => {
    const { workflow } = await readWorkflow(file);
    for (const [name, job] of Object.entries(workflow.jobs)) {
      const ids = job.steps.map((step) => step.id).filter(Boolean);
      const read = [...JSON.stringify(job).matchAll(/\bsteps\.([\w-]+)\./g)].map((match) => match[1]);
      for (const id of read) expect(ids, `job ${name} reads steps.${id}`).toContain(id);
    }
  });

  it.each(WORKFLOWS)("%s pins every action to a major version", async (file) => {
    const { workflow } = await readWorkflow(file);
    const actions = Object.values(workflow.jobs).flatMap((job) => job.steps.flatMap((step) => (step.uses ? [step.uses] : [])));
    for (const action of actions) expect(action).toMatch(/^actions\/[\w-]+(\/[\w-]+)?@v\d+$/);
  });

  it("npmScripts finds the scripts a shell line runs", () => {
    expect(npmScripts("npm ci && npm run check:content -- --format github; npm test")).toEqual(["check:content", "test"]);
  });
});

describe("publish.yml", () => {
  it("publishes on push to main, every hour and by hand, one run at a time", async () => {
    const { workflow } = await readWorkflow(".github/workflows/publish.yml");
    expect(workflow.on["push"]).toEqual({ branches: ["main"] });
    expect(workflow.on["schedule"]).toEqual([{ cron: expect.stringMatching(/^\d{1,2} \* \* \* \*$/) }]);
    expect(workflow.on).toHaveProperty("workflow_dispatch");
    expect(workflow.permissions).toEqual({ contents: "read", pages: "write", "id-token": "write" });
    expect(workflow.concurrency).toEqual({ group: "pages", "cancel-in-progress": false });
  });

  it("checks and tests before it builds, with the recommended Node (.nvmrc), Chromium and the npm cache", async () => {
    const { workflow } = await readWorkflow(".github/workflows/publish.yml");
    const build = workflow.jobs["build"];
    expect(stepUsing(build, "actions/setup-node")?.with).toEqual({ "node-version-file": ".nvmrc", cache: "npm" });
    const runs = (build?.steps ?? []).map((step) => step.run ?? step.uses ?? "");
    // Chromium through scripts/apt-install.ts: it waits for a runner's own apt run to finish.
    const order = ["actions/checkout", "npm ci", "npm run check", "npm run check:content -- --format github", "scripts/apt-install.ts chromium", "npm test", "actions/configure-pages", "actions/cache", "scripts/restore-mtimes.ts", "npm run build", "actions/upload-pages-artifact"];
    const positions = order.map((part) => runs.findIndex((line) => line.includes(part)));
    expect(positions.every((position) => position >= 0), JSON.stringify(runs)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("keeps the build cache between runs: restored from the newest earlier run, saved under this run's own key", async () => {
    const { workflow } = await readWorkflow(".github/workflows/publish.yml");
    const cache = stepUsing(workflow.jobs["build"], "actions/cache");
    expect(cache?.with?.["path"]).toBe(".cache/dateline");
    expect(cache?.with?.["key"]).toBe("dateline-${{ runner.os }}-${{ github.run_id }}-${{ github.run_attempt }}");
    expect(cache?.with?.["restore-keys"]).toBe("dateline-${{ runner.os }}-");
    // Content files get their last commit's time, which needs the whole history.
    expect(stepUsing(workflow.jobs["build"], "actions/checkout")?.with).toEqual({ "fetch-depth": 0 });
    expect(workflow.jobs["build"]?.steps.some((step) => step.run === "node --import tsx/esm scripts/restore-mtimes.ts content")).toBe(true);
  });

  it("builds with the Pages address as the base URL, uploads _site and deploys it", async () => {
    const { workflow } = await readWorkflow(".github/workflows/publish.yml");
    const build = workflow.jobs["build"];
    const pages = stepUsing(build, "actions/configure-pages");
    expect(pages?.id).toBe("pages");
    const buildStep = build?.steps.find((step) => step.run === "npm run build");
    expect(buildStep?.env).toEqual({ [BASE_URL_VARIABLE]: "${{ steps.pages.outputs.base_url }}" });
    expect(stepUsing(build, "actions/upload-pages-artifact")?.with).toEqual({ path: "_site" });
    const deploy = workflow.jobs["deploy"];
    expect(deploy?.needs).toBe("build");
    expect(deploy?.environment?.name).toBe("github-pages");
    expect(stepUsing(deploy, "actions/deploy-pages")?.id).toBe("deployment");
  });
});

describe("publish-sharded.yml", () => {
  it("runs instead of publish.yml exactly when DATELINE_SHARDS asks for two or more slices", async () => {
    const single = (await readWorkflow(".github/workflows/publish.yml")).workflow;
    const { workflow } = await readWorkflow(".github/workflows/publish-sharded.yml");
    expect(single.jobs["build"]?.if).toBe("${{ vars.DATELINE_SHARDS == '' || vars.DATELINE_SHARDS == '1' }}");
    expect(workflow.jobs["prepare"]?.if).toBe("${{ vars.DATELINE_SHARDS != '' && vars.DATELINE_SHARDS != '1' }}");
    expect(workflow.on).toEqual(single.on);
    expect(workflow.permissions).toEqual(single.permissions);
  });

  it("checks and tests first, then a matrix of check jobs, a matrix of slice jobs, a merge and a deployment", async () => {
    const { workflow } = await readWorkflow(".github/workflows/publish-sharded.yml");
    const { prepare, check, slice, merge, deploy } = workflow.jobs;
    const runs = (prepare?.steps ?? []).map((step) => step.run ?? step.uses ?? "");
    for (const part of ["npm run check", "npm test", "actions/configure-pages"]) expect(runs.some((line) => line.includes(part)), part).toBe(true);
    expect(check?.needs).toBe("prepare");
    expect(check?.strategy?.matrix).toEqual({ part: "${{ fromJSON(needs.prepare.outputs.slices) }}" });
    expect(slice?.needs).toEqual(["prepare", "check"]);
    expect(slice?.strategy?.matrix).toEqual({ slice: "${{ fromJSON(needs.prepare.outputs.slices) }}" });
    expect(merge?.needs).toEqual(["prepare", "slice"]);
    expect(deploy?.needs).toBe("merge");
    expect(stepUsing(deploy, "actions/deploy-pages")?.id).toBe("deployment");
    expect(stepUsing(merge, "actions/upload-pages-artifact")?.with).toEqual({ path: "_site" });
  });

  it("builds every slice and the merge with the same clock and address, and hands the slices over whole", async () => {
    const { workflow } = await readWorkflow(".github/workflows/publish-sharded.yml");
    const { check, slice, merge } = workflow.jobs;
    const checking = check?.steps.find((step) => step.run?.startsWith("npm run build"));
    const build = slice?.steps.find((step) => step.run?.startsWith("npm run build"));
    const merging = merge?.steps.find((step) => step.run?.startsWith("npm run build"));
    const env = { DATELINE_BASE_URL: "${{ needs.prepare.outputs.base_url }}", DATELINE_NOW: "${{ needs.prepare.outputs.now }}" };
    expect(checking?.env).toEqual(env);
    expect(build?.env).toEqual(env);
    expect(merging?.env).toEqual(env);
    // Each check job hands its part over; every slice takes all of them in.
    expect(checking?.run).toBe("npm run build -- --check-part ${{ matrix.part }}/${{ needs.prepare.outputs.count }} --output _checked/${{ matrix.part }}");
    expect(stepUsing(check, "actions/upload-artifact")?.with).toMatchObject({ name: "checked-${{ matrix.part }}", path: "_checked/${{ matrix.part }}", "if-no-files-found": "error" });
    expect(stepUsing(slice, "actions/download-artifact")?.with).toEqual({ pattern: "checked-*", path: "_checked" });
    expect(build?.run).toContain("--checked _checked");
    // Each check job keeps its part between runs, so an hourly run checks only what changed.
    const part = stepUsing(check, "actions/cache")?.with;
    expect(part?.["path"]).toBe("_checked/${{ matrix.part }}");
    expect(part?.["key"]).toBe("dateline-checked-${{ runner.os }}-${{ matrix.part }}-of-${{ needs.prepare.outputs.count }}-${{ github.run_id }}-${{ github.run_attempt }}");
    expect(String(part?.["restore-keys"]).trim()).toBe("dateline-checked-${{ runner.os }}-${{ matrix.part }}-of-${{ needs.prepare.outputs.count }}-");
    const upload = stepUsing(slice, "actions/upload-artifact")?.with;
    expect(upload).toMatchObject({ name: "slice-${{ matrix.slice }}", "include-hidden-files": true, "if-no-files-found": "error" });
    expect(stepUsing(merge, "actions/download-artifact")?.with).toEqual({ pattern: "slice-*", path: "_slices" });
    // Each slice keeps its own build cache, falling back to any (its images are named by content).
    const cache = stepUsing(slice, "actions/cache")?.with;
    expect(cache?.["path"]).toBe(".cache/dateline");
    expect(cache?.["key"]).toBe("dateline-${{ runner.os }}-slice-${{ matrix.slice }}-of-${{ needs.prepare.outputs.count }}-${{ github.run_id }}-${{ github.run_attempt }}");
    expect(String(cache?.["restore-keys"]).trim().split("\n")).toEqual(["dateline-${{ runner.os }}-slice-${{ matrix.slice }}-of-${{ needs.prepare.outputs.count }}-", "dateline-${{ runner.os }}-"]);
    for (const job of [check, slice, merge]) expect(job?.steps.some((step) => step.run === "node --import tsx/esm scripts/restore-mtimes.ts content")).toBe(true);
  });
});

describe("pull-request.yml", () => {
  it("checks content with annotations, types and tests on every pull request", async () => {
    const { workflow } = await readWorkflow(".github/workflows/pull-request.yml");
    expect(Object.keys(workflow.on)).toEqual(["pull_request"]);
    expect(workflow.permissions).toEqual({ contents: "read" });
    const runs = workflow.jobs["check"]?.steps.map((step) => step.run ?? "") ?? [];
    expect(runs).toContain("npm run check:content -- --format github");
    expect(runs).toContain("npm run check");
    expect(runs).toContain("npm test");
    // The type check and the tests still report when the content check found problems.
    const later = workflow.jobs["check"]?.steps.filter((step) => step.run === "npm run check" || step.run === "npm test") ?? [];
    for (const step of later) expect(step.if).toContain("!cancelled()");
  });
});

describe(BASE_URL_VARIABLE, () => {
  const sites: FixtureSite[] = [];
  afterAll(() => Promise.all(sites.map(removeSite)));

  it("overrides settings.baseUrl, and a bad value is reported as coming from it", async () => {
    const fixture = await makeSite();
    sites.push(fixture);
    const previous = process.env[BASE_URL_VARIABLE];
    try {
      process.env[BASE_URL_VARIABLE] = "https://newsroom.github.io/gazette";
      const { site } = await loadSettings(fixture.contentDir);
      expect(site?.origin).toBe("https://newsroom.github.io");
      expect(site?.pathPrefix).toBe("/gazette/");
      process.env[BASE_URL_VARIABLE] = "gazette.example.org";
      const { problems } = await loadSettings(fixture.contentDir);
      expect(problems.map((p) => `${p.line} ${p.field}: ${p.message}`)).toEqual([
        `2 baseUrl: "gazette.example.org" is not a valid base URL (an address starting with https:// or http://) (set by ${BASE_URL_VARIABLE})`,
      ]);
    } finally {
      if (previous === undefined) delete process.env[BASE_URL_VARIABLE];
      else process.env[BASE_URL_VARIABLE] = previous;
    }
  });

  it("gives a project site's build its path prefix on every link", async () => {
    const fixture = await makeSite();
    sites.push(fixture);
    const build = await runBuildCli(fixture, { [BASE_URL_VARIABLE]: "https://newsroom.github.io/gazette" });
    expect(build.status, build.output).toBe(0);
    const $ = await readPage(fixture, "/2026/03/05/harbour-vote/");
    expect($('link[rel="canonical"]').attr("href")).toBe("https://newsroom.github.io/gazette/2026/03/05/harbour-vote/");
    // The site's own links; a root-relative link an editor writes in the body is taken as written.
    const internal = $("a[href^='/']").not(".article__body a").map((_, a) => $(a).attr("href")).get();
    expect(internal.length).toBeGreaterThan(3);
    for (const href of internal) expect(href).toMatch(/^\/gazette\//);
  });
});
