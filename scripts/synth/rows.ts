// The rows one generation produces, table by table, in the shapes createMany takes.
import type { Prisma } from "../../src/generated/prisma/client.js";

/** Every synthetic row's id starts with this, so that a rerun can find and replace them. */
export const SYNTHETIC_PREFIX = "syn-";
export const SYNTHETIC_SOURCE_ID = "syn-source";

export interface SyntheticRows {
  sources: Prisma.SourceCreateManyInput[];
  countries: Prisma.CountryCreateManyInput[];
  countryDemonyms: Prisma.CountryDemonymCreateManyInput[];
  places: Prisma.PlaceCreateManyInput[];
  /** Parents before children (embassies after their ministry). */
  organizations: Prisma.OrganizationCreateManyInput[];
  people: Prisma.PersonCreateManyInput[];
  personAliases: Prisma.PersonAliasCreateManyInput[];
  posts: Prisma.PostCreateManyInput[];
  meetings: Prisma.MeetingCreateManyInput[];
  meetingRelations: Prisma.MeetingRelationCreateManyInput[];
  tenures: Prisma.TenureCreateManyInput[];
  delegations: Prisma.DelegationCreateManyInput[];
  participants: Prisma.ParticipantCreateManyInput[];
  discussions: Prisma.DiscussionCreateManyInput[];
  outcomes: Prisma.OutcomeCreateManyInput[];
  outcomeParties: Prisma.OutcomePartyCreateManyInput[];
  quotes: Prisma.QuoteCreateManyInput[];
  tradeRecords: Prisma.TradeRecordCreateManyInput[];
  /** Meetings to link to the synthetic Source (the implicit many-to-many Meeting.sources). */
  meetingSources: string[];
}

export type Table = keyof SyntheticRows;
