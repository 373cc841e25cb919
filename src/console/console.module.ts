import path from 'node:path';
import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { projectRoot } from '../config/config';
import { ConsoleStaticMiddleware } from './console-static.middleware';
import { MeController } from './me.controller';

/** Where `npm run build:console` (Vite) writes the stewards' console. */
export const CONSOLE_DIST = path.join(projectRoot(), 'dist', 'console');

/** The stewards' web console at `/` (static files with SPA fallback) and `GET /api/v1/me` for its sign-in. */
@Module({ controllers: [MeController] })
export class ConsoleModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    const middleware = new ConsoleStaticMiddleware(CONSOLE_DIST);
    consumer
      .apply(middleware.use.bind(middleware))
      .forRoutes({ path: '{*path}', method: RequestMethod.GET }, { path: '{*path}', method: RequestMethod.HEAD });
  }
}
