// The idempotent seed loader: validates the whole dataset first, then, in one transaction, replaces
// every row with the dataset's. Ids are the dataset's own (or derived from them), so loading twice
// leaves exactly the same rows, and a failure anywhere leaves the database as it was.
import type { PrismaClient } from "../src/generated/prisma/client.js";
import type { Prisma } from "../src/generated/prisma/client.js";
import { parseCalendarDate } from "../src/lib/dates.js";
import { nameKey } from "../src/lib/text.js";
import { rebuildSearchIndex } from "../src/search/documents.js";
import { readDataset, SeedError, type Dataset, type MeetingData, type PartialDateData, type PeriodData } from "./dataset.js";
import { parentsFirst, References } from "./references.js";

type Write = (tx: Prisma.TransactionClient) => Promise<unknown>;

const date = (text: string | null): Date | null => (text === null ? null : parseCalendarDate(text));

function partialDateColumns(value: PartialDateData | null) {
  return {
    date: date(value?.date ?? null),
    precision: value?.precision ?? null,
    inferred: value?.inferred ?? false,
    note: value?.note ?? null,
  };
}

function periodColumns(value: PeriodData) {
  const start = parseCalendarDate(value.start);
  const end = parseCalendarDate(value.end);
  if (end < start) throw new RangeError(`period ends (${value.end}) before it starts (${value.start})`);
  return {
    periodStart: start,
    periodEnd: end,
    periodPrecision: value.precision,
    periodInferred: value.inferred,
    periodNote: value.note,
  };
}

