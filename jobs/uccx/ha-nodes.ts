// The two nodes of a UCCX HA pair as the admin client sees them. Only the master takes
// configuration writes (contact imports, deletes); the standby refuses them (Cisco documents no
// "who is master" call for /adminapi, so the master is learnt from answers: the last node that
// took a write is asked first; a node that refuses a write or cannot be reached hands the
// request to the other one). Reads go to the node that answered the last read.
export class UccxNodes {
  readonly urls: readonly string[];
  private masterIndex = 0;
  private readIndex = 0;

  constructor(urls: readonly string[]) {
    const clean = urls.map((u) => u.trim().replace(/\/+$/, '')).filter(Boolean);
    if (clean.length === 0) throw new Error('UCCX: at least one node URL is needed');
    this.urls = [...new Set(clean)];
  }

  /** The node believed to be the master now. */
  get master(): string {
    return this.urls[this.masterIndex] as string;
  }

  /** The believed master first, then the other node. */
  writeOrder(): string[] {
    return this.rotated(this.masterIndex);
  }

  /** The node that answered the last read first (or the master, for what only it knows). */
  readOrder(masterFirst: boolean): string[] {
    return this.rotated(masterFirst ? this.masterIndex : this.readIndex);
  }

  answeredWrite(url: string): void {
    this.masterIndex = this.urls.indexOf(url);
  }

  /** A node that refused a write is not the master: next time start with the other one. */
  refusedWrite(url: string): void {
    const i = this.urls.indexOf(url);
    if (i === this.masterIndex && this.urls.length > 1) this.masterIndex = (i + 1) % this.urls.length;
  }

  answeredRead(url: string): void {
    this.readIndex = this.urls.indexOf(url);
  }

  private rotated(start: number): string[] {
    return [...this.urls.slice(start), ...this.urls.slice(0, start)];
  }
}
