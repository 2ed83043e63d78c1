// The shape of the seed files under seed/data, checked with zod before anything is written.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { PROJECT_ROOT } from "../src/lib/project-root.js";

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be a lower-case slug");
const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be YYYY-MM-DD");
const precision = z.enum(["DAY", "MONTH", "YEAR"]);
const evidence = z.array(id);

const partialDate = z.object({
  date: calendarDate,
  precision,
  inferred: z.boolean(),
  note: z.string().nullable(),
});
const period = z.object({
  start: calendarDate,
  end: calendarDate,
  precision,
  inferred: z.boolean(),
  note: z.string().nullable(),
});

const source = z.object({
  id,
  title: z.string(),
  publisher: z.string(),
  kind: z.string(),
  publishedOn: calendarDate,
  language: z.string(),
  note: z.string().nullable(),
  informant: id.nullable(),
});
const evidenceExcerpt = z.object({ id, excerpt: z.string().min(1) });

const country = z.object({
  id,
  code: z.string().regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code"),
  name: z.string(),
  officialName: z.string().nullable(),
  demonyms: z.array(z.string()),
  evidence,
});
const place = z.object({ id, name: z.string(), kind: z.enum(["CITY", "REGION"]), country: id, evidence });
const organization = z.object({
  id,
  name: z.string(),
  acronym: z.string().nullable(),
  kind: z.enum([
    "MINISTRY",
    "EMBASSY",
    "INTERGOVERNMENTAL_ORGANIZATION",
    "INTERGOVERNMENTAL_BODY",
    "SUPRANATIONAL_UNION",
    "INTERGOVERNMENTAL_COMMISSION",
    "FINANCIAL_CENTRE",
    "CENTRAL_BANK",
    "YOUTH_MOVEMENT",
    "YOUTH_ORGANIZATION",
    "PUBLIC_ASSEMBLY",
    "NEWS_MEDIA",
  ]),
  country: id.nullable(),
  parent: id.nullable(),
  evidence,
});
const person = z.object({
  id,
  name: z.string(),
  givenName: z.string().nullable(),
  familyName: z.string().nullable(),
  country: id.nullable(),
  evidence,
  aliases: z.array(
    z.object({ name: z.string(), kind: z.enum(["TRANSLITERATION", "ABBREVIATION", "ASCII_FOLDING"]), evidence }),
  ),
});
const post = z.object({ id, label: z.string(), role: z.string(), organization: id, country: id.nullable(), evidence });
const tenure = z.object({
  person: id,
  post: id,
  startDate: calendarDate.nullable(),
  endDate: calendarDate.nullable(),
  attestedMeeting: id,
  note: z.string().nullable(),
  evidence,
});
const topic = z.object({ id, name: z.string(), parent: id.nullable(), description: z.string() });

const meeting = z.object({
  id,
  title: z.string(),
  type: z.enum(["CONSULTATIONS", "RECEPTION", "INTERGOVERNMENTAL_COMMISSION_SESSION"]),
  cameoCode: z.string().regex(/^\d{2,4}$/, "must be a CAMEO event code"),
  date: calendarDate,
  datePrecision: precision,
  dateInferred: z.boolean(),
  dateNote: z.string().nullable(),
  place: id.nullable(),
  placeInferred: z.boolean(),
  placeNote: z.string().nullable(),
  tone: z.string().nullable(),
  summary: z.string(),
  sources: z.array(id).min(1),
  evidence,
  delegations: z.array(
    z.object({
      country: id,
      side: z.enum(["HOST", "GUEST"]),
      sideInferred: z.boolean(),
      organization: id.nullable(),
      head: id.nullable(),
      headInferred: z.boolean(),
      note: z.string().nullable(),
      evidence,
    }),
  ),
  participants: z.array(
    z.object({ person: id, delegationCountry: id.nullable(), inferred: z.boolean(), note: z.string().nullable(), evidence }),
  ),
  discussions: z.array(
    z.object({
      topic: id,
      status: z.enum(["DISCUSSED", "CONFIRMED", "SUPPORTED", "AGREED", "ASSESSED_POSITIVELY", "UNDER_STUDY", "STATED"]),
      summary: z.string(),
      evidence,
    }),
  ),
  outcomes: z.array(
    z.object({
      id,
      topic: id.nullable(),
      status: z.enum(["AGREED", "PLANNED", "SCHEDULED", "UNDER_STUDY", "ACHIEVED"]),
      description: z.string(),
      due: partialDate.nullable(),
      parties: z.array(z.string().regex(/^(country|organization):[a-z0-9-]+$/, "must be country:ID or organization:ID")),
      evidence,
    }),
  ),
  quotes: z.array(
    z.object({ id, speaker: id, post: id.nullable(), attributedAs: z.string(), text: z.string(), evidence }),
  ),
  references: z.array(z.object({ event: id, context: z.string(), evidence })),
  relations: z.array(
    z.object({ kind: z.enum(["SAME_DAY_AS", "FOLLOW_UP_OF"]), to: id, note: z.string().nullable(), evidence }),
  ),
});

