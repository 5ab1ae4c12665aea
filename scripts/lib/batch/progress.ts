/**
 * Progress on stderr: on a terminal one line rewritten in place (documents, documents/s, ETA from the
 * input bytes read); in a pipe (logs, Spark executors) a summary line every few seconds instead, since
 * carriage returns make a mess of log files. The closing line always comes unless `--quiet`.
 */
export interface ProgressCounts {
  documents: number;
  annotations: number;
  errors: number;
}

export class Progress implements ProgressCounts {
  documents = 0;
  annotations = 0;
  errors = 0;
  private readonly started = performance.now();
  private timer: NodeJS.Timeout | undefined;
  private shown = false;
  private readonly tty: boolean;

  constructor(
    private readonly quiet: boolean,
    /** Bytes of input read so far and in all (0 when unknown, as for stdin). */
    private readonly bytes: () => { read: number; total: number },
    intervalMs?: number,
  ) {
    this.tty = Boolean(process.stderr.isTTY);
    if (quiet) return;
    const every = intervalMs ?? (this.tty ? 250 : 5000);
    this.timer = setInterval(() => this.show(), every);
    this.timer.unref();
  }

  seconds(): number {
    return (performance.now() - this.started) / 1000;
  }

  private line(): string {
    const s = this.seconds();
    const rate = this.documents / Math.max(s, 1e-3);
    const { read, total } = this.bytes();
    let eta = '';
    if (total > 0 && read > 0 && read < total) eta = `, ETA ${clock((s * (total - read)) / read)}`;
    return `annotate: ${this.documents} documents, ${rate.toFixed(1)} docs/s${eta}, ${this.annotations} annotations, ${this.errors} errors`;
  }

  private show(): void {
    if (this.tty) {
      process.stderr.write(`\r\x1b[K${this.line()}`);
      this.shown = true;
    } else process.stderr.write(this.line() + '\n');
  }

  /** A message line (an error, a note); on a terminal the progress line is cleared first and redrawn later. */
  message(text: string): void {
    if (this.shown) {
      process.stderr.write('\r\x1b[K');
      this.shown = false;
    }
    process.stderr.write(text + '\n');
  }

  finish(): void {
    if (this.timer) clearInterval(this.timer);
    if (this.shown) process.stderr.write('\r\x1b[K');
    if (!this.quiet) {
      process.stderr.write(
        `annotate: done: ${this.documents} documents, ${this.annotations} annotations, ${this.errors} errors, ${this.seconds().toFixed(1)} s\n`,
      );
    }
  }
}

function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const pad = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
}
