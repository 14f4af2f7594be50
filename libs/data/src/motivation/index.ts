export { recordMotivation, type MotivationInput, type MotivationOutcome } from './record-motivation';
export { ensureQuests, questPeriods, questViews } from './quests';
export { wallet, purchase, gemBalance, awardGems, type PurchaseResult } from './wallet';
export { createBossEvent, currentBoss, settleEndedBosses, dealBossDamage } from './boss';
export { leagueView, addLeagueXp } from './leagues';
