/**
 * Finds a shortest path (fewest edges) with breadth-first search.
 *
 * @param {Record<string, string[]>} graph adjacency list: node -> nodes it has an edge to
 * @param {string} start where the path starts
 * @param {string} goal where the path ends
 * @returns {string[] | null} the nodes from start to goal (both included), or null if unreachable
 */
export function shortestPath(graph, start, goal) {
  const previous = new Map([[start, null]]); // node -> the node it was discovered from
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    if (node === goal) {
      const path = [];
      for (let step = goal; step !== null; step = previous.get(step)) path.push(step);
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
