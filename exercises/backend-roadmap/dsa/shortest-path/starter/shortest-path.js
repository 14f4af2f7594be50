/**
 * Finds a shortest path (fewest edges) with breadth-first search.
 *
 * @param {Record<string, string[]>} graph adjacency list: node -> nodes it has an edge to
 * @param {string} start where the path starts
 * @param {string} goal where the path ends
 * @returns {string[] | null} the nodes from start to goal (both included), or null if unreachable
 */
export function shortestPath(graph, start, goal) {
  throw new Error('Remove this line and implement the function');
}
