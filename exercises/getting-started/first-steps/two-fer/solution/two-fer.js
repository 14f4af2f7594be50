export function twoFer(name = 'you') {
  return `One for ${name}, one for me.`;
}
