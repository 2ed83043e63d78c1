// Meetings counted per country, topic, year or type: the numbers behind a chart. Each grouping is
// one GROUP BY statement, plus one statement for the countries or topics it names.
import type { EnumRef } from "@pothos/core";
import { getRefFromModel, queryFromInfo } from "@pothos/plugin-prisma";
import type { GraphQLResolveInfo } from "graphql";
import { builder } from "./builder.js";
import type { Context } from "./context.js";
import { db } from "../db/client.js";
import type { Country, MeetingType, Prisma, Topic } from "../generated/prisma/client.js";
import { describedEnum } from "./enum-type.js";
import { MeetingFilter } from "./meeting.js";

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

// meeting.ts declares the MeetingType enum without exporting its ref: refer to it by its name.
const MeetingTypeEnum = "MeetingType" as unknown as EnumRef<Types, MeetingType>;
const CountryRef = getRefFromModel("Country", builder) as unknown as PothosSchemaTypes.ObjectRef<Types, Country>;
const TopicRef = getRefFromModel("Topic", builder) as unknown as PothosSchemaTypes.ObjectRef<Types, Topic>;

export const MeetingGrouping = describedEnum("MeetingGrouping", "What to count meetings by.", {
  COUNTRY: "By the countries that had a delegation at them, largest count first.",
  TOPIC: "By the topics discussed at them, largest count first.",
  YEAR: "By the calendar year of their date, oldest year first.",
  TYPE: "By their type (consultations, reception…), largest count first.",
});

export interface MeetingCountShape {
  key: string;
  label: string;
  count: number;
  country: Country | null;
  topic: Topic | null;
  year: number | null;
  type: MeetingType | null;
}

const MeetingCount = builder.objectRef<MeetingCountShape>("MeetingCount").implement({
  description: "How many meetings fall in one group: one country, topic, year or type.",
  fields: (t) => ({
    key: t.exposeString("key", {
      description: 'Stable key of the group: a country code ("KZ"), a topic slug, a year ("2017") or a meeting type ("RECEPTION").',
    }),
    label: t.exposeString("label", { description: 'The group as a person would name it: "Kazakhstan", "Trade", "2017", "Reception".' }),
    count: t.exposeInt("count", { description: "Number of meetings in the group (each meeting counted once per group)." }),
    country: t.field({
      type: CountryRef,
      nullable: true,
      description: "The country, when counting by COUNTRY.",
      resolve: (group) => group.country,
    }),
    topic: t.field({ type: TopicRef, nullable: true, description: "The topic, when counting by TOPIC.", resolve: (group) => group.topic }),
    year: t.exposeInt("year", { nullable: true, description: "The year, when counting by YEAR." }),
    type: t.field({ type: MeetingTypeEnum, nullable: true, description: "The meeting type, when counting by TYPE.", resolve: (group) => group.type }),
  }),
});

const TYPE_LABELS: Record<MeetingType, string> = {
  CONSULTATIONS: "Consultations",
  INTERGOVERNMENTAL_COMMISSION_SESSION: "Intergovernmental commission session",
  RECEPTION: "Reception",
};

const group = (fields: Partial<MeetingCountShape> & Pick<MeetingCountShape, "key" | "label" | "count">): MeetingCountShape => ({
  country: null,
  topic: null,
  year: null,
  type: null,
  ...fields,
});

const largestFirst = (a: MeetingCountShape, b: MeetingCountShape) =>
  b.count - a.count || compareText(a.label, b.label) || compareText(a.key, b.key);

// Code-point order, the same on every machine and engine (localeCompare depends on the ICU data).
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A filter on the meeting, applied to rows that belong to a meeting (delegations, discussions). */
const ofMeetings = (where: Prisma.MeetingWhereInput) => (Object.keys(where).length === 0 ? {} : { meeting: { is: where } });

/**
 * Counts the meetings matching `where`, grouped `by`. `info` plans what the query selects under
 * `country` and `topic`, so those are loaded in one statement with their nested selections.
 */
export async function countMeetings(
  by: "COUNTRY" | "TOPIC" | "YEAR" | "TYPE",
  where: Prisma.MeetingWhereInput,
  context: Context,
  info: GraphQLResolveInfo,
): Promise<MeetingCountShape[]> {
  switch (by) {
    case "COUNTRY": {
      // A meeting has at most one delegation per country, so delegations count meetings.
      const rows = await db.delegation.groupBy({ by: ["countryId"], where: ofMeetings(where), _count: { _all: true } });
      if (rows.length === 0) return [];
      const countries = await db.country.findMany({
        ...queryFromInfo({ context, info, typeName: "Country", path: ["country"], select: { id: true, code: true, name: true } }),
        where: { id: { in: rows.map((row) => row.countryId) } },
      });
      const byId = new Map(countries.map((country) => [country.id, country as Country]));
      return rows
        .map((row) => {
          const country = byId.get(row.countryId)!;
          return group({ key: country.code, label: country.name, count: row._count._all, country });
        })
        .sort(largestFirst);
    }
    case "TOPIC": {
      // A meeting discusses a topic at most once, so discussions count meetings.
      const rows = await db.discussion.groupBy({ by: ["topicId"], where: ofMeetings(where), _count: { _all: true } });
      if (rows.length === 0) return [];
      const topics = await db.topic.findMany({
        ...queryFromInfo({ context, info, typeName: "Topic", path: ["topic"], select: { id: true, name: true } }),
        where: { id: { in: rows.map((row) => row.topicId) } },
      });
      const byId = new Map(topics.map((topic) => [topic.id, topic as Topic]));
      return rows
        .map((row) => {
          const topic = byId.get(row.topicId)!;
          return group({ key: topic.id, label: topic.name, count: row._count._all, topic });
        })
        .sort(largestFirst);
    }
    case "TYPE": {
      const rows = await db.meeting.groupBy({ by: ["type"], where, _count: { _all: true } });
      return rows
        .map((row) => group({ key: row.type, label: TYPE_LABELS[row.type], count: row._count._all, type: row.type }))
        .sort(largestFirst);
    }
    case "YEAR": {
      // Grouping by an expression on the date is engine-specific SQL (strftime, EXTRACT). Grouping
      // by the date itself is portable and returns one row per distinct day; the days fold into
      // years here.
      const rows = await db.meeting.groupBy({ by: ["date"], where, _count: { _all: true } });
      const years = new Map<number, number>();
      for (const row of rows) {
        const year = row.date.getUTCFullYear();
        years.set(year, (years.get(year) ?? 0) + row._count._all);
      }
      return [...years]
        .sort(([a], [b]) => a - b)
        .map(([year, count]) => group({ key: String(year), label: String(year), count, year }));
    }
  }
}

builder.queryField("meetingCounts", (t) =>
  t.field({
    type: [MeetingCount],
    description:
      "How many meetings there are per country, topic, year or type: one entry per group that has at least one meeting.",
    args: {
      by: t.arg({ type: MeetingGrouping, required: true, description: "What to group the meetings by." }),
      filter: t.arg({ type: MeetingFilter.ref, description: "Count only the meetings matching this filter." }),
    },
    resolve: (_root, { by, filter }, context, info) => countMeetings(by, MeetingFilter.where(filter), context, info),
  }),
);
