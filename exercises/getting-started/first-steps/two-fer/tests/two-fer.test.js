import { twoFer } from './two-fer';

describe('twoFer', () => {
  test('a name given', () => {
    expect(twoFer('Alice')).toBe('One for Alice, one for me.');
  });

  test('another name given', () => {
    expect(twoFer('Bohdan')).toBe('One for Bohdan, one for me.');
  });

  test('no name given', () => {
    expect(twoFer()).toBe('One for you, one for me.');
  });
});
