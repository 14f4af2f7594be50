// Return "One for <name>, one for me." and use "you" when no name is given.
export function twoFer(name) {
  throw new Error('Write your twoFer function here!');
}
