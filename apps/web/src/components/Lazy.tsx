// Load a page's code on first use (the exercise page carries CodeMirror, the bulk of the bundle).
import type { FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazyPage<P extends object>(load: () => Promise<FunctionComponent<P>>): FunctionComponent<P> & { preload(): void } {
  let loaded: FunctionComponent<P> | null = null;
  let pending: Promise<FunctionComponent<P>> | null = null;
  const get = () => (pending ??= load().then((c) => (loaded = c)));
  const Page = (props: P) => {
    const [Comp, setComp] = useState<FunctionComponent<P> | null>(() => loaded);
    const [failed, setFailed] = useState(false);
    useEffect(() => {
      if (!Comp)
        get().then(
          (c) => setComp(() => c),
          () => setFailed(true),
        );
      // eslint-disable-next-line react-hooks/exhaustive-deps -- load once per mount
    }, []);
    if (failed)
      return (
        <main id="main" class="page">
          <p class="error" role="alert">
            Could not load this page. Check your connection and reload.
          </p>
        </main>
      );
    return Comp ? (
      <Comp {...props} />
    ) : (
      <main id="main" class="page">
        <p class="muted">Loading…</p>
      </main>
    );
  };
  Page.preload = () => void get().catch(() => undefined);
  return Page;
}
