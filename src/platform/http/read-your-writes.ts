import {
  CallHandler,
  ExecutionContext,
  Inject,
  Injectable,
  NestInterceptor,
  Optional,
  UseInterceptors,
  applyDecorators,
} from '@nestjs/common';
import { ApiQuery, ApiResponse } from '@nestjs/swagger';
import { Observable, catchError, from, mergeMap, throwError } from 'rxjs';
import { DataSource } from 'typeorm';
import { AppendedPositions, trackAppends } from '../../event-store/appended-positions';
import { headPosition, processorsBehind } from '../../event-store/read-model-positions';
import { DomainError, ErrorCode } from '../../shared/domain/domain-error';
import { DATA_SOURCE } from '../tokens';
import { ERROR_BODY_SCHEMA } from './openapi-errors';

export const POSITION_HEADER = 'X-Mdm-Position';
/** Names of the processors whose read models a `@ReadsReadModels()` route reads; the feature module provides it. */
export const READ_MODELS = Symbol('ReadModels');
/** How long a read waits for `minPosition` before answering 503 (ms). */
export const READ_WAIT_MS = Symbol('ReadWaitMs');
export const DEFAULT_READ_WAIT_MS = 10_000;
const POLL_MS = 25;
const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type Http = { method: string; query: Record<string, unknown> };
type HeaderSink = { setHeader(name: string, value: string): void; headersSent?: boolean };

/**
 * Every mutating response carries `X-Mdm-Position`: the newest global position the request
 * appended, or the head when it appended nothing (a no-op, a refusal, a job that writes later), so
 * a read with `?minPosition=` that value reflects everything the caller caused or met.
 */
@Injectable()
export class PositionHeaderInterceptor implements NestInterceptor {
  constructor(@Inject(DATA_SOURCE) private readonly db: DataSource) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http' || !MUTATING.has(context.switchToHttp().getRequest<Http>().method)) return next.handle();
    const response = context.switchToHttp().getResponse<HeaderSink>();
    const tracker = new AppendedPositions();
    const stamp = async () => {
      const position = tracker.position ?? (await headPosition(this.db));
      if (!response.headersSent) response.setHeader(POSITION_HEADER, position);
    };
    return new Observable((subscriber) =>
      trackAppends(tracker, () =>
        next
          .handle()
          .pipe(
            mergeMap(async (body) => {
              await stamp();
              return body;
            }),
            // A refused change (412, 409) carries the head too: reading there shows what it met.
            catchError((error: unknown) => from(stamp().catch(() => undefined)).pipe(mergeMap(() => throwError(() => error)))),
          )
          .subscribe(subscriber),
      ),
    );
  }
}

/** `?minPosition=N`: answers once every read model has applied N; 503 with Retry-After after a bounded wait. */
@Injectable()
export class MinPositionInterceptor implements NestInterceptor {
  constructor(
    @Inject(DATA_SOURCE) private readonly db: DataSource,
    @Inject(READ_MODELS) private readonly readModels: readonly string[],
    @Optional() @Inject(READ_WAIT_MS) private readonly waitMs: number = DEFAULT_READ_WAIT_MS,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const raw = context.switchToHttp().getRequest<Http>().query.minPosition;
    if (raw === undefined || raw === '') return next.handle();
    if (typeof raw !== 'string' || !/^\d{1,18}$/.test(raw)) {
      throw new DomainError(ErrorCode.validation, 'minPosition must be a global position (a whole number), as X-Mdm-Position gives it');
    }
    return from(this.waitFor(raw)).pipe(mergeMap(() => next.handle()));
  }

  private async waitFor(position: string): Promise<void> {
    for (const deadline = Date.now() + this.waitMs; ;) {
      const behind = await processorsBehind(this.db, this.readModels, position);
      if (behind.length === 0) return;
      if (Date.now() >= deadline) {
        throw new DomainError(
          ErrorCode.readModelsBehind,
          `the read models have not reached position ${position} within ${this.waitMs / 1000} s (behind: ${behind.join(', ')}); retry later`,
          { minPosition: position, behind },
          Math.max(1, Math.ceil(this.waitMs / 2000)),
        );
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }
}

/** A GET answered from read models: accepts `?minPosition=` (read your writes). */
export const ReadsReadModels = () =>
  applyDecorators(
    UseInterceptors(MinPositionInterceptor),
    ApiQuery({
      name: 'minPosition',
      required: false,
      type: String,
      description: `answer only once every read model has applied this global position (the ${POSITION_HEADER} of a change you made); waits up to 10 s, then 503 read_models_behind with Retry-After`,
    }),
    ApiResponse({
      status: 503,
      description: 'read_models_behind: minPosition not reached in time (Retry-After)',
      schema: ERROR_BODY_SCHEMA,
    }),
  );
