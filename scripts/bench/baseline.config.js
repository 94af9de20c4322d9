// The benchmark's baseline: the smallest Eleventy site over the same articles. Each article is a
// plain Markdown template in one plain layout; no data loading, validation, images, feeds or indexes.
// Run without tsx, as a plain Eleventy user would. Eleventy parses the front matter itself.

import path from "node:path";

const LAYOUT = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ headline }}</title></head>
<body><main><h1>{{ headline }}</h1>{{ content }}</main></body>
</html>
`;

export default function (eleventyConfig) {
  // Only the articles are pages; author files and settings.yml are not.
  // (Ignore globs are relative to the project root, not to the input folder.)
  eleventyConfig.ignores.add(path.join(path.relative(process.cwd(), eleventyConfig.directories.input), "authors", "**"));
  eleventyConfig.addTemplate("_includes/plain.liquid", LAYOUT);
  eleventyConfig.addGlobalData("layout", "plain.liquid");
}

export const config = {
  templateFormats: ["md"],
  // Like Dateline, no template language runs over the Markdown.
  markdownTemplateEngine: false,
  htmlTemplateEngine: false,
};
