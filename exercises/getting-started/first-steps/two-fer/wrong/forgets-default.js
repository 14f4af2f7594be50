// Forgets the default: twoFer() says "One for undefined, one for me."
export function twoFer(name) {
  return `One for ${name}, one for me.`;
}
