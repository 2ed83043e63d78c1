// The rows of each planned meeting: the meeting itself (title, date, place, summary), its
// delegations and agenda, and how it relates to other meetings (same day, follow-up session).
import type { MeetingType } from "../../src/generated/prisma/client.js";
import { nameKey } from "../../src/lib/text.js";
import { agendaWriter } from "./agenda.js";
import { dateOf, dayOf, yearOf } from "./days.js";
import { delegationWriter } from "./delegations.js";
import { Random } from "./random.js";
import type { SyntheticRows } from "./rows.js";
import type { MeetingPlan } from "./schedule.js";
import { personOf, type Staff } from "./staff.js";
import { capitalise, listPhrase, ordinal, possessive, TONES, type TopicPlan } from "./wording.js";
import type { World } from "./world.js";

type MeetingRows = Pick<
  SyntheticRows,
  "meetings" | "meetingRelations" | "delegations" | "participants" | "discussions" | "outcomes" | "outcomeParties" | "quotes"
>;

const CAMEO: Record<MeetingType, string> = {
  CONSULTATIONS: "040",
  RECEPTION: "043",
  INTERGOVERNMENTAL_COMMISSION_SESSION: "046",
};

export function buildMeetings(
  plans: MeetingPlan[],
  world: World,
  staff: Staff,
  topics: TopicPlan[],
  organizationIds: Set<string>,
  seed: number,
): MeetingRows {
  const random = Random.stream(seed, "meetings");
  const rows: MeetingRows = {
    meetings: [], meetingRelations: [], delegations: [], participants: [], discussions: [], outcomes: [], outcomeParties: [], quotes: [],
  };
  const writeDelegations = delegationWriter(random, staff, rows);
  const agenda = agendaWriter(random, topics, organizationIds, world, staff, rows);
  const tradeTopic = topics.find((topic) => topic.id === "trade") ?? null;
  const sessions = new Map<string, MeetingPlan[]>();

  for (const plan of plans) {
    const { host, guest } = plan;
    const placeInferred = host.capitalPlaceId !== null && random.chance(0.25);
    const dateInferred = plan.precision === "DAY" && random.chance(0.05);
    const heads = writeDelegations(plan, placeInferred);
    const discussed = agenda.discuss(plan);
    const topicsPhrase = listPhrase(discussed.slice(0, 3).map((topic) => topic.phrase));
    const outcomes = agenda.drawOutcomes(plan, discussed);

    let title: string;
    let summary: string;
    if (plan.type === "CONSULTATIONS") {
      title = `${host.demonym}-${guest.demonym} consultations between the foreign ministries`;
      summary = `The foreign ministries of ${host.nameInText} and ${guest.nameInText} held consultations on ${topicsPhrase}.`;
    } else if (plan.type === "RECEPTION") {
      const hostHead = heads.get(host);
      const guestHead = heads.get(guest);
      const hostName = hostHead && personOf(staff, hostHead.tenure).name.name;
      title = `${capitalise(possessive(host.nameInText))} ${hostHead ? `${hostHead.slot.role} ${hostName}` : "foreign ministry"} receives the ${guest.demonym} foreign-ministry delegation`;
      summary = `${hostHead ? `${hostName}, ${hostHead.slot.role} of ${host.nameInText},` : `The ${host.demonym} side`} received a delegation of the ${guest.demonym} foreign ministry`
        + `${guestHead ? ` led by ${personOf(staff, guestHead.tenure).name.name}` : ""}; they discussed ${topicsPhrase}.`;
    } else {
      const commission = world.commission(host, guest);
      const held = sessions.get(commission.id) ?? [];
      const previous = held[held.length - 1];
      held.push(plan);
      sessions.set(commission.id, held);
      const session = ordinal(held.length);
      title = `${capitalise(session)} session of the ${commission.name}`;
      summary = `The ${session} session of the ${commission.name} reviewed ${topicsPhrase}.`;
      if (previous) {
        rows.meetingRelations.push({ id: `${plan.id}~follow_up_of~${previous.id}`, kind: "FOLLOW_UP_OF", fromMeetingId: plan.id, toMeetingId: previous.id });
      }
      outcomes.unshift({
        topic: tradeTopic,
        status: "SCHEDULED",
        description: `Hold the ${ordinal(held.length + 1)} session of the commission in ${guest.nameInText}.`,
        due: { day: dayOf(yearOf(plan.day) + 1, 1, 1), precision: "YEAR" },
        organizations: [commission.id],
      });
    }
    agenda.record(plan, outcomes);
    agenda.quote(plan, heads, discussed);
    if (plan.companionOf) {
      rows.meetingRelations.push({
        id: `${plan.id}~same_day_as~${plan.companionOf.id}`,
        kind: "SAME_DAY_AS",
        fromMeetingId: plan.id,
        toMeetingId: plan.companionOf.id,
        note: "Held on the same day as the consultations, for the same guest delegation.",
      });
    }

    const tone = random.chance(0.3) ? random.pick(TONES) : null;
    const dateNote = dateInferred
      ? "The source prints no date for the meeting; this is its dateline."
      : plan.precision !== "DAY" ? `The source gives only the ${plan.precision.toLowerCase()}.` : null;
    rows.meetings.push({
      id: plan.id,
      title,
      titleKey: nameKey(title),
      type: plan.type,
      cameoCode: CAMEO[plan.type],
      date: dateOf(plan.day),
      datePrecision: plan.precision,
      dateInferred,
      ...(dateNote ? { dateNote } : {}),
      placeId: host.capitalPlaceId,
      placeInferred,
      ...(placeInferred ? { placeNote: "The source names no venue; the meeting was most likely held in the host's capital." } : {}),
      ...(tone ? { tone } : {}),
      summary,
    });
  }
  return rows;
}
