import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiRole } from '../../config/config';
import { DomainError, ErrorCode } from '../../shared/domain/domain-error';
import { ApiKeys, roleSatisfies } from './api-keys';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

export const API_KEYS = Symbol('ApiKeys');

/**
 * `Authorization: Bearer <key>`; the route's @Roles() names the least role it needs. Secure by
 * default: a route that declares neither @Roles() nor @Public() is refused, so a route added
 * without thinking about access is closed, not open.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(API_KEYS) private readonly keys: ApiKeys,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    const needs = this.reflector.getAllAndOverride<ApiRole[] | undefined>(ROLES_KEY, targets);
    if (!needs || needs.length === 0) {
      if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets)) return true;
      throw new DomainError(ErrorCode.forbidden, 'this route declares no role (neither @Roles nor @Public): denied by default');
    }
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; apiKey?: unknown }>();
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match) throw new DomainError(ErrorCode.unauthenticated, 'an API key is required: Authorization: Bearer <key>');
    const key = this.keys.find(match[1]!);
    if (!key) throw new DomainError(ErrorCode.unauthenticated, 'unknown API key');
    if (!roleSatisfies(key.role, needs)) {
      throw new DomainError(ErrorCode.forbidden, `this needs the ${needs.join(' or ')} role; key "${key.name}" is ${key.role}`);
    }
    request.apiKey = { name: key.name, role: key.role };
    return true;
  }
}

/** The actor recorded in event metadata for a request. */
export function actorOf(request: { apiKey?: { name: string; role: string } }): string {
  return request.apiKey ? `api:${request.apiKey.name}` : 'api:anonymous';
}
