import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiRole } from '../../config/config';
import { DomainError, ErrorCode } from '../../shared/domain/domain-error';
import { ApiKeys, roleSatisfies } from './api-keys';
import { ROLES_KEY } from './roles.decorator';

export const API_KEYS = Symbol('ApiKeys');

/** `Authorization: Bearer <key>`; the route's @Roles() names the least role it needs. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(API_KEYS) private readonly keys: ApiKeys,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const needs = this.reflector.getAllAndOverride<ApiRole[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!needs || needs.length === 0) return true;
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
