// Gems: the balance is the sum of the learner's ledger rows; every row is an award or a purchase under a
// unique (user, reason, ref), so delivering the same award or purchase twice records it once.
import type { EntityManager } from 'typeorm';
import type { GemLedgerEntryView, WalletView } from '@questline/contracts';
import { SHOP, checkPurchase, type GemReason, type PurchaseRefusal, type ShopItemKey } from '@questline/gamification';

/** Adds a ledger row unless that (user, reason, ref) exists; true when it was added. */
export async function awardGems(
  manager: EntityManager,
  userId: string,
  reason: GemReason,
  ref: string,
  delta: number,
  note: string,
): Promise<boolean> {
  if (delta === 0) return false;
  const rows: unknown[] = await manager.query(
    `INSERT INTO "gem_ledger" ("user_id", "delta", "reason", "ref", "note") VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT ON CONSTRAINT "UQ_gem_ledger_award" DO NOTHING RETURNING 1`,
    [userId, delta, reason, ref, note.slice(0, 200)],
  );
  return rows.length > 0;
}

export async function gemBalance(manager: EntityManager, userId: string): Promise<number> {
  const [row]: Array<{ gems: number }> = await manager.query(
    `SELECT coalesce(sum("delta"), 0)::int AS "gems" FROM "gem_ledger" WHERE "user_id" = $1`,
    [userId],
  );
  return row.gems;
}

/** What the learner holds of each shop item; streak freezes are the streak's own counter. */
async function holdings(manager: EntityManager, userId: string): Promise<Record<ShopItemKey, number>> {
  const rows: Array<{ item: string; held: number }> = await manager.query(
    `SELECT "item", "held" FROM "inventory" WHERE "user_id" = $1
     UNION ALL SELECT 'streak-freeze', "streak_freezes" FROM "learner_progress" WHERE "user_id" = $1`,
    [userId],
  );
  const held: Record<ShopItemKey, number> = { 'streak-freeze': 0, 'spree-armor': 0, 'hint-discount': 0 };
  for (const row of rows) if (row.item in held) held[row.item as ShopItemKey] = row.held;
  return held;
}

export async function wallet(manager: EntityManager, userId: string): Promise<WalletView> {
  const [gems, held, recent] = await Promise.all([
    gemBalance(manager, userId),
    holdings(manager, userId),
    manager.query(`SELECT "delta", "reason", "note", "created_at" FROM "gem_ledger" WHERE "user_id" = $1 ORDER BY "id" DESC LIMIT 10`, [
      userId,
    ]) as Promise<Array<{ delta: number; reason: GemLedgerEntryView['reason']; note: string; created_at: Date }>>,
  ]);
  return {
    gems,
    items: SHOP.map((item) => ({
      key: item.key,
      title: item.title,
      description: item.description,
      price: item.price,
      held: held[item.key],
      maxHeld: item.maxHeld,
    })),
    recent: recent.map((r) => ({ delta: r.delta, reason: r.reason, note: r.note, at: r.created_at.toISOString() })),
  };
}

export type PurchaseResult = { ok: true; replayed: boolean } | { ok: false; reason: PurchaseRefusal };

/**
 * Buys one item, idempotently per key: the learner's purchases are serialised by a transaction lock, a key
 * already used answers as the first time, and the ledger's unique key backs both up. Call inside a transaction.
 */
export async function purchase(manager: EntityManager, userId: string, itemKey: string, idempotencyKey: string): Promise<PurchaseResult> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('gems:' || $1::text))`, [userId]);
  const ref = `${idempotencyKey}`;
  const [seen]: unknown[] = await manager.query(
    `SELECT 1 FROM "gem_ledger" WHERE "user_id" = $1 AND "reason" = 'purchase' AND "ref" = $2`,
    [userId, ref],
  );
  if (seen) return { ok: true, replayed: true };
  const [balance, held] = await Promise.all([gemBalance(manager, userId), holdings(manager, userId)]);
  const check = checkPurchase(itemKey, balance, held[itemKey as ShopItemKey] ?? 0);
  if (!check.ok) return check;
  await awardGems(manager, userId, 'purchase', ref, -check.item.price, `Bought: ${check.item.title}`);
  if (check.item.key === 'streak-freeze') {
    await manager.query(`INSERT INTO "learner_progress" ("user_id") VALUES ($1) ON CONFLICT DO NOTHING`, [userId]);
    await manager.query(`UPDATE "learner_progress" SET "streak_freezes" = "streak_freezes" + 1 WHERE "user_id" = $1`, [userId]);
  } else {
    await manager.query(
      `INSERT INTO "inventory" ("user_id", "item", "held") VALUES ($1, $2, 1)
       ON CONFLICT ("user_id", "item") DO UPDATE SET "held" = "inventory"."held" + 1`,
      [userId, check.item.key],
    );
  }
  return { ok: true, replayed: false };
}