/** Every write the dataset needs, in dependency order; building it validates every reference. */
export function planWrites(dataset: Dataset): Write[] {
  const refs = new References(dataset);
  const writes: Write[] = [];
  const meetingDates = new Map(dataset.meetings.map((meeting) => [meeting.id, parseCalendarDate(meeting.date)]));

  for (const source of dataset.sources) {
    const { id, title, publisher, kind, language, note } = source;
    const data = { id, title, titleKey: nameKey(title), publisher, kind, language, note, publishedOn: parseCalendarDate(source.publishedOn) };
    writes.push((tx) => tx.source.create({ data }));
  }
  const sourceId = dataset.sources[0]?.id;
  if (!sourceId && dataset.evidence.length > 0) throw new SeedError("evidence: no source to attach excerpts to");
  for (const excerpt of dataset.evidence) {
    if (/[.!?…]["”’]?\s+[A-Z“"]/.test(excerpt.excerpt.replace(/\b[A-Z]\./g, ""))) {
      throw new SeedError(`evidence[${excerpt.id}]: an excerpt is at most one sentence`);
    }
    writes.push((tx) => tx.evidence.create({ data: { ...excerpt, sourceId: sourceId as string } }));
  }
  for (const country of dataset.countries) {
    const where = `countries[${country.id}]`;
    const { demonyms, evidence, ...columns } = country;
    const data = {
      ...columns,
      nameKey: nameKey(columns.name),
      evidence: refs.evidence(evidence, where),
      demonyms: {
        create: demonyms.map((label) => ({ id: `${country.id}~${nameKey(label)}`, label, labelKey: nameKey(label) })),
      },
    };
    writes.push((tx) => tx.country.create({ data }));
  }
  for (const place of dataset.places) {
    const where = `places[${place.id}]`;
    const data = {
      id: place.id,
      name: place.name,
      nameKey: nameKey(place.name),
      kind: place.kind,
      countryId: refs.check("country", place.country, `${where}.country`),
      evidence: refs.evidence(place.evidence, where),
    };
    writes.push((tx) => tx.place.create({ data }));
  }
  for (const organization of parentsFirst(dataset.organizations, "organizations")) {
    const where = `organizations[${organization.id}]`;
    const data = {
      id: organization.id,
      name: organization.name,
      nameKey: nameKey(organization.name),
      acronym: organization.acronym,
      kind: organization.kind,
      countryId: refs.checkOptional("country", organization.country, `${where}.country`),
      parentId: refs.checkOptional("organization", organization.parent, `${where}.parent`),
      evidence: refs.evidence(organization.evidence, where),
    };
    writes.push((tx) => tx.organization.create({ data }));
  }
  // Sources exist before organisations (their excerpts support them), so informants come after.
  for (const source of dataset.sources) {
    const informantId = refs.checkOptional("organization", source.informant, `sources[${source.id}].informant`);
    if (informantId) writes.push((tx) => tx.source.update({ where: { id: source.id }, data: { informantId } }));
  }
  for (const person of dataset.people) {
    const where = `people[${person.id}]`;
    const data = {
      id: person.id,
      name: person.name,
      nameKey: nameKey(person.name),
      givenName: person.givenName,
      familyName: person.familyName,
      countryId: refs.checkOptional("country", person.country, `${where}.country`),
      evidence: refs.evidence(person.evidence, where),
      aliases: {
        create: person.aliases.map((alias, index) => ({
          id: `${person.id}~${index + 1}`,
          name: alias.name,
          nameKey: nameKey(alias.name),
          kind: alias.kind,
          evidence: refs.evidence(alias.evidence, `${where}.aliases[${index}]`),
        })),
      },
    };
    writes.push((tx) => tx.person.create({ data }));
  }
  for (const post of dataset.posts) {
    const where = `posts[${post.id}]`;
    const data = {
      id: post.id,
      label: post.label,
      labelKey: nameKey(post.label),
      role: post.role,
      organizationId: refs.check("organization", post.organization, `${where}.organization`),
      countryId: refs.checkOptional("country", post.country, `${where}.country`),
      evidence: refs.evidence(post.evidence, where),
    };
    writes.push((tx) => tx.post.create({ data }));
  }
  for (const topic of parentsFirst(dataset.topics, "topics")) {
    const data = { ...topic, nameKey: nameKey(topic.name), parent: undefined, parentId: refs.checkOptional("topic", topic.parent, `topics[${topic.id}].parent`) };
    writes.push((tx) => tx.topic.create({ data }));
  }
  for (const event of dataset.referencedEvents) {
    const where = `referencedEvents[${event.id}]`;
    const when = partialDateColumns(event.date);
    const data = {
      id: event.id,
      name: event.name,
      nameKey: nameKey(event.name),
      kind: event.kind,
      description: event.description,
      date: when.date,
      datePrecision: when.precision,
      dateInferred: when.inferred,
      dateNote: when.note,
      placeId: refs.checkOptional("place", event.place, `${where}.place`),
      organizationId: refs.checkOptional("organization", event.organization, `${where}.organization`),
      evidence: refs.evidence(event.evidence, where),
    };
    writes.push((tx) => tx.referencedEvent.create({ data }));
  }
  for (const meeting of dataset.meetings) writes.push(...planMeeting(meeting, refs));
  // Relations between meetings come last: both ends must exist.
  for (const meeting of dataset.meetings) {
    meeting.relations.forEach((relation, index) => {
      const where = `meetings[${meeting.id}].relations[${index}]`;
      const data = {
        id: `${meeting.id}~${relation.kind.toLowerCase()}~${relation.to}`,
        kind: relation.kind,
        fromMeetingId: meeting.id,
        toMeetingId: refs.check("meeting", relation.to, `${where}.to`),
        note: relation.note,
        evidence: refs.evidence(relation.evidence, where),
      };
      writes.push((tx) => tx.meetingRelation.create({ data }));
    });
  }
  for (const tenure of dataset.tenures) {
    const id = `${tenure.person}~${tenure.post}~${tenure.attestedMeeting}`;
    const where = `tenures[${id}]`;
    const data = {
      id,
      personId: refs.check("person", tenure.person, `${where}.person`),
      postId: refs.check("post", tenure.post, `${where}.post`),
      startDate: date(tenure.startDate),
      endDate: date(tenure.endDate),
      attestedMeetingId: refs.check("meeting", tenure.attestedMeeting, `${where}.attestedMeeting`),
      attestedOn: meetingDates.get(tenure.attestedMeeting) as Date,
      note: tenure.note,
      evidence: refs.evidence(tenure.evidence, where),
    };
    writes.push((tx) => tx.tenure.create({ data }));
  }
  for (const record of dataset.tradeRecords) {
    const where = `tradeRecords[${record.id}]`;
    const data = {
      id: record.id,
      reporterId: refs.check("country", record.reporter, `${where}.reporter`),
      partnerId: refs.check("country", record.partner, `${where}.partner`),
      flow: record.flow,
      ...periodColumns(record.period),
      value: record.value,
      currency: record.currency,
      approximate: record.approximate,
      meetingId: refs.checkOptional("meeting", record.meeting, `${where}.meeting`),
      evidence: refs.evidence(record.evidence, where),
    };
    writes.push((tx) => tx.tradeRecord.create({ data }));
  }
  for (const figure of dataset.figures) {
    const where = `figures[${figure.id}]`;
    const { period, reporter, meeting, evidence, ...columns } = figure;
    const data = {
      ...columns,
      ...(period ? periodColumns(period) : { periodInferred: false }),
      reporterId: refs.checkOptional("country", reporter, `${where}.reporter`),
      meetingId: refs.checkOptional("meeting", meeting, `${where}.meeting`),
      evidence: refs.evidence(evidence, where),
    };
    writes.push((tx) => tx.figure.create({ data }));
  }
  return writes;
}

