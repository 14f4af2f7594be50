// Scores arrive oldest first, e.g. [30, 50, 20, 70].

export function latest(scores) {
  throw new Error('Return the most recent score');
}

export function personalBest(scores) {
  throw new Error('Return the highest score');
}

export function topThree(scores) {
  throw new Error('Return the three highest scores, highest first');
}
