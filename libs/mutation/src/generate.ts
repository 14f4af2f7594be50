// Mutants of a reference solution, found with TypeScript's own parser (it reads JavaScript too), so a
// change is always made to a real expression or statement, never to text inside a comment or a string.
// Each mutant is one text replacement; the grader then runs the exercise's tests against it.
import ts from 'typescript';
import type { MutationOperator } from '@questline/contracts';

export interface Mutant {
  /** `<line>:<column> <operator>`, made unique with `#2`, `#3` when one place has two changes of a kind. */
  id: string;
  operator: MutationOperator;
  /** Offsets of the replaced text in the original code. */
  start: number;
  end: number;
  replacement: string;
  /** 1-based. */
  line: number;
  column: number;
}

type Candidate = Omit<Mutant, 'id' | 'line' | 'column'>;

const ARITHMETIC: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.PlusToken]: '-',
  [ts.SyntaxKind.MinusToken]: '+',
  [ts.SyntaxKind.AsteriskToken]: '/',
  [ts.SyntaxKind.SlashToken]: '*',
  [ts.SyntaxKind.PercentToken]: '*',
  [ts.SyntaxKind.AsteriskAsteriskToken]: '*',
};
/** Off-by-one: the boundary moves by one. */
const BOUNDARY: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.LessThanToken]: '<=',
  [ts.SyntaxKind.LessThanEqualsToken]: '<',
  [ts.SyntaxKind.GreaterThanToken]: '>=',
  [ts.SyntaxKind.GreaterThanEqualsToken]: '>',
};
/** The comparison answers the opposite question. */
const COMPARISON: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.LessThanToken]: '>=',
  [ts.SyntaxKind.LessThanEqualsToken]: '>',
  [ts.SyntaxKind.GreaterThanToken]: '<=',
  [ts.SyntaxKind.GreaterThanEqualsToken]: '<',
  [ts.SyntaxKind.EqualsEqualsEqualsToken]: '!==',
  [ts.SyntaxKind.ExclamationEqualsEqualsToken]: '===',
  [ts.SyntaxKind.EqualsEqualsToken]: '!=',
  [ts.SyntaxKind.ExclamationEqualsToken]: '==',
};
const LOGICAL: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.AmpersandAmpersandToken]: '||',
  [ts.SyntaxKind.BarBarToken]: '&&',
  [ts.SyntaxKind.QuestionQuestionToken]: '&&',
};
const ASSIGNMENT: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.PlusEqualsToken]: '-=',
  [ts.SyntaxKind.MinusEqualsToken]: '+=',
  [ts.SyntaxKind.AsteriskEqualsToken]: '/=',
  [ts.SyntaxKind.SlashEqualsToken]: '*=',
  [ts.SyntaxKind.BarBarEqualsToken]: '&&=',
  [ts.SyntaxKind.AmpersandAmpersandEqualsToken]: '||=',
  [ts.SyntaxKind.QuestionQuestionEqualsToken]: '&&=',
};
/** Methods swapped for their opposite. */
const METHOD_SWAPS: Record<string, string> = {
  toLowerCase: 'toUpperCase',
  toUpperCase: 'toLowerCase',
  startsWith: 'endsWith',
  endsWith: 'startsWith',
  some: 'every',
  every: 'some',
  min: 'max',
  max: 'min',
  trimStart: 'trimEnd',
  trimEnd: 'trimStart',
  padStart: 'padEnd',
  padEnd: 'padStart',
  indexOf: 'lastIndexOf',
  lastIndexOf: 'indexOf',
  find: 'findLast',
  findIndex: 'findLastIndex',
};
/** Calls whose removal leaves the receiver: `s.trim()` → `s`. */
const REMOVABLE_CALLS = new Set(['trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'sort', 'reverse', 'filter', 'slice']);

const ERROR_CONSTRUCTOR = /(Error|Exception)$/;

/** Whether a node is only a type (its literals and names are erased before the code runs). */
function inTypePosition(node: ts.Node): boolean {
  for (let n: ts.Node | undefined = node; n; n = n.parent) {
    if (ts.isTypeNode(n) || ts.isTypeAliasDeclaration(n) || ts.isInterfaceDeclaration(n)) return true;
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n) || ts.isImportTypeNode(n)) return true;
    if (ts.isStatement(n) || ts.isFunctionLike(n)) return false;
  }
  return false;
}

/**
 * A string that is prose for a person, not a value the code computes with: an error's message, or a
 * property name written as a string. Changing it tells nothing about the tests' strength.
 */
function isProse(node: ts.StringLiteralLike): boolean {
  const parent = node.parent;
  if (ts.isPropertyAssignment(parent) && parent.name === node) return true;
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) return false;
  if (ts.isExpressionStatement(parent)) return true; // 'use strict'
  for (let n: ts.Node = node; n.parent; n = n.parent) {
    const p = n.parent;
    if ((ts.isNewExpression(p) || ts.isCallExpression(p)) && p.arguments?.includes(n as ts.Expression)) {
      return ERROR_CONSTRUCTOR.test(p.expression.getText());
    }
    if (ts.isStatement(p) || ts.isFunctionLike(p)) return false;
  }
  return false;
}

function numberReplacement(text: string): string | undefined {
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isFinite(value) || text.endsWith('n')) return undefined;
  if (value === 0) return '1';
  if (value === 1) return '0';
  return String(value + 1);
}

function isLiteralCondition(node: ts.Expression): boolean {
  return node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword;
}

