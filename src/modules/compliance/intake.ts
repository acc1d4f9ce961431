// What every compliance form shares: the collaborators, the upload request, refusing one before reading
// it, and the rule that a refused or failed form leaves no file and no row.
import type { AppContext } from "../../context.ts";
import type { DrizzleDb } from "../../db/client.ts";
import { discard } from "../../lib/drain.ts";
import { DAY } from "../../lib/clock.ts";
import { Invalid, TooLarge, type AppError } from "../../lib/errors.ts";
import type { AuditService } from "../audit/service.ts";
import type { NotificationsService } from "../notifications/service.ts";
import type { RateLimitService } from "../ratelimit/service.ts";
import type { SiteService } from "../site/service.ts";
import type { UsersService } from "../users/service.ts";
import type { DocumentStore } from "./documents.ts";
import type { DocumentKind, DocumentRow } from "./tables.ts";
import { receiveForm, type FormSpec, type ReceivedForm } from "./upload.ts";

export interface ComplianceDeps {
  users: Pick<UsersService, "byId" | "byUsername" | "namesByIds" | "setStatusTx">;
  site: Pick<SiteService, "settings">;
  audit: Pick<AuditService, "recordTx" | "record">;
  notifications: Pick<NotificationsService, "notifyTx">;
  rateLimit: Pick<RateLimitService, "consume" | "consumeTx">;
}

/** Who acts, as routes know them: the person, their role and their address (for the audit log). */
export interface Actor {
  id: string;
  role: string;
  ip: string | null;
}

export interface UploadRequest {
  body: ReadableStream<Uint8Array> | null;
  contentType: string | undefined;
  contentLength: string | undefined;
}

/** Multipart framing and the small text fields around the files. */
const SLACK = 256 * 1024;

export function createIntake(ctx: AppContext, deps: ComplianceDeps, store: DocumentStore) {
  const maxFileBytes = ctx.config.compliance.max_document_mb * 1024 * 1024;

  /** Refuses before reading: what the client still sends is drained, so it reads the answer. */
  async function refuse(req: UploadRequest, err: AppError): Promise<never> {
    if (req.body) await discard(req.body.getReader());
    throw err;
  }

  return {
    refuse,
    /**
     * Reads the form (each file sniffed, size-limited, encrypted into a temp file), then runs `use`, which
     * validates, calls `commit` to move the files in place and writes its rows. Whatever fails on the way,
     * every file of the form is removed.
     */
    async receive<T>(
      req: UploadRequest,
      spec: Omit<FormSpec, "maxFileBytes">,
      limitKey: string,
      use: (form: ReceivedForm, commit: () => Promise<void>) => Promise<T>,
    ): Promise<T> {
      const declared = Number(req.contentLength);
      if (Number.isFinite(declared) && declared > spec.files.length * maxFileBytes + SLACK)
        await refuse(
          req,
          new TooLarge(`A document may be at most ${ctx.config.compliance.max_document_mb} MB.`),
        );
      try {
        await deps.rateLimit.consume(
          [[limitKey, { max: 20, windowMs: DAY }]],
          "Too many submissions today; try again tomorrow.",
        );
      } catch (err) {
        await refuse(req, err as AppError);
      }
      const form = await receiveForm(req.body, req.contentType, { ...spec, maxFileBytes }, store);
      const ids = [...form.files.values()].map((f) => f.id);
      try {
        const missing = spec.files.filter((f) => !form.files.has(f));
        if (missing.length > 0)
          throw new Invalid("Some documents are missing.", {
            fields: Object.fromEntries(
              missing.map((f) => [f, "Required: a JPEG, PNG or WebP photo or a PDF"]),
            ),
          });
        return await use(form, async () => {
          for (const id of ids) await store.commit(id);
        });
      } catch (err) {
        await store
          .remove(ids)
          .catch((e: unknown) => ctx.logger.warn("could not remove a refused document", { err: String(e) }));
        throw err;
      }
    },
  };
}

export type Intake = ReturnType<typeof createIntake>;

/** A client's file name made safe to show: no path, no control characters, bounded length. */
const cleanName = (raw: string) =>
  (raw.split(/[\\/]/).pop() ?? "")
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .replace(/^\.+/, "")
    .trim()
    .slice(0, 200);

/** The document rows of a received form's files. */
export function documentRows(
  form: ReceivedForm,
  ownerId: string,
  kinds: Record<string, DocumentKind>,
  t: number,
): DocumentRow[] {
  return Object.entries(kinds).map(([field, kind]) => {
    const f = form.files.get(field)!;
    return {
      id: f.id,
      ownerId,
      kind,
      mime: f.sniffed.mime,
      sizeBytes: f.size,
      fileName: cleanName(f.fileName) || `${kind}.${f.sniffed.ext}`,
      createdAt: t,
    };
  });
}

/** Days to ms, from a site setting. */
export const days = (n: number) => n * DAY;

export type Tx = DrizzleDb;