const tradeRecord = z.object({
  id,
  meeting: id.nullable(),
  reporter: id,
  partner: id,
  flow: z.enum(["TURNOVER", "EXPORT", "IMPORT"]),
  period,
  value: z.number().nonnegative(),
  currency: z.string().regex(/^[A-Z]{3}$/, "must be an ISO 4217 code"),
  approximate: z.boolean(),
  evidence,
});
const figure = z.object({
  id,
  meeting: id.nullable(),
  label: z.string(),
  value: z.number(),
  unit: z.string(),
  approximate: z.boolean(),
  qualifier: z.string().nullable(),
  period: period.nullable(),
  reporter: id.nullable(),
  evidence,
});
const referencedEvent = z.object({
  id,
  name: z.string(),
  kind: z.enum([
    "SUMMIT",
    "EXHIBITION",
    "AGREEMENT_SIGNING",
    "AGREEMENT_RATIFICATION",
    "ELECTION",
    "SERVICE_LAUNCH",
    "ROUTE_OPENING",
    "INSTITUTION_OPENING",
    "COMMEMORATIVE_VISIT",
  ]),
  description: z.string(),
  date: partialDate.nullable(),
  place: id.nullable(),
  organization: id.nullable(),
  evidence,
});

/** Every collection a seed file may hold; each file holds some of them. */
export const datasetSchema = z
  .object({
    sources: z.array(source),
    evidence: z.array(evidenceExcerpt),
    countries: z.array(country),
    places: z.array(place),
    organizations: z.array(organization),
    people: z.array(person),
    posts: z.array(post),
    tenures: z.array(tenure),
    topics: z.array(topic),
    meetings: z.array(meeting),
    tradeRecords: z.array(tradeRecord),
    figures: z.array(figure),
    referencedEvents: z.array(referencedEvent),
  })
  .partial()
  .strict();

export type Dataset = Required<z.infer<typeof datasetSchema>>;
export type MeetingData = z.infer<typeof meeting>;
export type PartialDateData = z.infer<typeof partialDate>;
export type PeriodData = z.infer<typeof period>;

export const SEED_DATA_DIR = path.join(PROJECT_ROOT, "seed", "data");

export class SeedError extends Error {
  override name = "SeedError";
}

/** Reads every JSON file of a folder and merges their collections into one dataset. */
export function readDataset(dir = SEED_DATA_DIR): Dataset {
  const dataset: Dataset = {
    sources: [],
    evidence: [],
    countries: [],
    places: [],
    organizations: [],
    people: [],
    posts: [],
    tenures: [],
    topics: [],
    meetings: [],
    tradeRecords: [],
    figures: [],
    referencedEvents: [],
  };
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".json")).sort()) {
    const parsed = datasetSchema.safeParse(JSON.parse(readFileSync(path.join(dir, file), "utf8")));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new SeedError(`${file}: ${issue?.path.join(".")}: ${issue?.message}`);
    }
    for (const [key, rows] of Object.entries(parsed.data) as [keyof Dataset, never[]][]) {
      (dataset[key] as unknown[]).push(...rows);
    }
  }
  return dataset;
}
