// Yoga's own log lines (the errors it masks, its debug notes) in the process's JSON log. Its
// default logger writes coloured text to the console, a multi-line stack trace per masked error,
// beside the JSON lines, and logs at error level every error the masking replaced, whatever it
// was: a client hanging up mid-upload included. The attack run's 400 aborted requests wrote 706
// such stack traces: any client could fill the log and raise error-rate alerts at will.
import { format } from "node:util";
import type { YogaLogger } from "graphql-yoga";
import { classifyError } from "../db/errors.js";
import { logger as sharedLogger, type Logger } from "./logging.js";

type Level = keyof YogaLogger;

/** Yoga's arguments as one pino call: the first Error as `err`, the rest as the message. */
function write(log: Logger, level: Level, args: unknown[]): void {
  if (!log.isLevelEnabled(level)) return;
  const error = args.find((arg): arg is Error => arg instanceof Error);
  const rest = args.filter((arg) => arg !== error);
  log[level](error ? { err: error } : {}, rest.length ? format(...rest) : (error?.message ?? ""));
}

export function yogaLogger(log: Logger = sharedLogger()): YogaLogger {
  return {
    debug: (...args) => write(log, "debug", args),
    info: (...args) => write(log, "info", args),
    warn: (...args) => write(log, "warn", args),
    // The request's own line already records a client that hung up (status 499,
    // CLIENT_CLOSED_REQUEST); its error is a note for debugging, not a failure of the server.
    error: (...args) => write(log, args.some((arg) => classifyError(arg) === "client-gone") ? "debug" : "error", args),
  };
}