/** Every candidate change at one node. */
function candidatesAt(node: ts.Node, source: ts.SourceFile, add: (c: Candidate) => void): void {
  const span = (n: ts.Node) => ({ start: n.getStart(source), end: n.getEnd() });
  const replace = (n: ts.Node, operator: MutationOperator, replacement: string) => add({ operator, replacement, ...span(n) });

  if (ts.isBinaryExpression(node)) {
    const kind = node.operatorToken.kind;
    const token = node.operatorToken;
    const swap = (operator: MutationOperator, table: Partial<Record<ts.SyntaxKind, string>>) => {
      const to = table[kind];
      if (to !== undefined) replace(token, operator, to);
    };
    swap('arithmetic', ARITHMETIC);
    swap('boundary', BOUNDARY);
    swap('comparison', COMPARISON);
    swap('logical', LOGICAL);
    swap('assignment', ASSIGNMENT);
    return;
  }
  if (ts.isIfStatement(node) && !isLiteralCondition(node.expression)) {
    replace(node.expression, 'condition', 'true');
    replace(node.expression, 'condition', 'false');
    return;
  }
  if (ts.isConditionalExpression(node) && !isLiteralCondition(node.condition)) {
    replace(node.condition, 'condition', 'true');
    replace(node.condition, 'condition', 'false');
    return;
  }
  // Loop conditions are only forced false: forced true, nearly every loop would run to the time limit.
  if ((ts.isWhileStatement(node) || ts.isDoStatement(node)) && !isLiteralCondition(node.expression)) {
    replace(node.expression, 'condition', 'false');
    return;
  }
  if (ts.isForStatement(node) && node.condition && !isLiteralCondition(node.condition)) {
    replace(node.condition, 'condition', 'false');
    return;
  }
  if (ts.isPrefixUnaryExpression(node)) {
    if (node.operator === ts.SyntaxKind.ExclamationToken) replace(node, 'negation', node.operand.getText(source));
    else if (node.operator === ts.SyntaxKind.PlusPlusToken) replace(node, 'update', `--${node.operand.getText(source)}`);
    else if (node.operator === ts.SyntaxKind.MinusMinusToken) replace(node, 'update', `++${node.operand.getText(source)}`);
    else if (node.operator === ts.SyntaxKind.MinusToken && !ts.isNumericLiteral(node.operand))
      replace(node, 'negation', node.operand.getText(source));
    return;
  }
  if (ts.isPostfixUnaryExpression(node)) {
    const to = node.operator === ts.SyntaxKind.PlusPlusToken ? '--' : '++';
    replace(node, 'update', `${node.operand.getText(source)}${to}`);
    return;
  }
  if (ts.isExpressionStatement(node) || ts.isThrowStatement(node)) {
    // `;` keeps `if (x) stmt;` a statement with an empty body. A directive ('use strict') is no behaviour.
    if (!(ts.isExpressionStatement(node) && ts.isStringLiteral(node.expression))) replace(node, 'statement', ';');
    return;
  }
  if (ts.isReturnStatement(node) && node.expression && node.expression.kind !== ts.SyntaxKind.UndefinedKeyword) {
    if (!(ts.isIdentifier(node.expression) && node.expression.text === 'undefined')) replace(node.expression, 'return', 'undefined');
    return;
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const name = node.expression.name.text;
    const swapTo = METHOD_SWAPS[name];
    if (swapTo) replace(node.expression.name, 'method', swapTo);
    if (REMOVABLE_CALLS.has(name) && !node.expression.questionDotToken) {
      replace(node, 'method', node.expression.expression.getText(source));
    }
  }
  if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node)) && node.questionDotToken) {
    // `a?.b` → `a.b`, `a?.[k]` → `a[k]`, `f?.()` → `f()`.
    const dot = node.questionDotToken;
    replace(dot, 'optional-chaining', ts.isPropertyAccessExpression(node) ? '.' : '');
    return;
  }
  if (ts.isNumericLiteral(node)) {
    const to = numberReplacement(node.getText(source));
    if (to !== undefined) replace(node, 'number', to);
    return;
  }
  if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !isProse(node)) {
    replace(node, 'string', node.text === '' ? '"mutated"' : '""');
    return;
  }
  if (node.kind === ts.SyntaxKind.TrueKeyword) replace(node, 'boolean', 'false');
  else if (node.kind === ts.SyntaxKind.FalseKeyword) replace(node, 'boolean', 'true');
  else if (ts.isArrayLiteralExpression(node) && node.elements.length > 0) replace(node, 'array', '[]');
}

/** Every mutant of `code`, in source order; the same change found twice (one node, two rules) appears once. */
export function generateMutants(code: string, fileName: string): Mutant[] {
  const kind = /\.[mc]?ts$/.test(fileName) ? ts.ScriptKind.TS : ts.ScriptKind.JS;
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, kind);
  const candidates: Candidate[] = [];
  const visit = (node: ts.Node): void => {
    if (inTypePosition(node)) return;
    // Imports, exports' names and enum/declare blocks carry no behaviour the tests could check.
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isModuleDeclaration(node)) return;
    candidatesAt(node, source, (c) => candidates.push(c));
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(source, visit);

  const seen = new Set<string>();
  const ids = new Map<string, number>();
  const mutants: Mutant[] = [];
  candidates.sort((a, b) => a.start - b.start || a.end - b.end);
  for (const c of candidates) {
    if (code.slice(c.start, c.end) === c.replacement) continue;
    const key = `${c.start}:${c.end}:${c.replacement}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const { line, character } = source.getLineAndCharacterOfPosition(c.start);
    const base = `${line + 1}:${character + 1} ${c.operator}`;
    const n = (ids.get(base) ?? 0) + 1;
    ids.set(base, n);
    mutants.push({ ...c, id: n === 1 ? base : `${base}#${n}`, line: line + 1, column: character + 1 });
  }
  return mutants;
}
