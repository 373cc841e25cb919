import { Injectable, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ApiRole } from '../../config/config';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

/** One route a controller declares, with who may call it. */
export interface RouteAccess {
  readonly method: string;
  /** Express-style (`/api/v1/warehouses/:id`). */
  readonly path: string;
  readonly controller: string;
  readonly handler: string;
  /** The least roles it needs; `public` when marked @Public(); `none` when it declares neither (the guard denies it). */
  readonly access: readonly ApiRole[] | 'public' | 'none';
}

/** Every route the app's controllers declare and its access rule, read from the same metadata the guard reads. */
@Injectable()
export class RouteInventory {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  routes(): RouteAccess[] {
    const routes: RouteAccess[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const prototype = Object.getPrototypeOf(instance) as object;
      const base = pathsOf(Reflect.getMetadata(PATH_METADATA, metatype));
      for (const name of this.scanner.getAllMethodNames(prototype)) {
        const handler = (prototype as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        for (const prefix of base)
          for (const own of pathsOf(Reflect.getMetadata(PATH_METADATA, handler)))
            routes.push({
              method: RequestMethod[method],
              path: join(prefix, own),
              controller: metatype.name,
              handler: name,
              access: this.accessOf(handler, metatype),
            });
      }
    }
    return routes.sort((a, b) => (a.path === b.path ? a.method.localeCompare(b.method) : a.path.localeCompare(b.path)));
  }

  private accessOf(handler: object, controller: object): RouteAccess['access'] {
    const targets = [handler, controller] as unknown as Parameters<Reflector['getAllAndOverride']>[1];
    const roles = this.reflector.getAllAndOverride<ApiRole[] | undefined>(ROLES_KEY, targets);
    if (roles && roles.length > 0) return roles;
    return this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_KEY, targets) ? 'public' : 'none';
  }
}

const pathsOf = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : [value === undefined ? '' : String(value)]);
const join = (...parts: string[]): string =>
  `/${parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;
