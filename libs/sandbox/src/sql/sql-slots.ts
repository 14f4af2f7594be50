// Which sandbox child holds which database slot, and whether that slot is ready for a grading: a slot
// is provisioned the first time its child takes a job with a database, and reset after every such job
// before the child may take another one (sandbox-database.ts).
import { SandboxDatabase, type SqlSlot } from './sandbox-database';

type SlotState = { kind: 'provisioning' } | { kind: 'ready'; slot: SqlSlot } | { kind: 'resetting'; slot: SqlSlot } | { kind: 'failed' };

export class SqlSlots<Owner> {
  private readonly slots = new Map<Owner, SlotState>();
  private readonly database: SandboxDatabase;
  private closed = false;
  /** The last provisioning or reset failure, for the sandbox_error message and the log. */
  lastError: string | null = null;

  constructor(adminUrl: string) {
    this.database = new SandboxDatabase(adminUrl);
    // Leftover slots of dead processes are swept now, not at the first SQL grading (a failure is retried then).
    this.database.start().catch((error: unknown) => {
      this.lastError = error instanceof Error ? error.message : String(error);
      console.error(`[sandbox] could not prepare the sandbox database: ${this.lastError}`);
    });
  }

  /** The owner's slot if it can take a grading now; otherwise starts what makes it ready and calls `onChange` then. */
  ready(owner: Owner, onChange: () => void): SqlSlot | undefined {
    const state = this.slots.get(owner);
    if (state?.kind === 'ready') return state.slot;
    if (state === undefined) this.provision(owner, onChange);
    return undefined;
  }

  /** Every owner's slot failed to come up: graders should not wait for one. */
  get failing(): boolean {
    return this.slots.size > 0 && [...this.slots.values()].every((state) => state.kind === 'failed');
  }

  /** Forget failures so the next job tries again (a database that was down may be back). */
  retryFailed(): void {
    for (const [owner, state] of this.slots) if (state.kind === 'failed') this.slots.delete(owner);
  }

  private provision(owner: Owner, onChange: () => void): void {
    this.slots.set(owner, { kind: 'provisioning' });
    this.database.provision().then(
      (slot) => {
        if (this.closed) return void this.database.release(slot).catch(() => {});
        this.slots.set(owner, { kind: 'ready', slot });
        onChange();
      },
      (error: unknown) => {
        this.lastError = error instanceof Error ? error.message : String(error);
        console.error(`[sandbox] could not provision a sandbox database slot: ${this.lastError}`);
        this.slots.set(owner, { kind: 'failed' });
        onChange();
      },
    );
  }

  /** After a grading in the owner's slot: reset it, then `onChange`. */
  used(owner: Owner, onChange: () => void): void {
    const state = this.slots.get(owner);
    if (state?.kind !== 'ready') return;
    this.slots.set(owner, { kind: 'resetting', slot: state.slot });
    this.database.reset(state.slot).then(
      () => {
        if (this.slots.get(owner)?.kind === 'resetting') this.slots.set(owner, { kind: 'ready', slot: state.slot });
        onChange();
      },
      (error: unknown) => {
        // A slot that cannot be reset is never reused: its role is dropped and a new one made next time.
        this.lastError = error instanceof Error ? error.message : String(error);
        console.error(`[sandbox] could not reset a sandbox database slot: ${this.lastError}`);
        this.slots.delete(owner);
        void this.database.release(state.slot).catch(() => {});
        onChange();
      },
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    const slots = [...this.slots.values()].flatMap((state) => ('slot' in state ? [state.slot] : []));
    this.slots.clear();
    await Promise.all(slots.map((slot) => this.database.release(slot).catch(() => {})));
    await this.database.close();
  }
}
