// sharp and eleventy-img take about half a second to load: every command that never opens an image
// (`npm run new`, a warm `check:content`) would pay it at start-up. They are loaded on first use.
import type Sharp from "sharp";

export interface EleventyImageResult {
  width: number;
  height: number;
  url: string;
  sourceType: string;
  outputPath: string;
  filename?: string;
}

export type EleventyImage = ((src: string, options: Record<string, unknown>) => Promise<Record<string, EleventyImageResult[]>>) & {
  concurrency: number;
};

let loaded: Promise<{ sharp: typeof Sharp; processImage: EleventyImage }> | undefined;

/** sharp and eleventy-img, loaded once, set for two cores (more parallel encodes only fight over them). */
export function imageLibraries(): Promise<{ sharp: typeof Sharp; processImage: EleventyImage }> {
  loaded ??= Promise.all([import("sharp"), import("@11ty/eleventy-img")]).then(([sharpModule, eleventyImage]) => {
    const sharp = sharpModule.default;
    const processImage = eleventyImage.default as unknown as EleventyImage;
    processImage.concurrency = 2;
    sharp.concurrency(1);
    return { sharp, processImage };
  });
  return loaded;
}
