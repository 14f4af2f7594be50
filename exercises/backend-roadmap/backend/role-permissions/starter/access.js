/**
 * @typedef {{ permissions?: string[], inherits?: string[] }} RoleDefinition
 * @typedef {{ roles?: string[] }} User
 */

/**
 * @param {Record<string, RoleDefinition>} roles
 * @returns {{ can(user: User, permission: string): boolean }}
 */
export function createPolicy(roles) {
  throw new Error('Remove this line and implement the function');
}
