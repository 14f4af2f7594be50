import { describe, expect, test } from '@jest/globals';
import { shortestPath } from './shortest-path';

function expectPath(g, path, start, goal, nodes) {
  expect(path).not.toBeNull();
  expect(path).toHaveLength(nodes);
  expect(path[0]).toBe(start);
  expect(path[path.length - 1]).toBe(goal);
  for (let i = 1; i < path.length; i++) {
    if (!(g[path[i - 1]] ?? []).includes(path[i])) throw new Error(`no edge ${path[i - 1]} -> ${path[i]}`);
  }
}

/** An undirected rows x cols grid; cells in `walls` are removed. Node names are "r,c". */
function grid(rows, cols, walls = new Set()) {
  const g = {};
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const name = `${r},${c}`;
      if (walls.has(name)) continue;
      g[name] = [];
      for (const [dr, dc] of [[0, 1], [1, 0], [0, -1], [-1, 0]]) {
        const nr = r + dr;
        const nc = c + dc;
        const other = `${nr},${nc}`;
        if (nr >= 0 && nr < rows && nc >= 0 && nc < cols && !walls.has(other)) g[name].push(other);
      }
    }
  }
  return g;
}

describe('shortestPath (hidden)', () => {
  test('cycles do not loop forever', () => {
    const g = { A: ['B'], B: ['C', 'A'], C: ['A', 'D'], D: [] };
    expect(shortestPath(g, 'A', 'D')).toEqual(['A', 'B', 'C', 'D']);
    expect(shortestPath({ A: ['B'], B: ['A'] }, 'A', 'Z')).toBeNull();
  });

  test('start or goal missing from the graph', () => {
    expect(shortestPath({ A: ['B'] }, 'Q', 'Q')).toEqual(['Q']);
    expect(shortestPath({ A: ['B'] }, 'Q', 'A')).toBeNull();
    expect(shortestPath({}, 'A', 'B')).toBeNull();
  });

  test('a long first branch does not win over a short later one', () => {
    const g = { S: ['A1', 'B1'], A1: ['A2'], A2: ['A3'], A3: ['A4'], A4: ['G'], B1: ['G'] };
    expect(shortestPath(g, 'S', 'G')).toEqual(['S', 'B1', 'G']);
  });

  test('open 60 x 60 grid: corner to corner', () => {
    const g = grid(60, 60);
    expectPath(g, shortestPath(g, '0,0', '59,59'), '0,0', '59,59', 119);
  });

  test('a maze: walls force a detour', () => {
    // A 5 x 5 grid with a wall in column 2 except at the bottom row.
    const walls = new Set(['0,2', '1,2', '2,2', '3,2']);
    const g = grid(5, 5, walls);
    expectPath(g, shortestPath(g, '0,0', '0,4'), '0,0', '0,4', 13);
    walls.add('4,2');
    const closed = grid(5, 5, walls);
    expect(shortestPath(closed, '0,0', '0,4')).toBeNull();
  });

  test('a chain of 20 000 nodes', () => {
    const g = {};
    for (let i = 0; i < 20000; i++) g[`n${i}`] = [`n${i + 1}`];
    const path = shortestPath(g, 'n0', 'n20000');
    expect(path).toHaveLength(20001);
    expect(path[12345]).toBe('n12345');
  });
});
