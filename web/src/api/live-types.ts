// Live streaming shapes, written from the agreed API until the generated schema (schema.gen.ts) has
// them; then these aliases point at `components["schemas"]` and the calls in client.ts go through `call`.

export type LiveStatus = "scheduled" | "live" | "ended";
export type LiveAccess = "subscribers" | "public" | "ticket";

export interface LivePerson {
  username: string;
  displayName: string;
  avatarUrl: string | null;
}

export interface LiveStream {
  id: string;
  creator: LivePerson;
  status: LiveStatus;
  title: string;
  access: LiveAccess;
  /** The ticket price (0 unless access is "ticket"). */
  priceCents: number;
  currency: string;
  record: boolean;
  scheduledAt: number | null;
  startedAt: number | null;
  endedAt: number | null;
  /** The viewer may not watch. */
  locked: boolean;
  hasTicket: boolean;
  viewers: number;
  /** The HLS master playlist (same origin, the session cookie authorises it); null when locked. */
  playlistUrl: string | null;
  /** A still of the stream, blurred for locked viewers. */
  posterUrl: string | null;
  /** The owner only: the draft post made from the recording. */
  recordingPostId: string | null;
  createdAt: number;
}

export interface LiveChatItem {
  id: string;
  streamId: string;
  kind: "chat" | "tip";
  text: string;
  amountCents: number | null;
  currency: string | null;
  user: LivePerson;
  createdAt: number;
}

export interface LiveKey {
  rtmpUrl: string;
  streamKey: string;
}

export interface LiveStreamInput {
  title: string;
  access: LiveAccess;
  priceCents?: number;
  record?: boolean;
  scheduledAt?: number | null;
}

export type LiveStreamPatch = Partial<LiveStreamInput>;

export type LiveModerationAction = "mute" | "unmute" | "remove";
