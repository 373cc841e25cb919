/** What replaces a secret wherever it appears. */
export const SCRUBBED = '***';
/** Shorter values would match all over ordinary text (and break JSON log lines); config values that short are not secrets. */
const MIN_LENGTH = 4;

/**
 * The one place secrets are removed from text: log lines, error messages, printed config. A
 * secret is searched for in every form it can take once text has been through a serializer: raw
 * (an error message), JSON-escaped (a pino line: `"` → `\"`, `\` → `\\`), JSON-escaped twice (a
 * JSON body quoted inside a logged message), ASCII-only JSON (`\u4ed3`, what some servers answer),
 * (and that quoted once more, as an error quoting a reply does), and URL-encoded (a connection
 * string, a form body: `%E4%BB%93`, space as `%20` or `+`).
 */
export class SecretScrubber {
  private readonly forms: readonly string[];

  constructor(secrets: readonly (string | undefined | null)[]) {
    const forms = new Set<string>();
    for (const secret of secrets) if (secret && secret.length >= MIN_LENGTH) for (const form of formsOf(secret)) forms.add(form);
    // Longest first: a form that contains another (the escaped one holds the raw tail) goes whole.
    this.forms = [...forms].sort((a, b) => b.length - a.length);
  }

  get empty(): boolean {
    return this.forms.length === 0;
  }

  scrub(text: string): string {
    let out = text;
    for (const form of this.forms) if (out.includes(form)) out = out.split(form).join(SCRUBBED);
    return out;
  }

  /** The same error with secrets removed from its message and stack (the same object when nothing changed). */
  scrubError<E extends Error>(error: E, rebuild: (message: string) => E): E {
    const message = this.scrub(error.message);
    if (message === error.message) return error;
    const clean = rebuild(message);
    if (error.stack) clean.stack = this.scrub(error.stack);
    return clean;
  }
}

function formsOf(secret: string): string[] {
  const json = jsonEscaped(secret);
  const ascii = json.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const asciiUpper = ascii.replace(/\\u([0-9a-f]{4})/g, (_, hex: string) => `\\u${hex.toUpperCase()}`);
  const url = encodeURIComponent(secret);
  return [secret, json, jsonEscaped(json), ascii, asciiUpper, jsonEscaped(ascii), jsonEscaped(asciiUpper), url, url.replace(/%20/g, '+')];
}

/** The secret as it appears inside a JSON string. */
const jsonEscaped = (text: string): string => JSON.stringify(text).slice(1, -1);
