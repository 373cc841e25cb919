import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Observable } from 'rxjs';
import { DomainError, ErrorCode } from '../../shared/domain/domain-error';

type Http = { method: string; headers: Record<string, string | string[] | undefined> };

/**
 * The API reads JSON bodies only. A body sent as a form (curl -d) or as plain text would reach
 * validation as nonsense ("property {…} should not exist"), so it is refused up front with 415 and
 * a message that says what to send. Runs after authentication, before validation.
 */
@Injectable()
export class JsonBodyInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<Http>();
    if (hasBody(request) && !isJson(request.headers['content-type'])) {
      const given = request.headers['content-type'];
      throw new DomainError(
        ErrorCode.unsupportedMediaType,
        `send the request body as JSON with Content-Type: application/json (${given ? `got ${String(given)}` : 'no Content-Type was sent'})`,
      );
    }
    return next.handle();
  }
}

function hasBody(request: Http): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (length !== undefined && Number(length) > 0);
}

const isJson = (type: string | string[] | undefined): boolean =>
  typeof type === 'string' && /^application\/([\w.+-]+\+)?json\s*(;|$)/i.test(type.trim());
