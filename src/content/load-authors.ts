// Authors: one Markdown file each in `authors/`, the file name is the id bylines use.
import path from "node:path";
import { authorSchema, AUTHOR_FIELDS, SLUG_PATTERN, type AuthorFrontMatter } from "./schema.ts";
import { parseFrontMatter } from "./front-matter.ts";
import { problemsFromSchema } from "./problems.ts";
import { listMarkdown, resolveImage } from "./files.ts";
import { readText } from "./read-text.ts";
import { checkBody } from "./check-body.ts";
import { createMarkdown } from "../markdown/markdown.ts";
import type { ContentProblem } from "./errors.ts";

/** A validated author whose bio and headshot are not rendered yet. */
export interface AuthorSource {
  id: string;
  file: string;
  fields: AuthorFrontMatter;
  bio: string;
  photoFile?: string;
}

/** Parses bios for their checks only (the language's quotes do not matter to them). */
const bioMarkdown = createMarkdown();

export async function readAuthors(contentDir: string, imageCacheDir?: string): Promise<{ authors: AuthorSource[]; problems: ContentProblem[] }> {
  const files = await listMarkdown(path.join(contentDir, "authors"));
  const problems: ContentProblem[] = [];
  const authors: AuthorSource[] = [];
  await Promise.all(
    files.map(async (file) => {
      const id = path.basename(file, ".md");
      if (!SLUG_PATTERN.test(id)) {
        problems.push({ file, line: 1, field: "file name", message: `"${id}" cannot be an author id (rename the file to lowercase letters, digits and hyphens, e.g. ana-ruiz.md)` });
        return;
      }
      const text = readText(contentDir, file);
      if (!text.ok) {
        problems.push({ file, line: 1, field: "file", message: text.message });
        return;
      }
      const parsed = parseFrontMatter(text.text);
      if (!parsed.ok) {
        problems.push({ file, ...parsed.problem });
        return;
      }
      const { data, body, bodyLine, lineOf } = parsed.file;
      const result = authorSchema.safeParse(data);
      if (!result.success) {
        problems.push(...problemsFromSchema(result.error, file, lineOf, AUTHOR_FIELDS));
        return;
      }
      problems.push(...checkBody(file, body, bioMarkdown.parse(body, {}), bodyLine));
      const author: AuthorSource = { id, file, fields: result.data, bio: body };
      if (result.data.photo) {
        const photo = await resolveImage(contentDir, file, result.data.photo, imageCacheDir);
        if (photo.ok) author.photoFile = photo.file;
        else problems.push({ file, line: lineOf(["photo"]), field: "photo", message: photo.message });
      }
      authors.push(author);
    }),
  );
  authors.sort((a, b) => a.id.localeCompare(b.id));
  return { authors, problems };
}
