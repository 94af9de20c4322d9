// Body templates on disk from load to render. A build keeps every article's body template from the
// moment its Markdown is parsed until its page is written: ~0.8 GB at 100,000 articles, most of the
// distance between a large archive's build and its memory target. The loader hands each template to
// the spill as it checks the article; the body renderer reads it back when a page shows the body.
// The file is in the build's cache folder and is unlinked as soon as it is open where the system
// allows it, so it goes with the process, a crashed one too. A checked part (`--check-part`) keeps its
// spill as a file of its own, which a slice then reads templates from (src/build/check-part.ts).
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { KeptTemplate, PackedTemplate, SpilledTemplate, TemplateKeeper } from "./body-template.ts";
import { isSpilled } from "./body-template.ts";

/** Templates gathered in memory before one write: a few hundred writes for a large archive, not one per article. */
const CHUNK_BYTES = 1 << 20;

export class TemplateSpill implements TemplateKeeper {
  private readonly file: string;
  private readonly fd: number;
  private readonly unlinked: boolean;
  /** A checked part's spill: its file stays. */
  private readonly kept: boolean;
  /** Bytes in the file. */
  private written = 0;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private closed = false;
  /** Other spills' files this one reads templates from (checked parts'), opened when first read. */
  private readonly others = new Map<string, number>();

  /**
   * A new spill file in `dir` (the build's cache folder), gone with the process; or, with `keepAs`,
   * the file at that path, kept (and written whole) when the spill is closed.
   */
  constructor(dir: string, { keepAs }: { keepAs?: string } = {}) {
    fs.mkdirSync(dir, { recursive: true });
    this.file = keepAs ?? path.join(dir, `body-templates-${process.pid}-${randomUUID()}.tmp`);
    this.fd = fs.openSync(this.file, "w+");
    let unlinked = keepAs === undefined;
    if (unlinked) {
      try {
        fs.unlinkSync(this.file);
      } catch {
        // A system that keeps an open file's name (Windows): removed on close instead.
        unlinked = false;
      }
    }
    this.unlinked = unlinked;
    this.kept = keepAs !== undefined;
  }

  keep(template: PackedTemplate): SpilledTemplate {
    const offset = this.written + this.pendingBytes;
    this.pending.push(template);
    this.pendingBytes += template.byteLength;
    if (this.pendingBytes >= CHUNK_BYTES) this.flush();
    return { spilled: true, offset, length: template.byteLength };
  }

  /** The template's bytes, from the file (or still in memory). */
  async read(template: KeptTemplate): Promise<PackedTemplate> {
    if (!isSpilled(template)) return template;
    if (this.closed) throw new Error("[render] a body template was read after the build closed its spill (a Dateline defect)");
    const file = template.file ?? this.file;
    if (template.file === undefined && template.offset + template.length > this.written) this.flush();
    const fd = template.file === undefined ? this.fd : this.otherFd(template.file);
    const bytes = new Uint8Array(template.length);
    const read = await new Promise<number>((resolve, reject) => fs.read(fd, bytes, 0, template.length, template.offset, (error, count) => (error ? reject(error) : resolve(count))));
    if (read !== template.length) throw new Error(`[render] a body template was cut short in ${file} (${read} of ${template.length} bytes; ${template.file === undefined ? "a Dateline defect" : "was the checked part copied whole?"})`);
    return bytes as PackedTemplate;
  }

  /** Closes the files (and removes this spill's where it kept its name and is not kept). */
  close(): void {
    if (this.closed) return;
    if (this.kept) this.flush();
    this.closed = true;
    this.pending = [];
    fs.closeSync(this.fd);
    for (const fd of this.others.values()) fs.closeSync(fd);
    this.others.clear();
    if (!this.unlinked && !this.kept) fs.rmSync(this.file, { force: true });
  }

  private otherFd(file: string): number {
    let fd = this.others.get(file);
    if (fd === undefined) {
      fd = fs.openSync(file, "r");
      this.others.set(file, fd);
    }
    return fd;
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    const chunk = Buffer.concat(this.pending, this.pendingBytes);
    let done = 0;
    try {
      while (done < chunk.byteLength) done += fs.writeSync(this.fd, chunk, done, chunk.byteLength - done, this.written + done);
    } catch (error) {
      // A full disk or a read-only cache folder: the machine's problem, named with the folder to look at.
      throw new Error(`[build] could not keep the articles' body templates in ${path.dirname(this.file)} (${(error as NodeJS.ErrnoException).code ?? String(error)}): the build's cache folder needs free space and must be writable`, { cause: error });
    }
    this.written += chunk.byteLength;
    this.pending = [];
    this.pendingBytes = 0;
  }
}
