// Long image work shows its progress on a terminal ("[images] 340/1000"), rewriting one line at
// most five times a second; CI logs and pipes (no TTY, or CI set) get nothing but the summary.

export class ImageProgress {
  private requested = 0;
  private finished = 0;
  private shownAt = 0;
  private readonly live: boolean;
  private readonly stream: Pick<NodeJS.WriteStream, "isTTY" | "write">;

  constructor(stream: Pick<NodeJS.WriteStream, "isTTY" | "write"> = process.stderr, env: NodeJS.ProcessEnv = process.env) {
    this.stream = stream;
    this.live = Boolean(stream.isTTY) && !env["CI"];
  }

  /** Wraps one image job: counted when asked for, counted again when done. */
  async track<T>(job: Promise<T>): Promise<T> {
    this.requested++;
    try {
      return await job;
    } finally {
      this.finished++;
      this.render();
    }
  }

  private render(): void {
    if (!this.live) return;
    const now = Date.now();
    const complete = this.finished === this.requested;
    if (!complete && now - this.shownAt < 200) return;
    this.shownAt = now;
    this.stream.write(`\r[images] ${this.finished}/${this.requested}${complete ? "\n" : ""}`);
  }
}
