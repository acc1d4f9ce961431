// The shape of the demo content (see catalog.ts and creators/).
import type { Bundle } from "../../src/modules/creators/tables.ts";
import type { Visibility } from "../../src/modules/posts/tables.ts";
import type { PhotoStyle } from "./media.ts";

export interface DemoComment {
  text: string;
  reply?: string;
}

export interface DemoPost {
  text: string;
  visibility: Visibility;
  priceCents?: number;
  /** How many generated photos it carries, and the caption drawn on them. */
  photos?: number;
  caption?: string;
  /** The picture style, when not the creator's usual one. */
  style?: PhotoStyle;
  /** A short generated video with this title. */
  video?: string;
  daysAgo: number;
  /** Lines fans write under this post in particular (and the creator's answers). */
  comments?: DemoComment[];
  /** Written this many days earlier and published by the scheduler when its time came. */
  scheduledDaysEarlier?: number;
}

export interface DemoCreator {
  username: string;
  displayName: string;
  bio: string;
  priceCents: number;
  bundles: Bundle[];
  trialDays: number;
  style: PhotoStyle;
  /** Chance that a fan subscribes. */
  appeal: number;
  posts: DemoPost[];
  /** A post still ahead of its publication time when the seed ends. */
  scheduled?: { text: string; visibility: Visibility; inDays: number };
  /** What fans say under this creator's posts (besides the generic lines), and how the creator answers. */
  comments: DemoComment[];
}
