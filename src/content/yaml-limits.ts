// YAML is a bigger language than front matter needs: aliases can make a few lines stand for millions
// of values (a "billion laughs" bomb), point into themselves or at nothing, tags ask for types we do
// not read, and deep nesting exhausts the parser's stack. These limits turn each into a content error.
import { isCollection, isPair, visit, type Alias, type Document, type Node } from "yaml";

/** The limits, documented in docs/editing.md; each is far beyond what any real front matter needs. */
export const YAML_LIMITS = {
  /** Characters in one front matter or one fenced block; a long article's front matter is about 2,000. */
  maxChars: 64 * 1024,
  /** Lists and groups inside each other; the deepest field the schemas have (a gallery photo's credit) is 3. */
  maxDepth: 16,
  /** Aliases (`*name`) in one front matter or block. */
  maxAliases: 32,
  /** How many times, all together, the values aliases stand for may be copied (yaml's `maxAliasCount`). */
  maxAliasExpansion: 100,
} as const;

/** A limit broken: where (an offset in the YAML text) and what the editor reads. */
export interface YamlLimitProblem {
  offset: number;
  message: string;
}

const ALIAS_HELP = "(write the value out where it is needed; Dateline reads plain fields)";

/** The first limit `yamlText` breaks before parsing, or undefined. */
export function checkYamlSize(yamlText: string, what: string): YamlLimitProblem | undefined {
  if (yamlText.length <= YAML_LIMITS.maxChars) return undefined;
  const size = `${Math.ceil(yamlText.length / 1024)} KiB`;
  const advice = what === "front matter" ? "move long text into the body, or split the file" : what === "settings" ? "settings hold short values: move long text out" : "split the block";
  return { offset: 0, message: `is ${size} of YAML; ${what} may be at most ${YAML_LIMITS.maxChars / 1024} KiB (${advice})` };
}

/** The message for a parser that ran out of stack: what `yaml` reports as RESOURCE_EXHAUSTION. */
export function tooDeep(): string {
  return `is nested more than ${YAML_LIMITS.maxDepth} levels deep (lists and groups inside each other; write the fields as the documentation shows)`;
}

/**
 * Whether a parsed document nests deeper than `maxDepth`, walked without recursion so that a deep
 * document cannot overflow the stack here; everything else that walks a document recurses.
 */
export function checkYamlDepth(doc: Document): YamlLimitProblem | undefined {
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (isPair(node)) {
      stack.push({ node: node.value, depth }, { node: node.key, depth });
    } else if (isCollection(node)) {
      if (depth + 1 > YAML_LIMITS.maxDepth) return { offset: node.range?.[0] ?? 0, message: tooDeep() };
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
    }
  }
  return undefined;
}

/**
 * The first alias or tag problem of a document within the depth limit, or undefined: more than
 * `maxAliases` aliases, an alias whose anchor is not defined before it, or that sits inside its own
 * anchor (a value that contains itself); then a tag the core schema does not know.
 */
export function checkYamlAliases(doc: Document): YamlLimitProblem | undefined {
  const aliases: Alias[] = [];
  visit(doc, { Alias: (_key, alias) => void aliases.push(alias) });
  const extra = aliases[YAML_LIMITS.maxAliases];
  if (extra) return { offset: extra.range?.[0] ?? 0, message: `uses more than ${YAML_LIMITS.maxAliases} YAML aliases (*name) ${ALIAS_HELP}` };
  for (const alias of aliases) {
    const offset = alias.range?.[0] ?? 0;
    const source = alias.resolve(doc) as Node | undefined;
    if (!source) return { offset, message: `uses the alias *${alias.source}, but no &${alias.source} is defined above it ${ALIAS_HELP}` };
    const [start = 0, end = 0] = source.range ?? [];
    if (start <= offset && offset < end) return { offset, message: `uses the alias *${alias.source} inside &${alias.source} itself, which never ends ${ALIAS_HELP}` };
  }
  const unknownTag = doc.warnings.find((warning) => warning.code === "TAG_RESOLVE_FAILED");
  if (unknownTag) {
    const tag = /Unresolved tag: (\S+)/.exec(unknownTag.message)?.[1]?.replace(/^tag:yaml\.org,2002:/, "!!") ?? "";
    return { offset: unknownTag.pos[0], message: `uses the YAML tag ${tag}, which Dateline does not read (remove it: write the plain value)` };
  }
  return undefined;
}

/** Where the first alias is: the line a "too many copies" problem points at. */
export function firstAliasOffset(doc: Document): number {
  let offset = 0;
  visit(doc, {
    Alias: (_key, alias) => {
      offset = alias.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/** The message for values that aliases copy past `maxAliasExpansion` (yaml throws while converting). */
export function tooManyAliasCopies(): string {
  return `uses YAML aliases (*name) that copy values more than ${YAML_LIMITS.maxAliasExpansion} times, which is how a "YAML bomb" fills memory ${ALIAS_HELP}`;
}
