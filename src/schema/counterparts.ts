// Edges derived from meetings: the people a person met across the table (`Person.counterparts`)
// and the countries a country met (`Country.partners`). No table stores them; each is computed
// from the parent's meetings, loaded through `select` inside the parent's query, so the field
// costs a fixed number of statements however many parents a list holds.
import { getRefFromModel } from "@pothos/plugin-prisma";
import { builder } from "./builder.js";
import { pageOf } from "../lib/array-page.js";
import type { Country, Meeting, Person } from "../generated/prisma/client.js";
import { PartialDate, partialDate } from "./dates.js";
import { Meeting as MeetingRef } from "./meeting.js";

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

const PersonRef = getRefFromModel("Person", builder) as unknown as PothosSchemaTypes.ObjectRef<Types, Person>;
const CountryRef = getRefFromModel("Country", builder) as unknown as PothosSchemaTypes.ObjectRef<Types, Country>;

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const newestFirst = (a: Pick<Meeting, "id" | "date">, b: Pick<Meeting, "id" | "date">) => b.date.getTime() - a.date.getTime() || compareText(a.id, b.id);

type ConnectionFieldBuilder = PothosSchemaTypes.ObjectFieldBuilder<Types, object>;
const totalCountField = (what: string) => ({
  fields: (connection: ConnectionFieldBuilder) => ({
    totalCount: connection.int({
      description: `Number of ${what} in the whole list, not just this page.`,
      resolve: (parent) => (parent as { totalCount: number }).totalCount,
    }),
  }),
});

interface Counterpart {
  person: Person;
  meetings: Meeting[];
}

builder.prismaObjectField("Person", "counterparts", (t) =>
  t.connection(
    {
      type: PersonRef,
      description:
        "People this person met across the table: members of another country's delegation at a meeting where this person was in a delegation. Most shared meetings first, then by name.",
      select: (_args, _context, nestedSelection) => ({
        participants: {
          where: { delegationId: { not: null } },
          select: {
            delegationId: true,
            meeting: nestedSelection(
              {
                select: {
                  id: true,
                  date: true,
                  participants: {
                    where: { delegationId: { not: null } },
                    select: {
                      personId: true,
                      delegationId: true,
                      person: nestedSelection({ select: { id: true, name: true } }, ["edges", "node"]),
                    },
                  },
                },
              },
              ["edges", "sharedMeetings"],
            ),
          },
        },
      }),
      resolve: (person, args) => {
        const counterparts = new Map<string, Counterpart>();
        for (const own of person.participants) {
          for (const other of own.meeting.participants) {
            // A meeting has one delegation per country, so another delegation is another country's.
            if (other.personId === person.id || other.delegationId === own.delegationId) continue;
            const entry = counterparts.get(other.personId) ?? { person: other.person as Person, meetings: [] };
            // nestedSelection merged in what the query asks of the meeting: as complete as the type needs.
            entry.meetings.push(own.meeting as unknown as Meeting);
            counterparts.set(other.personId, entry);
          }
        }
        const ranked = [...counterparts.values()].sort(
          (a, b) => b.meetings.length - a.meetings.length || compareText(a.person.name, b.person.name) || compareText(a.person.id, b.person.id),
        );
        const page = pageOf(ranked, args, "Counterpart", (counterpart) => counterpart.person.id);
        return {
          ...page,
          edges: page.edges.map(({ cursor, item }) => ({ cursor, node: item.person, sharedMeetings: item.meetings.sort(newestFirst) })),
        };
      },
    },
    { name: "CounterpartConnection", description: "A page of the people a person met across the table.", ...totalCountField("counterparts") },
    {
      name: "Counterpart",
      description: "A person met across the table, with the meetings at which they met.",
      fields: (edge) => ({
        sharedMeetingCount: edge.int({
          description: "Number of meetings at which the two were in different countries' delegations.",
          resolve: (parent) => (parent as unknown as { sharedMeetings: Meeting[] }).sharedMeetings.length,
        }),
        sharedMeetings: edge.field({
          type: [MeetingRef],
          description: "Those meetings, newest first.",
          resolve: (parent) => (parent as unknown as { sharedMeetings: Meeting[] }).sharedMeetings,
        }),
      }),
    },
  ),
);

interface Partner {
  country: Country;
  meetingCount: number;
  lastMeeting: Pick<Meeting, "id" | "date" | "datePrecision" | "dateInferred" | "dateNote">;
}

builder.prismaObjectField("Country", "partners", (t) =>
  t.connection(
    {
      type: CountryRef,
      description:
        "Countries this country met: those with a delegation at a meeting where it had one. Most meetings first, then by name.",
      select: (_args, _context, nestedSelection) => ({
        delegations: {
          select: {
            meeting: {
              select: {
                id: true,
                date: true,
                datePrecision: true,
                dateInferred: true,
                dateNote: true,
                delegations: {
                  select: { countryId: true, country: nestedSelection({ select: { id: true, name: true } }, ["edges", "node"]) },
                },
              },
            },
          },
        },
      }),
      resolve: (country, args) => {
        const partners = new Map<string, Partner>();
        for (const { meeting } of country.delegations) {
          for (const other of meeting.delegations) {
            if (other.countryId === country.id) continue;
            const entry = partners.get(other.countryId);
            if (!entry) {
              partners.set(other.countryId, { country: other.country as Country, meetingCount: 1, lastMeeting: meeting });
              continue;
            }
            entry.meetingCount += 1;
            if (newestFirst(meeting, entry.lastMeeting) < 0) entry.lastMeeting = meeting;
          }
        }
        const ranked = [...partners.values()].sort(
          (a, b) => b.meetingCount - a.meetingCount || compareText(a.country.name, b.country.name) || compareText(a.country.id, b.country.id),
        );
        const page = pageOf(ranked, args, "Partner", (partner) => partner.country.id);
        return {
          ...page,
          edges: page.edges.map(({ cursor, item }) => ({ cursor, node: item.country, meetingCount: item.meetingCount, lastMeeting: item.lastMeeting })),
        };
      },
    },
    { name: "PartnerConnection", description: "A page of the countries a country met.", ...totalCountField("partner countries") },
    {
      name: "Partner",
      description: "A country met, with how often and when last.",
      fields: (edge) => ({
        meetingCount: edge.int({
          description: "Number of meetings at which both countries had a delegation.",
          resolve: (parent) => (parent as unknown as Partner).meetingCount,
        }),
        lastMeetingDate: edge.field({
          type: PartialDate,
          description: "Date of the latest of those meetings.",
          resolve: (parent) => {
            const { date, datePrecision, dateInferred, dateNote } = (parent as unknown as Partner).lastMeeting;
            return partialDate(date, datePrecision, dateInferred, dateNote)!;
          },
        }),
      }),
    },
  ),
);
