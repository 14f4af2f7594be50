import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * For local runs only: read the JWT secret from `<dataDir>/jwt-secret`, creating it (mode 0600) on
 * first use, so every local api process signs and verifies with the same key and tokens survive a
 * restart. Production must set JWT_SECRET instead (loadConfig enforces it).
 */
export function readOrCreateJwtSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret');
  const existing = readSecret(file);
  if (existing) return existing;
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secret = crypto.randomBytes(48).toString('base64url');
  try {
    // 'wx' fails if another process won the race; then we read what it wrote.
    fs.writeFileSync(file, `${secret}\n`, { flag: 'wx', mode: 0o600 });
    return secret;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'EEXIST') {
      const winner = readSecret(file);
      if (winner) return winner;
    }
    throw error;
  }
}

function readSecret(file: string): string | undefined {
  try {
    const value = fs.readFileSync(file, 'utf8').trim();
    return value.length >= 32 ? value : undefined;
  } catch {
    return undefined;
  }
}
