// A fresh isolate with the harness already loaded and locked down, waiting for its one job. The child
// prepares the next one while it is idle, so creating the isolate and starting the harness (about half
// of a grading's cost) is off the critical path. Every isolate still serves exactly one grading.
import ivm from 'isolated-vm';

export interface HarnessCode {
  code: string;
  cachedData?: ivm.ExternalCopy<ArrayBuffer>;
}

export type Control = ivm.Reference<(command: string, argument: string) => string>;

export const HARNESS_FILE = 'questline-harness.js';
/** The harness is our own bounded code; this only guards against a harness bug. */
const HARNESS_START_TIMEOUT_MS = 2000;

export class PreparedIsolate {
  /** Where the harness's progress reports go; set by the job that takes this isolate. */
  onReport: (json: unknown) => void = () => {};
  /** Set by isolated-vm's catastrophic-error hook; the child aborts. */
  onCatastrophic: (message: string) => void;

  private constructor(
    readonly isolate: ivm.Isolate,
    readonly context: ivm.Context,
    readonly control: Control,
    readonly memoryMb: number,
    onCatastrophic: (message: string) => void,
  ) {
    this.onCatastrophic = onCatastrophic;
  }

  static async create(harness: HarnessCode, memoryMb: number, onCatastrophic: (message: string) => void): Promise<PreparedIsolate> {
    let prepared: PreparedIsolate | undefined;
    const isolate = new ivm.Isolate({
      memoryLimit: memoryMb,
      onCatastrophicError: (message) => (prepared?.onCatastrophic ?? onCatastrophic)(String(message)),
    });
    try {
      // Synchronous calls throughout: only our harness runs here (no learner code exists yet), and each
      // async call costs a hop to the isolate's thread and back, ~0.75 ms of the ~4.2 ms this took (measured).
      // The isolate's timeout still bounds the harness start-up.
      const context = isolate.createContextSync();
      const jail = context.global;
      // Captured by the harness and deleted from the global before any learner code exists.
      jail.setSync('__questlineReport', new ivm.Callback((json: unknown) => prepared?.onReport(json), { ignored: true }));
      const script = isolate.compileScriptSync(harness.code, {
        filename: HARNESS_FILE,
        ...(harness.cachedData ? { cachedData: harness.cachedData } : {}),
      });
      script.runSync(context, { timeout: HARNESS_START_TIMEOUT_MS });
      const control = jail.getSync('__questlineControl', { reference: true }) as Control;
      jail.deleteSync('__questlineControl');
      prepared = new PreparedIsolate(isolate, context, control, memoryMb, onCatastrophic);
      return prepared;
    } catch (error) {
      if (!isolate.isDisposed) isolate.dispose();
      throw error;
    }
  }

  dispose(): void {
    try {
      if (!this.isolate.isDisposed) this.isolate.dispose();
    } catch {
      // already disposed by the memory limit
    }
  }
}
