// Mistake: depth-first search (a stack instead of a queue) finds *a* path (the first one down the
// first branch), not the shortest one.
export type Graph = Record<string, readonly string[]>;

export function shortestPath(graph: Graph, start: string, goal: string): string[] | null {
  const previous = new Map<string, string | null>([[start, null]]);
  const stack: string[] = [start];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === goal) {
      const path: string[] = [];
      for (let step: string | null = goal; step !== null; step = previous.get(step) ?? null) path.push(step);
      return path.reverse();
    }
    const neighbours = graph[node] ?? [];
    for (let i = neighbours.length - 1; i >= 0; i--) {
      const next = neighbours[i];
      if (!previous.has(next)) {
        previous.set(next, node);
        stack.push(next);
      }
    }
  }
  return null;
}
