/** A progress bar on a terminal; plain periodic lines when output is not a TTY (CI, pipes). */
export class ProgressBar {
  private lastPrinted = 0;

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  update(done: number, total: number | undefined, detail = ''): void {
    const ratio = total ? Math.min(1, done / total) : 0;
    if (this.stream.isTTY) {
      const width = 30;
      const filled = Math.round(ratio * width);
      const bar = total ? `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${Math.round(ratio * 100)}%` : `${done}`;
      this.stream.write(`\r${this.label} ${bar} ${done}${total ? `/${total}` : ''} ${detail}`.padEnd(100));
    } else if (Date.now() - this.lastPrinted > 1000 || (total !== undefined && done >= total)) {
      this.lastPrinted = Date.now();
      this.stream.write(`${this.label} ${done}${total ? `/${total}` : ''} ${detail}\n`);
    }
  }

  finish(): void {
    if (this.stream.isTTY) this.stream.write('\n');
  }
}
