import { SetMetadata } from '@nestjs/common';
import { ApiRole } from '../../config/config';

export const ROLES_KEY = 'mdm:roles';
export const PUBLIC_KEY = 'mdm:public';

/** The least role a route needs; admin > steward > reader. A route with neither this nor @Public() is denied. */
export const Roles = (...roles: ApiRole[]) => SetMetadata(ROLES_KEY, roles);

/** A route anyone may call without a key (health). Say so explicitly: the guard denies by default. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
