// Mistake: only checks for the goal among neighbours, so start === goal is never found, and it
// returns [] instead of null when the goal is unreachable.
export type Graph = Record<string, readonly string[]>;

export function shortestPath(graph: Graph, start: string, goal: string): string[] | null {
  const previous = new Map<string, string | null>([[start, null]]);
  const queue: string[] = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of graph[node] ?? []) {
      if (previous.has(next)) continue;
      previous.set(next, node);
      if (next === goal) {
        const path: string[] = [];
        for (let step: string | null = goal; step !== null; step = previous.get(step) ?? null) path.unshift(step);
        return path;
      }
      queue.push(next);
    }
  }
  return [];
}
