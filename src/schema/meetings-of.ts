// `meetings` on Country, Person and Topic. No table links those directly to meetings: each goes
// through a join record (delegation, participation, discussion). The helpers select the meeting
// inside the parent's query, so the connection still costs one SQL statement per level.
import { prismaConnectionHelpers } from "@pothos/plugin-prisma";
import type { SchemaTypes } from "@pothos/core";
import { builder } from "./builder.js";
import type { Meeting } from "../generated/prisma/client.js";
import { Meeting as MeetingType, MeetingFilter, MeetingOrder } from "./meeting.js";
import { filteredList, lazyList, type ListArgs } from "./filtering.js";

const meetingList = lazyList(() => filteredList(MeetingFilter, MeetingOrder));

/** `where` and `orderBy` of the join records, from the meetings' filter and order. */
function throughMeeting(args: ListArgs) {
  const { where, orderBy } = meetingList().query(args);
  // No condition on the meeting, no join to it: a join record always has its meeting, and the
  // count Prisma folds into the parent's statement would otherwise join every meeting in the table.
  const unfiltered = !where || Object.keys(where).length === 0;
  return {
    where: unfiltered ? {} : { meeting: { is: where } },
    orderBy: [...orderBy.slice(0, -1).map((key) => ({ meeting: key })), { meetingId: "asc" as const }],
  };
}

// The id-only selection is a floor: nodeSelection merges in every column and relation the query
// asks of the meeting, so the row is as complete as the Meeting type needs; the cast says so.
const throughDelegations = prismaConnectionHelpers(builder, "Delegation", {
  cursor: "id",
  select: (nodeSelection) => ({ meeting: nodeSelection({ select: { id: true } }) }),
  resolveNode: (delegation) => delegation.meeting as Meeting,
});
const throughParticipants = prismaConnectionHelpers(builder, "Participant", {
  cursor: "id",
  select: (nodeSelection) => ({ meeting: nodeSelection({ select: { id: true } }) }),
  resolveNode: (participant) => participant.meeting as Meeting,
});
const throughDiscussions = prismaConnectionHelpers(builder, "Discussion", {
  cursor: "id",
  select: (nodeSelection) => ({ meeting: nodeSelection({ select: { id: true } }) }),
  resolveNode: (discussion) => discussion.meeting as Meeting,
});


type SchemaTypesOf<B> = B extends PothosSchemaTypes.SchemaBuilder<infer T extends SchemaTypes> ? T : never;

const totalCount = {
  fields: (connection: PothosSchemaTypes.ObjectFieldBuilder<SchemaTypesOf<typeof builder>, object>) => ({
    totalCount: connection.int({
      description: "Number of meetings in the whole list, not just this page.",
      resolve: (parent) => (parent as { totalCount: number }).totalCount,
    }),
  }),
};

builder.prismaObjectField("Country", "meetings", (t) =>
  t.connection(
    {
      type: MeetingType,
      description: "Meetings at which this country had a delegation, newest first unless `orderBy` says otherwise.",
      args: meetingList().args,
      select: (args, ctx, nestedSelection) => {
        const { where, orderBy } = throughMeeting(args);
        return {
          delegations: { ...throughDelegations.getQuery(args, ctx, nestedSelection), where, orderBy },
          _count: { select: { delegations: { where } } },
        };
      },
      resolve: (country, args, ctx) => ({
        ...throughDelegations.resolve(country.delegations, args, ctx),
        totalCount: country._count.delegations,
      }),
    },
    totalCount,
  ),
);

builder.prismaObjectField("Person", "meetings", (t) =>
  t.connection(
    {
      type: MeetingType,
      description: "Meetings the person took part in, newest first unless `orderBy` says otherwise.",
      args: meetingList().args,
      select: (args, ctx, nestedSelection) => {
        const { where, orderBy } = throughMeeting(args);
        return {
          participants: { ...throughParticipants.getQuery(args, ctx, nestedSelection), where, orderBy },
          _count: { select: { participants: { where } } },
        };
      },
      resolve: (person, args, ctx) => ({
        ...throughParticipants.resolve(person.participants, args, ctx),
        totalCount: person._count.participants,
      }),
    },
    totalCount,
  ),
);

builder.prismaObjectField("Topic", "meetings", (t) =>
  t.connection(
    {
      type: MeetingType,
      description: "Meetings that discussed this topic, newest first unless `orderBy` says otherwise.",
      args: meetingList().args,
      select: (args, ctx, nestedSelection) => {
        const { where, orderBy } = throughMeeting(args);
        return {
          discussions: { ...throughDiscussions.getQuery(args, ctx, nestedSelection), where, orderBy },
          _count: { select: { discussions: { where } } },
        };
      },
      resolve: (topic, args, ctx) => ({
        ...throughDiscussions.resolve(topic.discussions, args, ctx),
        totalCount: topic._count.discussions,
      }),
    },
    totalCount,
  ),
);
