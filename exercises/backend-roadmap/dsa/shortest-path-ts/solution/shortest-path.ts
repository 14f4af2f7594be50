/** Adjacency list: node -> the nodes it has an edge to. */
export type Graph = Record<string, readonly string[]>;

/** Finds a shortest path (fewest edges) from start to goal with BFS; null if unreachable. */
export function shortestPath(graph: Graph, start: string, goal: string): string[] | null {
  const previous = new Map<string, string | null>([[start, null]]); // node -> who discovered it
  const queue: string[] = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    if (node === goal) {
      const path: string[] = [];
      for (let step: string | null = goal; step !== null; step = previous.get(step) ?? null) path.push(step);
      return path.reverse();
    }
    const neighbours = Object.hasOwn(graph, node) ? graph[node] : [];
    for (const next of neighbours) {
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return null;
}
