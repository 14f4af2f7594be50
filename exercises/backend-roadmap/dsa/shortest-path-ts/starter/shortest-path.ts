/** Adjacency list: node -> the nodes it has an edge to. */
export type Graph = Record<string, readonly string[]>;

/** Finds a shortest path (fewest edges) from start to goal with BFS; null if unreachable. */
export function shortestPath(graph: Graph, start: string, goal: string): string[] | null {
  throw new Error('Remove this line and implement the function');
}
