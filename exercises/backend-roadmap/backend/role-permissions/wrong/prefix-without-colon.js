// Plausible mistake: 'posts:*' is turned into the prefix 'posts' (without the colon),
// so 'postsx:read' and 'posts' are allowed too.
export function createPolicy(roles) {
  const collect = (name, seen) => {
    if (seen.has(name) || !Object.hasOwn(roles, name)) return [];
    seen.add(name);
    return [...(roles[name].permissions ?? []), ...(roles[name].inherits ?? []).flatMap((p) => collect(p, seen))];
  };
  return {
    can(user, permission) {
      const seen = new Set();
      return (user.roles ?? []).flatMap((r) => collect(r, seen)).some((g) =>
        g === '*' || g === permission || (g.endsWith(':*') && permission.startsWith(g.slice(0, -2))));
    },
  };
}
