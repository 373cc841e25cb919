/** Turns the data of an old event schema version into the next one; chained on read. */
export interface Upcaster {
  readonly type: string;
  readonly fromVersion: number;
  upcast(data: unknown): unknown;
}

export class UpcasterRegistry {
  private readonly byKey = new Map<string, Upcaster>();

  constructor(upcasters: readonly Upcaster[] = []) {
    upcasters.forEach((u) => this.register(u));
  }

  get isEmpty(): boolean {
    return this.byKey.size === 0;
  }

  register(upcaster: Upcaster): void {
    const key = `${upcaster.type}@${upcaster.fromVersion}`;
    if (this.byKey.has(key)) throw new Error(`two upcasters for ${key}`);
    this.byKey.set(key, upcaster);
  }

  /** Returns the data at the newest schema version this registry knows, and that version. */
  upcast(type: string, schemaVersion: number, data: unknown): { data: unknown; schemaVersion: number } {
    let version = schemaVersion;
    let current = data;
    for (let next = this.byKey.get(`${type}@${version}`); next; next = this.byKey.get(`${type}@${version}`)) {
      current = next.upcast(current);
      version += 1;
    }
    return { data: current, schemaVersion: version };
  }
}
