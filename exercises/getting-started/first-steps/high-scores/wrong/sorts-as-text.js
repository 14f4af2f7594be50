// sort() without a compare function orders numbers as strings: [100, 20, 5, 9].
export function latest(scores) {
  return scores[scores.length - 1];
}

export function personalBest(scores) {
  return Math.max(...scores);
}

export function topThree(scores) {
  return [...scores].sort().reverse().slice(0, 3);
}
