// Doctor: the configuration loads and validates, including what `serve` checks only after loading
// (doctor only runs the other checks when it loads at all).
import { runtimeConfigProblems } from "../lib/config.ts";
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
    return {
      status: "pass",
      message: ctx.configFile
        ? `${ctx.configFile} is valid`
        : "no config file; defaults and FANZ_* environment",
    };
  },
};
