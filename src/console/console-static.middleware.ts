import { statSync } from 'node:fs';
import path from 'node:path';
import { NestMiddleware } from '@nestjs/common';

interface Request {
  readonly method: string;
  readonly originalUrl: string;
}
interface Response {
  setHeader(name: string, value: string): void;
  status(code: number): Response;
  type(type: string): Response;
  send(body: string): void;
  sendFile(file: string, options: { dotfiles: 'deny'; headers: Record<string, string> }, done: (error?: Error) => void): void;
}

/** Paths the console never answers: the API, its docs and the Prometheus endpoint stay with Nest. */
const SERVER_PATHS = /^\/(api|metrics)(\/|$)/;
/** Vite names built assets by content hash, so they can be cached for good. */
const HASHED = /^\/assets\//;

/**
 * Serves the built console (`dist/console`) and, for any other GET of a page path, its index.html,
 * so deep links like `/warehouses/123` load the app (SPA fallback). Everything else falls through.
 */
export class ConsoleStaticMiddleware implements NestMiddleware {
  constructor(private readonly root: string) {}

  use(request: Request, response: Response, next: (error?: unknown) => void): void {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    const urlPath = pathOf(request.originalUrl);
    if (urlPath === null || SERVER_PATHS.test(urlPath)) return next();
    const asset = urlPath === '/' ? null : this.file(urlPath);
    if (asset) return this.send(response, asset, HASHED.test(urlPath) ? 'public, max-age=31536000, immutable' : 'no-cache', next);
    // A missing file (has an extension) is a 404; anything else is a console route.
    if (path.extname(urlPath) !== '') return next();
    const index = this.file('/index.html');
    if (!index) {
      response.status(503).type('text/plain').send('The console is not built: run `npm run build:console` (npm start does it for you).\n');
      return;
    }
    this.send(response, index, 'no-cache', next);
  }

  private file(urlPath: string): string | null {
    const full = path.resolve(this.root, `.${urlPath}`);
    if (!full.startsWith(this.root + path.sep)) return null;
    try {
      return statSync(full).isFile() ? full : null;
    } catch {
      return null;
    }
  }

  private send(response: Response, file: string, cacheControl: string, next: (error?: unknown) => void): void {
    response.sendFile(
      file,
      { dotfiles: 'deny', headers: { 'Cache-Control': cacheControl, 'X-Content-Type-Options': 'nosniff' } },
      (error) => {
        if (error) next(error);
      },
    );
  }
}

function pathOf(url: string): string | null {
  try {
    return decodeURIComponent(new URL(url, 'http://console.local').pathname);
  } catch {
    return null;
  }
}
