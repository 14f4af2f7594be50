import { twoFer } from './two-fer';

describe('twoFer (hidden)', () => {
  test('a name with spaces is used as it is', () => {
    expect(twoFer('Mary Ann')).toBe('One for Mary Ann, one for me.');
  });

  test('the name is not always Alice', () => {
    expect(twoFer('Zoë')).toBe('One for Zoë, one for me.');
  });
});
