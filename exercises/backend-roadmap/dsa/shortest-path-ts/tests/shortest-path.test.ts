import { describe, expect, test } from '@jest/globals';
import { shortestPath } from './shortest-path';
import type { Graph } from './shortest-path';

const graph: Graph = {
  A: ['B', 'C'],
  B: ['D'],
  C: ['D', 'E'],
  D: ['F'],
  E: ['F'],
};

/** Checks that path is a real path from start to goal in graph, with the expected number of nodes. */
function expectPath(g: Graph, path: string[] | null, start: string, goal: string, nodes: number): void {
  expect(path).toHaveLength(nodes);
  if (path === null) return;
  expect(path[0]).toBe(start);
  expect(path[path.length - 1]).toBe(goal);
  for (let i = 1; i < path.length; i++) {
    expect(g[path[i - 1]]).toContain(path[i]);
  }
}

describe('shortestPath', () => {
  test('a direct edge', () => {
    expect(shortestPath(graph, 'A', 'B')).toEqual(['A', 'B']);
  });

  test('a path of several edges', () => {
    expect(shortestPath(graph, 'C', 'F')).toEqual(['C', 'D', 'F']);
  });

  test('finds a shortest path when several routes exist', () => {
    expectPath(graph, shortestPath(graph, 'A', 'F'), 'A', 'F', 4);
  });

  test('from a node to itself', () => {
    expect(shortestPath(graph, 'A', 'A')).toEqual(['A']);
  });

  test('null when the goal cannot be reached', () => {
    expect(shortestPath(graph, 'F', 'A')).toBeNull();
  });

  test('prefers the short route over the first-listed long one', () => {
    const g: Graph = { S: ['X', 'G'], X: ['Y'], Y: ['G'] };
    expect(shortestPath(g, 'S', 'G')).toEqual(['S', 'G']);
  });
});