function planMeeting(meeting: MeetingData, refs: References): Write[] {
  const where = `meetings[${meeting.id}]`;
  const writes: Write[] = [];
  const meetingData = {
    id: meeting.id,
    title: meeting.title,
    titleKey: nameKey(meeting.title),
    type: meeting.type,
    cameoCode: meeting.cameoCode,
    date: parseCalendarDate(meeting.date),
    datePrecision: meeting.datePrecision,
    dateInferred: meeting.dateInferred,
    dateNote: meeting.dateNote,
    placeId: refs.checkOptional("place", meeting.place, `${where}.place`),
    placeInferred: meeting.placeInferred,
    placeNote: meeting.placeNote,
    tone: meeting.tone,
    summary: meeting.summary,
    sources: { connect: meeting.sources.map((id) => ({ id: refs.check("source", id, `${where}.sources`) })) },
    evidence: refs.evidence(meeting.evidence, where),
  };
  writes.push((tx) => tx.meeting.create({ data: meetingData }));

  const delegationIds = new Map<string, string>();
  meeting.delegations.forEach((delegation, index) => {
    const at = `${where}.delegations[${index}]`;
    const id = `${meeting.id}~${refs.check("country", delegation.country, `${at}.country`)}`;
    if (delegationIds.has(delegation.country)) throw new SeedError(`${at}: a second delegation of "${delegation.country}"`);
    delegationIds.set(delegation.country, id);
    const data = {
      id,
      meetingId: meeting.id,
      side: delegation.side,
      sideInferred: delegation.sideInferred,
      countryId: delegation.country,
      organizationId: refs.checkOptional("organization", delegation.organization, `${at}.organization`),
      headId: refs.checkOptional("person", delegation.head, `${at}.head`),
      headInferred: delegation.headInferred,
      note: delegation.note,
      evidence: refs.evidence(delegation.evidence, at),
    };
    writes.push((tx) => tx.delegation.create({ data }));
    // The head is also a participant, so "who took part" needs no special case for heads.
    if (delegation.head !== null) {
      const head = {
        id: `${meeting.id}~${delegation.head}`,
        meetingId: meeting.id,
        delegationId: id,
        personId: delegation.head,
        role: "HEAD_OF_DELEGATION" as const,
        inferred: delegation.headInferred,
        note: delegation.note,
        evidence: refs.evidence(delegation.evidence, at),
      };
      writes.push((tx) => tx.participant.create({ data: head }));
    }
  });
  meeting.participants.forEach((participant, index) => {
    const at = `${where}.participants[${index}]`;
    const data = {
      id: `${meeting.id}~${refs.check("person", participant.person, `${at}.person`)}`,
      meetingId: meeting.id,
      delegationId:
        participant.delegationCountry === null ? null : delegationIds.get(participant.delegationCountry) ?? null,
      personId: participant.person,
      role: "DELEGATION_MEMBER" as const,
      inferred: participant.inferred,
      note: participant.note,
      evidence: refs.evidence(participant.evidence, at),
    };
    if (participant.delegationCountry !== null && data.delegationId === null) {
      throw new SeedError(`${at}.delegationCountry: no delegation of "${participant.delegationCountry}"`);
    }
    writes.push((tx) => tx.participant.create({ data }));
  });
  meeting.discussions.forEach((discussion, index) => {
    const at = `${where}.discussions[${index}]`;
    const data = {
      id: `${meeting.id}~${refs.check("topic", discussion.topic, `${at}.topic`)}`,
      meetingId: meeting.id,
      topicId: discussion.topic,
      status: discussion.status,
      summary: discussion.summary,
      evidence: refs.evidence(discussion.evidence, at),
    };
    writes.push((tx) => tx.discussion.create({ data }));
  });
  for (const outcome of meeting.outcomes) {
    const at = `${where}.outcomes[${outcome.id}]`;
    const due = partialDateColumns(outcome.due);
    const data = {
      id: outcome.id,
      meetingId: meeting.id,
      topicId: refs.checkOptional("topic", outcome.topic, `${at}.topic`),
      description: outcome.description,
      status: outcome.status,
      dueDate: due.date,
      duePrecision: due.precision,
      dueInferred: due.inferred,
      dueNote: due.note,
      evidence: refs.evidence(outcome.evidence, at),
      parties: {
        create: outcome.parties.map((party) => {
          const [kind, partyId] = party.split(":") as ["country" | "organization", string];
          refs.check(kind, partyId, `${at}.parties`);
          return {
            id: `${outcome.id}~${partyId}`,
            countryId: kind === "country" ? partyId : null,
            organizationId: kind === "organization" ? partyId : null,
          };
        }),
      },
    };
    writes.push((tx) => tx.outcome.create({ data }));
  }
  for (const quote of meeting.quotes) {
    const at = `${where}.quotes[${quote.id}]`;
    const data = {
      id: quote.id,
      meetingId: meeting.id,
      speakerId: refs.check("person", quote.speaker, `${at}.speaker`),
      postId: refs.checkOptional("post", quote.post, `${at}.post`),
      text: quote.text,
      textKey: nameKey(quote.text),
      attributedAs: quote.attributedAs,
      evidence: refs.evidence(quote.evidence, at),
    };
    writes.push((tx) => tx.quote.create({ data }));
  }
  meeting.references.forEach((reference, index) => {
    const at = `${where}.references[${index}]`;
    const data = {
      id: `${meeting.id}~${refs.check("referenced event", reference.event, `${at}.event`)}`,
      meetingId: meeting.id,
      eventId: reference.event,
      context: reference.context,
      evidence: refs.evidence(reference.evidence, at),
    };
    writes.push((tx) => tx.meetingReference.create({ data }));
  });
  return writes;
}

