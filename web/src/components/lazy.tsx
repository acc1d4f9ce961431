// Parts most visitors never open, each fetched the first time it is shown: the composer (with the
// media picker) and the payment and report dialogs. Pages render these instead of importing them,
// so the first visit's bundle carries none of them. Each has a Suspense boundary of its own: loading
// one must not put an enclosing boundary (a page's list) back to its fallback.
import { lazy, Suspense, type Component, type ComponentProps } from "solid-js";
import type UnlockDialog from "./UnlockDialog";

function deferred<P extends Record<string, unknown>>(load: () => Promise<{ default: Component<P> }>) {
  const Inner = lazy(load);
  return (props: P) => (
    <Suspense>
      <Inner {...props} />
    </Suspense>
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any props: the constraint only asks for a component
type Props<M extends { default: (props: any) => unknown }> = Parameters<M["default"]>[0];

export const LazyComposer = deferred<Props<typeof import("./Composer")>>(() => import("./Composer"));
export const LazyTipDialog = deferred<Props<typeof import("./TipDialog")>>(() => import("./TipDialog"));
export const LazySubscribeDialog = deferred<Props<typeof import("./SubscribeDialog")>>(
  () => import("./SubscribeDialog"),
);
export const LazyReportDialog = deferred<Props<typeof import("./ReportDialog")>>(
  () => import("./ReportDialog"),
);

const UnlockInner = lazy(() => import("./UnlockDialog"));
/** Generic like the dialog itself: `unlock` answers what `onUnlocked` is given. */
export function LazyUnlockDialog<T>(props: ComponentProps<typeof UnlockDialog<T>>) {
  return (
    <Suspense>
      <UnlockInner {...(props as ComponentProps<typeof UnlockDialog<unknown>>)} />
    </Suspense>
  );
}
