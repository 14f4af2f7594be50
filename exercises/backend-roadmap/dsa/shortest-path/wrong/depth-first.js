// Mistake: depth-first search (a stack instead of a queue) finds *a* path (the first one down the
// first branch), not the shortest one.
export function shortestPath(graph, start, goal) {
  const previous = new Map([[start, null]]);
  const stack = [start];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === goal) {
      const path = [];
      for (let step = goal; step !== null; step = previous.get(step)) path.push(step);
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
