// A port: what a lower module needs from a higher one, declared as an interface by the lower module and
// connected to the higher module's implementation in the composition root (src/services.ts). The lower
// module never imports the higher one, so the module graph stays acyclic. Used only where an answer is
// needed inside the caller's transaction; reactions go through domain events instead.
export interface Port<T> {
  connect(impl: T): void;
  /** The connected implementation; throws if the composition root did not connect one. */
  get(): T;
}

export function port<T>(name: string): Port<T> {
  let impl: T | null = null;
  return {
    connect(next: T) {
      if (impl) throw new Error(`port ${name} is already connected`);
      impl = next;
    },
    get() {
      if (!impl) throw new Error(`port ${name} is not connected`);
      return impl;
    },
  };
}
