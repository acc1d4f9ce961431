// CLI errors carry what went wrong and what to try; index.ts prints them without a stack trace.
export class CliError extends Error {
  constructor(
    message: string,
    readonly suggestion?: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}
