// Signals: small notices for the other nodes of a site that need no durability (a person's new
// real-time event seq, a typing indicator). The cross-node relay (events/relay.ts) connects `send`; on a
// single node it stays null and a signal goes nowhere, which is right: there is no one else to tell.

export type SignalHandler = (data: unknown) => void;

export interface SignalHub {
  /** Tells the other nodes (set by the relay on a multi-node site). */
  send: ((topic: string, data: unknown) => void) | null;
  publish(topic: string, data: unknown): void;
  on(topic: string, fn: SignalHandler): void;
  /** The relay's entry: a signal from another node. */
  received(topic: string, data: unknown): void;
}

export function createSignalHub(onError: (topic: string, err: unknown) => void): SignalHub {
  const handlers = new Map<string, SignalHandler[]>();
  const hub: SignalHub = {
    send: null,
    publish: (topic, data) => hub.send?.(topic, data),
    on(topic, fn) {
      handlers.set(topic, [...(handlers.get(topic) ?? []), fn]);
    },
    received(topic, data) {
      for (const fn of handlers.get(topic) ?? []) {
        try {
          fn(data);
        } catch (err) {
          onError(topic, err);
        }
      }
    },
  };
  return hub;
}
