// Meetings (events between states' representatives) and the links between them.
import { builder } from "./builder.js";
import { db } from "../db/client.js";
import type { Prisma } from "../generated/prisma/client.js";
import { describedEnum } from "./enum-type.js";
import { PartialDate, partialDate } from "./dates.js";
import { byColumn, defineFilter, defineOrder, filteredList, lazyList, type Filter } from "./filtering.js";
import { DelegationFilter, DelegationOrder, ParticipantFilter, ParticipantOrder } from "./delegation.js";
import { DiscussionFilter, DiscussionOrder } from "./topic.js";
import { OutcomeFilter, OutcomeOrder } from "./outcome.js";
import { QuoteFilter, QuoteOrder } from "./quote.js";
import { FigureFilter, FigureOrder, TradeRecordFilter, TradeRecordOrder } from "./trade-record.js";
import { MeetingReferenceFilter, MeetingReferenceOrder } from "./referenced-event.js";
import { PlaceFilter } from "./country.js";

const MeetingType = describedEnum("MeetingType", "What kind of diplomatic event a meeting is.", {
  CONSULTATIONS: "Consultations between two foreign ministries (CAMEO 040, consult).",
  RECEPTION: "One side's official receives the other's delegation (CAMEO 043, host a visit).",
  INTERGOVERNMENTAL_COMMISSION_SESSION: "A session of an intergovernmental commission.",
});

const MeetingRelationKind = describedEnum("MeetingRelationKind", "How one meeting relates to another.", {
  SAME_DAY_AS: "Held on the same day as the other meeting, as part of the same visit.",
  FOLLOW_UP_OF: "Follows up on the other meeting.",
});

export const MeetingFilter: Filter<Prisma.MeetingWhereInput> = defineFilter("MeetingFilter", "Conditions on meetings.", () => ({
  slug: { kind: "text", column: "id", description: "The stable key (`slug`)." },
  title: { kind: "text", column: "titleKey", description: "The title." },
  type: { kind: "enum", enum: "MeetingType", column: "type", description: "What kind of event it is." },
  date: { kind: "date", column: "date", description: "When it took place (the first day of its month or year when only that is known)." },
  dateIsInferred: { kind: "boolean", column: "dateInferred", description: "Whether the date was inferred." },
  place: { kind: "one", relation: "place", foreignKey: "placeId", filter: () => PlaceFilter, description: "Where it took place." },
  delegations: { kind: "many", relation: "delegations", filter: () => DelegationFilter, description: "Its delegations." },
  participants: { kind: "many", relation: "participants", filter: () => ParticipantFilter, description: "Its participants." },
  discussions: { kind: "many", relation: "discussions", filter: () => DiscussionFilter, description: "What it discussed, topic by topic." },
  outcomes: { kind: "many", relation: "outcomes", filter: () => OutcomeFilter, description: "Its outcomes." },
  quotes: { kind: "many", relation: "quotes", filter: () => QuoteFilter, description: "Words quoted from it." },
  tradeRecords: { kind: "many", relation: "tradeRecords", filter: () => TradeRecordFilter, description: "Trade figures stated at it." },
}));

export const MeetingOrder = defineOrder<Prisma.MeetingOrderByWithRelationInput>(
  "Meeting",
  {
    DATE: { description: "When it took place.", orderBy: byColumn("date") },
    TITLE: { description: "Its title.", orderBy: byColumn("titleKey") },
    TYPE: { description: "Its type.", orderBy: byColumn("type") },
    DELEGATION_COUNT: { description: "How many delegations it had.", orderBy: (direction) => ({ delegations: { _count: direction } }) },
    PARTICIPANT_COUNT: { description: "How many people took part.", orderBy: (direction) => ({ participants: { _count: direction } }) },
    DISCUSSION_COUNT: { description: "How many topics it discussed.", orderBy: (direction) => ({ discussions: { _count: direction } }) },
  },
  [{ date: "desc" }],
);

