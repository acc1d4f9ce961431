// The configuration: every key with its type, default and meaning. config.example.toml mirrors this file.
import { z } from "zod";
import { providerNames } from "../modules/payments/providers/index.ts";

const port = z.number().int().min(0).max(65535);
/** A sign-in provider's id (auth.oidc, and the ones the admin console saves). */
export const oidcProviderId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, "lower-case letters, digits, - and _ (at most 32)");

export const configSchema = z
  .object({
    server: z
      .object({
        /** Interface to listen on. "127.0.0.1" behind nginx; "0.0.0.0" or "::" to expose directly. */
        host: z.string().min(1).default("127.0.0.1"),
        /** HTTP port. */
        port: port.default(8080),
        /** The URL people use to reach the site; used for Origin checks and printed links. Empty = http://localhost:<port>. */
        public_url: z.union([z.literal(""), z.url()]).default(""),
        /** Trust X-Forwarded-For / X-Forwarded-Proto from a reverse proxy on this machine. */
        trust_proxy: z.boolean().default(false),
        /** Seconds to let in-flight requests finish on SIGTERM before closing connections. */
        shutdown_grace_seconds: z.number().int().min(0).max(300).default(10),
      })
      .strict()
      .prefault({}),
    data: z
      .object({
        /** Directory for the database, media and tokens. */
        dir: z.string().min(1).default("./data"),
      })
      .strict()
      .prefault({}),
    db: z
      .object({
        /** "sqlite": the embedded database file under data_dir (one node). "postgres": a PostgreSQL server at `url` (several nodes may share it). */
        dialect: z.enum(["sqlite", "postgres"]).default("sqlite"),
        /** postgres://user:password@host:port/database; required when dialect = "postgres". */
        url: z
          .union([z.literal(""), z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL")])
          .default(""),
        /** Connections this node opens for writes, and as many for reads (PostgreSQL only). */
        pool_size: z.number().int().min(1).max(500).default(10),
      })
      .strict()
      .prefault({}),
    auth: z
      .object({
        /** Session lifetime in days; extended on use (sliding expiry). */
        session_days: z.number().int().min(1).max(365).default(30),
        /** Failed logins allowed per email within the window before 429 (per client address: four times this). */
        login_max_failures: z.number().int().min(1).max(1000).default(5),
        /** Window for counting failed logins, in minutes. */
        login_window_minutes: z.number().int().min(1).max(1440).default(15),
        /** Sign-ups allowed per client address per hour (429 beyond). */
        signups_per_ip_per_hour: z.number().int().min(1).max(100_000).default(20),
        /** Cookie Secure flag: "auto" sets it when public_url is https. */
        cookie_secure: z.enum(["auto", "always", "never"]).default("auto"),
        oidc: z
          .object({
            /**
             * Sign-in providers ([[auth.oidc.providers]]), shown as "Continue with <name>". A provider set
             * here wins over one of the same id saved in the admin console (which then shows it read-only).
             * In the environment: FANZ_AUTH__OIDC='{"providers":[…]}' (JSON).
             */
            providers: z
              .array(
                z
                  .object({
                    /** Short id in URLs and links (lower-case letters, digits, - and _). */
                    id: oidcProviderId,
                    /** The name on the button: "Continue with <name>". */
                    name: z.string().trim().min(1).max(40),
                    /** The issuer; its /.well-known/openid-configuration is read. https, or http on loopback. */
                    issuer: z.url(),
                    client_id: z.string().min(1).max(512),
                    client_secret: z.string().max(2048).default(""),
                    /** Scopes asked for; "openid" is always added. */
                    scopes: z
                      .array(z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+$/))
                      .max(20)
                      .default(["openid", "email", "profile"]),
                  })
                  .strict(),
              )
              .max(20)
              .default([])
              .refine(
                (list) => new Set(list.map((p) => p.id)).size === list.length,
                "provider ids must be unique",
              ),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
    payments: z
      .object({
        /** Payment provider: the built-in "sandbox", "stripe" or "ccbill" (the table in payments/providers/index.ts). */
        provider: z.enum(providerNames).default("sandbox"),
        /** Days creator earnings stay pending before they become available for payout. */
        hold_days: z.number().int().min(0).max(365).default(7),
        /** Purchases (and checkouts started) a person may make per minute; 429 beyond. */
        purchases_per_minute: z.number().int().min(1).max(1_000_000).default(30),
        /** Default currency for new creators. */
        currency: z.enum(["USD", "EUR", "GBP"]).default("USD"),
        /** Stripe secret API key (sk_live_… / sk_test_…); required when provider = "stripe". */
        stripe_secret_key: z.string().default(""),
        /** Signing secret of the Stripe webhook endpoint (whsec_…); required when provider = "stripe". */
        stripe_webhook_secret: z.string().default(""),
        /** Base URL of the Stripe API. Empty = Stripe's real API; tests point it at a local fake. */
        stripe_api_base: z.union([z.literal(""), z.url()]).default(""),
        /** CCBill merchant account number (6 digits); required when provider = "ccbill". */
        ccbill_account: z
          .string()
          .regex(/^(\d{6})?$/, "must be the 6-digit account number")
          .default(""),
        /** CCBill subaccount the FlexForm sells through (4 digits, e.g. "0000"). */
        ccbill_subaccount: z
          .string()
          .regex(/^(\d{4})?$/, "must be the 4-digit subaccount")
          .default(""),
        /** The FlexForm's Flex ID (a UUID from the CCBill admin), its payment flow with Dynamic Pricing. */
        ccbill_flexform_id: z
          .string()
          .regex(/^[0-9A-Za-z-]{0,64}$/, "must be the Flex ID")
          .default(""),
        /** The Dynamic Pricing encryption key (salt) CCBill's merchant support issued; a secret. */
        ccbill_salt: z.string().default(""),
        /** Addresses CCBill's webhooks come from (CIDR); others get 403. Default: CCBill's published ranges. */
        ccbill_webhook_ips: z
          .array(z.string().regex(/^[0-9a-fA-F:.]+\/\d{1,3}$/, "must be a CIDR range like 64.38.212.0/24"))
          .default(["64.38.212.0/24", "64.38.215.0/24", "64.38.240.0/24", "64.38.241.0/24"]),
      })
      .strict()
      .prefault({}),
    scheduler: z
      .object({
        /** How often the scheduler looks for due work (scheduled posts, expiries), in milliseconds. */
        tick_ms: z.number().int().min(50).max(3_600_000).default(1000),
      })
      .strict()
      .prefault({}),
    jobs: z
      .object({
        /** Worker threads for media processing (images, video). 0 = one per CPU core. */
        workers: z.number().int().min(0).max(256).default(0),
        /** How often idle nodes look for runnable jobs, in milliseconds (new jobs on this node start at once). */
        poll_ms: z.number().int().min(50).max(60_000).default(1000),
        /** A running job's lock, renewed while it runs; a job whose node died is retried once it lapses. */
        lock_seconds: z.number().int().min(1).max(3600).default(60),
        /** Attempts before a job is marked failed for good. */
        max_attempts: z.number().int().min(1).max(100).default(5),
        /** First retry delay in seconds; each further retry waits twice as long. */
        backoff_seconds: z.number().int().min(1).max(86_400).default(10),
      })
      .strict()
      .prefault({}),
    media: z
      .object({
        /** Largest accepted upload, in megabytes; larger uploads get 413. */
        max_upload_mb: z.number().int().min(1).max(100_000).default(2048),
        /** Largest accepted creator avatar or banner, in megabytes; larger uploads get 413. */
        max_profile_image_mb: z.number().int().min(1).max(1000).default(10),
        /** Uploads one person may start per hour (429 beyond). */
        uploads_per_hour: z.number().int().min(1).max(1_000_000).default(500),
        /** ffmpeg binary for video. Empty = env FFMPEG_PATH, then `ffmpeg` on PATH. */
        ffmpeg_path: z.string().default(""),
      })
      .strict()
      .prefault({}),
    storage: z
      .object({
        /** Where media files live: "local" (under data_dir/media, served by nginx or the process) or "s3" (an S3-compatible bucket, served through the process). */
        driver: z.enum(["local", "s3"]).default("local"),
        /** S3 API endpoint, e.g. "https://s3.eu-central-1.amazonaws.com" or a MinIO URL. Empty = AWS S3 for `s3_region`. */
        s3_endpoint: z.union([z.literal(""), z.url()]).default(""),
        /** Region the bucket is in (S3-compatible servers usually accept "us-east-1"). */
        s3_region: z.string().min(1).default("us-east-1"),
        /** Bucket for media (keys under media/<id>/); required when driver = "s3". Use one bucket per site. */
        s3_bucket: z.string().default(""),
        /** Access key id with read, write, list and delete rights on the bucket; required when driver = "s3". */
        s3_access_key_id: z.string().default(""),
        /** Secret access key for `s3_access_key_id`; required when driver = "s3". */
        s3_secret_access_key: z.string().default(""),
        /** Path-style URLs (endpoint/bucket/key) instead of bucket.endpoint: MinIO and most self-hosted servers need it. */
        s3_force_path_style: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
    messages: z
      .object({
        /** Direct messages one person may send per minute before 429 (mass messages count once). */
        per_minute: z.number().int().min(1).max(10_000).default(30),
        /** Mass messages one creator may start per day. */
        mass_per_day: z.number().int().min(0).max(1000).default(10),
        /** Recipients a mass message's job writes per transaction. */
        mass_batch: z.number().int().min(1).max(5000).default(500),
        /** How long a person's real-time events stay replayable to a reconnecting client (/ws `after`). */
        replay_hours: z
          .number()
          .int()
          .min(1)
          .max(24 * 30)
          .default(24),
        /** Seconds between /ws heartbeats; a socket that misses one is closed. */
        heartbeat_seconds: z.number().int().min(1).max(600).default(30),
      })
      .strict()
      .prefault({}),
    live: z
      .object({
        /** Live streaming: creators publish over RTMP (OBS), viewers watch HLS. false = no ingest, no live pages. */
        enabled: z.boolean().default(true),
        /** Whether this node takes RTMP (one node of a site does; the others serve HLS from `ingest_url`). */
        ingest: z.boolean().default(true),
        /** RTMP port OBS publishes to (0 = any free port, for tests). */
        rtmp_port: z.number().int().min(0).max(65_535).default(1935),
        /** Address the RTMP port listens on. */
        rtmp_host: z.string().min(1).default("0.0.0.0"),
        /** The RTMP URL shown to creators. Empty = rtmp://<public_url host>:<rtmp_port>/live. */
        rtmp_url: z.string().default(""),
        /** Also make a lower rendition (480p, libx264) next to the copied source (CPU: see bench/RESULTS.md). */
        transcode: z.boolean().default(false),
        /** HLS segment length in seconds (publishers need a keyframe at least this often). */
        segment_seconds: z.number().int().min(1).max(6).default(1),
        /** Segments in the live playlist a player sees. */
        playlist_segments: z.number().int().min(3).max(30).default(6),
        /** Seconds a publisher that dropped may take to reconnect and continue the same stream and recording. */
        reconnect_seconds: z.number().int().min(0).max(600).default(30),
        /** Where nodes without the ingest fetch live HLS files (the ingest node's address, e.g. http://10.0.0.5:8080). Empty = this node's own disk. */
        ingest_url: z.union([z.literal(""), z.url()]).default(""),
        /** Chat lines one person may send per stream per 10 seconds. */
        chat_per_10s: z.number().int().min(1).max(1000).default(5),
      })
      .strict()
      .prefault({}),
    email: z
      .object({
        /**
         * How mail leaves: "file" writes each mail as an RFC 5322 .eml file under <data_dir>/mail/ and sends
         * nothing (trying a site out, or a mail pickup directory); "smtp" sends through `smtp_url`. With
         * "file", SMTP settings saved in the setup wizard or the admin console are used instead; "smtp"
         * here wins over them.
         */
        transport: z.enum(["file", "smtp"]).default("file"),
        /** smtp://user:password@host:587 (STARTTLS when offered) or smtps://…:465 (TLS); required when transport = "smtp". */
        smtp_url: z
          .union([z.literal(""), z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")])
          .default(""),
        /** The address mails come from (the sender's name is the site's name). Empty = the address saved with the SMTP settings, else no-reply@<public_url host>. */
        from: z.union([z.literal(""), z.email()]).default(""),
        /** Seconds a new-message mail waits; if the person reads the conversation meanwhile it is not sent. */
        message_delay_seconds: z.number().int().min(0).max(86_400).default(300),
      })
      .strict()
      .prefault({}),
    push: z
      .object({
        /** Accept web push endpoints over plain http:// and on local hosts (a test push service only; browsers' push services are public https hosts). */
        allow_http_endpoints: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
    cache: z
      .object({
        /**
         * Seconds the in-process caches of hot rows (timelines, posts, author cards) keep an entry. Changes
         * made through this process show at once; this bounds how long a change made by another process
         * (a fanzctl command) goes unseen. 0 turns the caches off.
         */
        ttl_seconds: z.number().int().min(0).max(3600).default(10),
      })
      .strict()
      .prefault({}),
    backup: z
      .object({
        /**
         * Where `fanzctl backup` writes (and --list, --verify, restore and retention look). Empty =
         * <data_dir>/backups. Another disk is better: a backup on the disk it protects dies with it.
         */
        dir: z.string().default(""),
        /** Backups kept in the backup dir: after `fanzctl backup`, older ones beyond this are removed. */
        keep: z.number().int().min(1).max(10_000).default(7),
      })
      .strict()
      .prefault({}),
    geo: z
      .object({
        /**
         * A MaxMind GeoLite2/GeoIP2 Country database (.mmdb) the operator supplies; empty = none. Read at
         * start and again when the file changes. Creators' blocked countries apply where a country is known.
         */
        database: z.string().default(""),
        /**
         * A header a trusted proxy or CDN sets to the client's country (e.g. "CF-IPCountry", or the one
         * nginx's geoip2 module fills); empty = none. Set it only when every request passes that proxy:
         * anyone reaching the site directly can send any header. It wins over the database when set.
         */
        country_header: z
          .string()
          .regex(/^([A-Za-z0-9-]{1,64})?$/, "must be a header name")
          .default(""),
      })
      .strict()
      .prefault({}),
    privacy: z
      .object({
        /** Days a personal data export can be downloaded; then its file is removed. */
        export_days: z.number().int().min(1).max(90).default(7),
        /** Data exports a person may request per day. */
        exports_per_day: z.number().int().min(1).max(100).default(3),
      })
      .strict()
      .prefault({}),
    security: z
      .object({
        /** 64 hex characters: the key that encrypts payout details at rest. Empty = <data_dir>/secret.key (created on first start; back it up). */
        secret_key: z
          .string()
          .regex(/^([0-9a-fA-F]{64})?$/, "must be 64 hex characters")
          .default(""),
      })
      .strict()
      .prefault({}),
    compliance: z
      .object({
        /**
         * Base64 of 32 bytes: the key that encrypts identity documents, releases and the identity fields of
         * KYC and 2257 records (AES-256-GCM). Empty = <data_dir>/documents.key, created on first start (mode
         * 0600; back it up with the documents: without it they cannot be read).
         */
        documents_key: z
          .string()
          .refine((s) => s === "" || Buffer.from(s, "base64").length === 32, "must be base64 of 32 bytes")
          .default(""),
        /** Largest accepted identity document, selfie or signed release, in megabytes (413 beyond). */
        max_document_mb: z.number().int().min(1).max(100).default(15),
        /** DMCA notices one address may send per hour, then 429. */
        dmca_notices_per_hour: z.number().int().min(1).max(10_000).default(5),
      })
      .strict()
      .prefault({}),
    webhooks: z
      .object({
        /**
         * Deliver to private, loopback, link-local, unique-local, CGNAT and multicast addresses. Off: a
         * webhook URL whose host resolves to one is refused at registration and again before each delivery.
         */
        allow_private: z.boolean().default(false),
        /** Seconds a delivery may take (connect, send, answer) before it counts as failed. */
        timeout_seconds: z.number().int().min(1).max(60).default(10),
        /** Bytes of a receiver's answer that are read (and kept in the log, cut); the rest is dropped. */
        max_response_bytes: z.number().int().min(0).max(1_048_576).default(65_536),
        /** The first retry waits this long; each further retry waits twice as long (capped at 6 hours). */
        retry_base_seconds: z.number().int().min(1).max(3600).default(30),
        /** A delivery is retried until this many hours after the event, then given up. */
        retry_hours: z.number().int().min(1).max(720).default(72),
        /** A webhook is disabled (and its owner told) after this many failed attempts in a row. */
        disable_after_failures: z.number().int().min(1).max(10_000).default(40),
        /** Webhooks one person may have. */
        max_per_owner: z.number().int().min(1).max(100).default(10),
      })
      .strict()
      .prefault({}),
    metrics: z
      .object({
        /** GET /metrics in the Prometheus text format, and the per-request figures behind it. */
        enabled: z.boolean().default(true),
        /**
         * A bearer token that opens /metrics to a scraper on another machine. Empty = only requests from
         * this machine (a loopback socket, and no proxy header naming another client) may read it.
         */
        token: z
          .string()
          .refine((s) => s === "" || s.length >= 16, "must be at least 16 characters")
          .default(""),
      })
      .strict()
      .prefault({}),
    log: z
      .object({
        /** debug | info | warn | error */
        level: z.enum(["debug", "info", "warn", "error"]).default("info"),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type Config = z.infer<typeof configSchema>;
