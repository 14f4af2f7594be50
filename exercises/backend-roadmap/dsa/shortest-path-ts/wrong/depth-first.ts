// Mistake: depth-first search finds *a* path (the first one down the first branch), not the
// shortest one.
export type Graph = Record<string, readonly string[]>;

export function shortestPath(graph: Graph, start: string, goal: string): string[] | null {
  const visited = new Set<string>([start]);
  const stack: Array<[string, string[]]> = [[start, [start]]];
  while (stack.length > 0) {
    const [node, path] = stack.pop()!;
    if (node === goal) return path;
    const neighbours = graph[node] ?? [];
    for (let i = neighbours.length - 1; i >= 0; i--) {
      const next = neighbours[i];
      if (!visited.has(next)) {
        visited.add(next);
        stack.push([next, [...path, next]]);
      }
    }
  }
  return null;
}
