// The Postgres twins of every table (db/pg-schema.ts), one export each, for drizzle-kit
// (drizzle.pg.config.ts). Not imported at run time.
import { pgTables } from "../pg-schema.ts";

export const {
  users,
  sessions,
  rate_limits,
  site_settings,
  creator_profiles,
  posts,
  post_likes,
  post_comments,
  subscriptions,
  post_unlocks,
  ledger_accounts,
  ledger_transactions,
  ledger_entries,
  earning_holds,
  checkouts,
  webhook_events,
  payout_methods,
  payouts,
  notifications,
  media,
  post_media,
  jobs,
  events,
  event_consumers,
} = pgTables;
