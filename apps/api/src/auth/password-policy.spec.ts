import { passwordWeakness } from './password-policy';

describe('passwordWeakness', () => {
  it.each(['12345678', 'password', 'Password1', 'qwertyuiop', 'iloveyou'])('refuses the common password %s and says why', (pw) => {
    expect(passwordWeakness(pw)).toMatch(/^Password is too easy to guess: it is on the list of commonly used passwords/);
  });

  it('refuses a short keyboard pattern or sequence that is not on the list', () => {
    expect(passwordWeakness('abcdefgh1')).toMatch(/too easy to guess/);
    expect(passwordWeakness('zxcvbnm,./')).toMatch(/too easy to guess/);
  });

  it('refuses a password built from the learner’s own email or name', () => {
    expect(passwordWeakness('grace.hopper', [])).toBeNull();
    expect(passwordWeakness('grace.hopper', ['grace.hopper@example.com', 'Grace Hopper'])).toMatch(/your email or name|too easy/);
  });

  it.each(['correct horse battery', 'tangerine lighthouse quietly', 'pw-0a1b2c3d4e5f6a7b'])('accepts %s', (pw) => {
    expect(passwordWeakness(pw)).toBeNull();
  });
});

describe('passwordWeakness on long passwords', () => {
  it('judges the leading characters: a long repetition of a common word is still refused', () => {
    expect(passwordWeakness('password'.repeat(25))).toMatch(/too easy to guess/);
    expect(passwordWeakness(`${'tangerine lighthouse quietly '.repeat(3)}12345678`)).toBeNull();
  });
});
