// Plausible mistake: no visited set, so a cycle in 'inherits' recurses forever (stack overflow).
export function createPolicy(roles) {
  const collect = (name) => {
    const role = Object.hasOwn(roles, name) ? roles[name] : null;
    if (!role) return [];
    return [...(role.permissions ?? []), ...(role.inherits ?? []).flatMap((p) => collect(p))];
  };
  return {
    can(user, permission) {
      return (user.roles ?? []).flatMap((r) => collect(r)).some((g) =>
        g === '*' || g === permission || (g.endsWith(':*') && permission.startsWith(g.slice(0, -1))));
    },
  };
}
