// Structured JSON logs (pino), one object per line on stdout. The level is config.LOG_LEVEL;
// tests pass a destination of their own to read what was written.
import { pino, type DestinationStream, type Logger, type LevelWithSilent } from "pino";
import { config } from "../config/settings.js";

export type { Logger };

export interface LoggerOptions {
  level?: LevelWithSilent;
  /** Where lines go; stdout when absent. */
  destination?: DestinationStream;
}

// Under the test runner a line per request would bury the results; tests that read logs pass a
// destination and level of their own. An explicit LOG_LEVEL still wins.
const defaultLevel = (): LevelWithSilent =>
  process.env.NODE_ENV === "test" && !process.env.LOG_LEVEL ? "silent" : config.LOG_LEVEL;

export function createLogger({ level = defaultLevel(), destination }: LoggerOptions = {}): Logger {
  const options = {
    level,
    // "level":"info" rather than pino's numeric 30: log stores and people both read it.
    formatters: { level: (label: string) => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  return destination ? pino(options, destination) : pino(options);
}

let shared: Logger | undefined;

/** The process's logger, made on first use. */
export function logger(): Logger {
  shared ??= createLogger();
  return shared;
}
