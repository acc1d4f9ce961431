// Doctor: the configuration loads and validates, including what `serve` checks only after loading
// (doctor only runs the other checks when it loads at all).
import { dirname } from "node:path";
import { runtimeConfigProblems } from "../lib/config.ts";
import { fanzUser, readableBy } from "../lib/system-user.ts";
import type { Check } from "./types.ts";

export const configCheck: Check = {
  title: "Configuration",
  run(ctx) {
    const problems = runtimeConfigProblems(ctx.config);
    if (problems.length > 0) {
      return {
        status: "fail",
        message: problems.join("; "),
        suggestion: "Fix these keys; `fanzctl serve` will not start until they are.",
      };
    }
    // Root reads any file; the service (User=fanz) must read it too, or it will not start.
    const user = fanzUser();
    const file = ctx.configFile;
    if (user && file && !(readableBy(user, dirname(file), "x") && readableBy(user, file))) {
      return {
        status: "fail",
        message: `${file} is valid, but the fanz user (the service) cannot read it`,
        suggestion: `chown root:fanz ${file} && chmod 0640 ${file} (and let fanz enter ${dirname(file)})`,
      };
    }
    return {
      status: "pass",
      message: ctx.configFile
        ? `${ctx.configFile} is valid`
        : "no config file; defaults and FANZ_* environment",
    };
  },
};