export const Meeting = builder.prismaNode("Meeting", {
  id: { field: "id" },
  nullable: true,
  description: "A diplomatic event: consultations, a reception, a commission session.",
  fields: (t) => ({
    slug: t.exposeString("id", { description: "Stable, human-readable key; use it with `meeting(slug:)`." }),
    title: t.exposeString("title", { description: "Short descriptive title." }),
    type: t.expose("type", { type: MeetingType, description: "What kind of event it is." }),
    cameoCode: t.exposeString("cameoCode", { description: "CAMEO event code of the event, e.g. 040 (consult)." }),
    date: t.field({
      type: PartialDate,
      description: "When the meeting took place, with its precision and whether it was inferred.",
      resolve: (meeting) => partialDate(meeting.date, meeting.datePrecision, meeting.dateInferred, meeting.dateNote)!,
    }),
    place: t.relation("place", { nullable: true, description: "Where it took place; see `placeIsInferred`." }),
    placeIsInferred: t.exposeBoolean("placeInferred", { description: "True when the source does not name the place and it was inferred." }),
    placeNote: t.exposeString("placeNote", { nullable: true, description: "Why the place was inferred, when it was." }),
    tone: t.exposeString("tone", { nullable: true, description: 'The atmosphere as the source describes it, e.g. "friendly atmosphere".' }),
    summary: t.exposeString("summary", { description: "What the meeting was about, in a sentence." }),
    delegations: t.relatedConnection("delegations", {
      cursor: "id",
      totalCount: true,
      description: "The delegations, host side first.",
      ...filteredList(DelegationFilter, DelegationOrder, [{ side: "desc" }]),
    }),
    participants: t.relatedConnection("participants", {
      cursor: "id",
      totalCount: true,
      description: "Everyone who took part, heads of delegation first.",
      ...filteredList(ParticipantFilter, ParticipantOrder, [{ role: "desc" }]),
    }),
    discussions: t.relatedConnection("discussions", {
      cursor: "id",
      totalCount: true,
      description: "What was discussed, topic by topic.",
      ...filteredList(DiscussionFilter, DiscussionOrder, []),
    }),
    outcomes: t.relatedConnection("outcomes", {
      cursor: "id",
      totalCount: true,
      description: "What the parties agreed, planned or put under study.",
      ...filteredList(OutcomeFilter, OutcomeOrder, []),
    }),
    quotes: t.relatedConnection("quotes", {
      cursor: "id",
      totalCount: true,
      description: "Words quoted from participants.",
      ...filteredList(QuoteFilter, QuoteOrder, []),
    }),
    tradeRecords: t.relatedConnection("tradeRecords", {
      cursor: "id",
      totalCount: true,
      description: "Trade figures stated at the meeting, by period.",
      ...filteredList(TradeRecordFilter, TradeRecordOrder),
    }),
    figures: t.relatedConnection("figures", {
      cursor: "id",
      totalCount: true,
      description: "Other numbers stated at the meeting.",
      ...filteredList(FigureFilter, FigureOrder, []),
    }),
    referencedEvents: t.relatedConnection("references", {
      cursor: "id",
      totalCount: true,
      description: "Other events mentioned in connection with the meeting.",
      ...filteredList(MeetingReferenceFilter, MeetingReferenceOrder, []),
    }),
    relatedMeetings: t.relation("relationsFrom", {
      description: "Meetings this one is linked to (e.g. held on the same day as).",
      query: { orderBy: { id: "asc" } },
    }),
    relatedFrom: t.relation("relationsTo", {
      description: "Meetings linked to this one (the reverse of `relatedMeetings`).",
      query: { orderBy: { id: "asc" } },
    }),
    attestedTenures: t.relation("attestedTenures", {
      description: "Posts the source shows people holding at this meeting.",
      query: { orderBy: { id: "asc" } },
    }),
    sources: t.relation("sources", { description: "Sources that report on the meeting.", query: { orderBy: { id: "asc" } } }),
    evidence: t.relation("evidence", { description: "Excerpts that support the meeting's facts.", query: { orderBy: { id: "asc" } } }),
  }),
});

builder.prismaObject("MeetingRelation", {
  description: "A directed link between two meetings.",
  fields: (t) => ({
    kind: t.expose("kind", { type: MeetingRelationKind, description: "How the meetings relate." }),
    from: t.relation("fromMeeting", { description: "The meeting the link starts from." }),
    to: t.relation("toMeeting", { description: "The meeting linked to." }),
    note: t.exposeString("note", { nullable: true, description: "What links them." }),
    evidence: t.relation("evidence", { description: "Excerpts that support the link.", query: { orderBy: { id: "asc" } } }),
  }),
});

const meetingList = lazyList(() => filteredList(MeetingFilter, MeetingOrder));

builder.queryFields((t) => ({
  meetings: t.prismaConnection({
    type: "Meeting",
    cursor: "id",
    description: "Meetings, newest first unless `orderBy` says otherwise.",
    args: meetingList().args,
    totalCount: (_connection, args) => db.meeting.count({ where: meetingList().query(args).where }),
    resolve: (query, _root, args) => db.meeting.findMany({ ...query, ...meetingList().query(args) }),
  }),
  meeting: t.prismaField({
    type: "Meeting",
    nullable: true,
    description: "A meeting by its slug; null when none has it.",
    args: { slug: t.arg.string({ required: true, description: "The meeting's slug." }) },
    resolve: (query, _root, { slug }) => db.meeting.findUnique({ ...query, where: { id: slug } }),
  }),
}));
