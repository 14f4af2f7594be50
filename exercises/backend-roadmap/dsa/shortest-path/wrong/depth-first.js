// Mistake: depth-first search finds *a* path (the first one down the first branch), not the
// shortest one.
export function shortestPath(graph, start, goal) {
  const visited = new Set([start]);
  const stack = [[start, [start]]];
  while (stack.length > 0) {
    const [node, path] = stack.pop();
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
