// fanzctl storage migrate --to s3: copies every medium's files from data_dir/media to the S3 bucket of the
// [storage] s3_* settings (flags override them), checksum-checked and resumable; the work is in
// cli/lib/storage-migrate.ts.
import type { Command } from "commander";
import { withCommonOptions } from "../options.ts";
import type { MigrateOptions } from "../lib/storage-migrate.ts";

export function registerStorage(program: Command): void {
  const storage = program.command("storage").description("move media between storage drivers");
  withCommonOptions(
    storage
      .command("migrate")
      .description("copy every medium's files from data_dir/media to the S3 bucket, checksum-checked"),
  )
    .requiredOption("--to <driver>", 'where to copy the media: "s3"')
    .option("--endpoint <url>", "S3 endpoint (default: storage.s3_endpoint)")
    .option("--region <region>", "bucket region (default: storage.s3_region)")
    .option("--bucket <name>", "bucket (default: storage.s3_bucket)")
    .option("--access-key-id <id>", "access key id (default: storage.s3_access_key_id)")
    .option("--secret-access-key <secret>", "secret access key (default: storage.s3_secret_access_key)")
    .option("--force-path-style", "path-style requests (default: storage.s3_force_path_style)")
    .action(async (opts: MigrateOptions) => {
      // The AWS SDK loads only for this command, not with every fanzctl start.
      const { migrateToS3 } = await import("../lib/storage-migrate.ts");
      await migrateToS3(opts);
    });
}