/** Deletes every row, children before parents (implicit many-to-many links cascade). */
async function clear(tx: Prisma.TransactionClient): Promise<void> {
  await tx.outcomeParty.deleteMany();
  await tx.meetingReference.deleteMany();
  await tx.meetingRelation.deleteMany();
  await tx.quote.deleteMany();
  await tx.discussion.deleteMany();
  await tx.outcome.deleteMany();
  await tx.participant.deleteMany();
  await tx.delegation.deleteMany();
  await tx.tenure.deleteMany();
  await tx.tradeRecord.deleteMany();
  await tx.figure.deleteMany();
  await tx.meeting.deleteMany();
  await tx.referencedEvent.deleteMany();
  await tx.post.deleteMany();
  await tx.personAlias.deleteMany();
  await tx.person.deleteMany();
  await tx.organization.updateMany({ data: { parentId: null } });
  await tx.organization.deleteMany();
  await tx.place.deleteMany();
  await tx.countryDemonym.deleteMany();
  await tx.country.deleteMany();
  await tx.topic.updateMany({ data: { parentId: null } });
  await tx.topic.deleteMany();
  await tx.evidence.deleteMany();
  await tx.source.deleteMany();
}

export interface SeedSummary {
  records: number;
  milliseconds: number;
}

/** Replaces the database's contents with the dataset (by default the one under seed/data). */
export async function seed(db: PrismaClient, dataset: Dataset = readDataset()): Promise<SeedSummary> {
  const started = performance.now();
  let writes: Write[];
  try {
    writes = planWrites(dataset);
  } catch (error) {
    if (error instanceof RangeError) throw new SeedError(error.message);
    throw error;
  }
  await db.$transaction(
    async (tx) => {
      await clear(tx);
      for (const write of writes) await write(tx);
      // The search index is derived from the rows just written, in the same transaction.
      await rebuildSearchIndex(tx);
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return { records: writes.length, milliseconds: Math.round(performance.now() - started) };
}
