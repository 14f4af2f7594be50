// Mistake: only checks for the goal among neighbours, so start === goal is never found, and it
// returns [] instead of null when the goal is unreachable.
export function shortestPath(graph, start, goal) {
  const previous = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift();
    for (const next of graph[node] ?? []) {
      if (previous.has(next)) continue;
      previous.set(next, node);
      if (next === goal) {
        const path = [];
        for (let step = goal; step !== null; step = previous.get(step)) path.unshift(step);
        return path;
      }
      queue.push(next);
    }
  }
  return [];
}
