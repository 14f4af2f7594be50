export function latest(scores) {
  return scores.at(-1);
}

export function personalBest(scores) {
  return Math.max(...scores);
}

export function topThree(scores) {
  return [...scores].sort((a, b) => b - a).slice(0, 3);
}
