import { SetMetadata } from '@nestjs/common';

export const ROLES_KEY = 'mdm:roles';
/** The least role a route needs; admin > steward > reader. Routes without it are public (health, docs). */
export const Roles = (...roles: ('reader' | 'steward' | 'admin')[]) => SetMetadata(ROLES_KEY, roles);
