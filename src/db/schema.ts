// Every table of every module, for drizzle-kit and typed queries. Modules own their tables.
export * from "../modules/users/tables.ts";
export * from "../modules/auth/tables.ts";
export * from "../modules/ratelimit/tables.ts";
export * from "../modules/site/tables.ts";
export * from "../modules/creators/tables.ts";
export * from "../modules/posts/tables.ts";
export * from "../modules/subscriptions/tables.ts";
export * from "../modules/entitlement/tables.ts";
export * from "../modules/payments/tables.ts";
export * from "../modules/payouts/tables.ts";
export * from "../modules/notifications/tables.ts";
export * from "../modules/media/tables.ts";
export * from "../modules/messages/tables.ts";
export * from "../modules/realtime/tables.ts";
export * from "../modules/live/tables.ts";
export * from "../jobs/tables.ts";
export * from "../events/tables.ts";
