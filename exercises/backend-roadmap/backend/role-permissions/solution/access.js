/**
 * @typedef {{ permissions?: string[], inherits?: string[] }} RoleDefinition
 * @typedef {{ roles?: string[] }} User
 */

function grants(granted, wanted) {
  if (granted === '*' || granted === wanted) return true;
  if (granted.endsWith(':*')) return wanted.startsWith(granted.slice(0, -1));
  return false;
}

/**
 * @param {Record<string, RoleDefinition>} roles
 * @returns {{ can(user: User, permission: string): boolean }}
 */
export function createPolicy(roles) {
  function permissionsOf(roleName, seen) {
    if (seen.has(roleName) || !Object.hasOwn(roles, roleName)) return [];
    seen.add(roleName);
    const role = roles[roleName];
    const result = [...(role.permissions ?? [])];
    for (const parent of role.inherits ?? []) result.push(...permissionsOf(parent, seen));
    return result;
  }

  return {
    can(user, permission) {
      const seen = new Set();
      const granted = (user?.roles ?? []).flatMap((r) => permissionsOf(r, seen));
      return granted.some((g) => grants(g, permission));
    },
  };
}
