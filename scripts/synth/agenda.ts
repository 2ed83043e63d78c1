// What each meeting was about: the topics discussed, what the parties agreed or planned (with the
// countries and organisations party to it), and what their heads were quoted as saying.
import type { DiscussionStatus, OutcomeStatus } from "../../src/generated/prisma/client.js";
import { dateOf, firstDayOfMonth, firstDayOfYear } from "./days.js";
import type { Head } from "./delegations.js";
import { nameKey } from "../../src/lib/text.js";
import { abbreviate } from "./names.js";
import { choose, type Random, WeightedIndex } from "./random.js";
import type { SyntheticRows } from "./rows.js";
import type { MeetingPlan } from "./schedule.js";
import { personOf, type Staff } from "./staff.js";
import { discussionSummary, outcomeDescription, quoteText, type TopicPlan } from "./wording.js";
import type { CountryPlan, World } from "./world.js";

export interface OutcomePlan {
  topic: TopicPlan | null;
  status: OutcomeStatus;
  description: string;
  due: { day: number; precision: "MONTH" | "YEAR" } | null;
  organizations: string[];
}

type AgendaRows = Pick<SyntheticRows, "discussions" | "outcomes" | "outcomeParties" | "quotes">;

export function agendaWriter(random: Random, topics: TopicPlan[], organizationIds: Set<string>, world: World, staff: Staff, rows: AgendaRows) {
  const anyTopic = new WeightedIndex(topics.map((topic) => topic.weight));
  // Commission sessions are about the economy first.
  const economicTopic = new WeightedIndex(topics.map((topic) => topic.weight * (topic.economic ? 4 : 1)));

  return {
    /** Writes 2–6 discussions, distinct topics; returns the topics in the order drawn. */
    discuss(plan: MeetingPlan): TopicPlan[] {
      const discussed: TopicPlan[] = [];
      const wanted = Math.min(Number(choose(random, { 2: 30, 3: 32, 4: 20, 5: 10, 6: 8 })), topics.length);
      const table = plan.type === "INTERGOVERNMENTAL_COMMISSION_SESSION" ? economicTopic : anyTopic;
      for (let tries = 0; discussed.length < wanted && tries < 50; tries++) {
        const topic = topics[table.draw(random)] as TopicPlan;
        if (!discussed.includes(topic)) discussed.push(topic);
      }
      for (const topic of discussed) {
        const status = choose<DiscussionStatus>(random, {
          DISCUSSED: 30, STATED: 20, CONFIRMED: 12, AGREED: 14, ASSESSED_POSITIVELY: 10, SUPPORTED: 6, UNDER_STUDY: 8,
        });
        rows.discussions.push({
          id: `${plan.id}~${topic.id}`,
          meetingId: plan.id,
          topicId: topic.id,
          status,
          summary: discussionSummary(random, status, topic, plan.host, plan.guest),
        });
      }
      return discussed;
    },

    /** Outcomes for some meetings, on topics they discussed. */
    drawOutcomes(plan: MeetingPlan, discussed: TopicPlan[]): OutcomePlan[] {
      const chance = plan.type === "INTERGOVERNMENTAL_COMMISSION_SESSION" ? 0.6 : 0.3;
      if (!discussed.length || !random.chance(chance)) return [];
      return random.sample(discussed, random.int(1, 2)).map((topic) => {
        const status = choose<OutcomeStatus>(random, { AGREED: 35, PLANNED: 25, SCHEDULED: 10, UNDER_STUDY: 20, ACHIEVED: 10 });
        const dueDay = plan.day + random.int(60, 540);
        const due = (status === "PLANNED" || status === "SCHEDULED") && random.chance(0.6)
          ? random.chance(0.6) ? { day: firstDayOfMonth(dueDay), precision: "MONTH" as const } : { day: firstDayOfYear(dueDay), precision: "YEAR" as const }
          : null;
        // Topics named after an organisation (the UN, the OSCE …) make it a party too.
        const organizations = organizationIds.has(topic.id)
          ? [topic.id]
          : topic.id === "multilateral-cooperation" ? world.sharedOrganizations(plan.host, plan.guest).slice(0, 1) : [];
        return { topic, status, description: outcomeDescription(status, topic), due, organizations };
      });
    },

    /** Writes the outcomes with both countries (and any organisations) as parties. */
    record(plan: MeetingPlan, outcomes: OutcomePlan[]): void {
      outcomes.forEach(({ topic, status, description, due, organizations }, index) => {
        const id = `${plan.id}~outcome-${index + 1}`;
        rows.outcomes.push({
          id,
          meetingId: plan.id,
          topicId: topic?.id ?? null,
          description,
          status,
          ...(due ? { dueDate: dateOf(due.day), duePrecision: due.precision } : {}),
          dueInferred: false,
        });
        for (const country of [plan.host, plan.guest]) rows.outcomeParties.push({ id: `${id}~${country.id}`, outcomeId: id, countryId: country.id });
        for (const org of organizations) rows.outcomeParties.push({ id: `${id}~${org}`, outcomeId: id, organizationId: org });
      });
    },

    /** Now and then a head of delegation is quoted, under the post held that day. */
    quote(plan: MeetingPlan, heads: Map<CountryPlan, Head | undefined>, discussed: TopicPlan[]): void {
      let count = 0;
      for (const [speakerCountry, other] of [[plan.host, plan.guest], [plan.guest, plan.host]] as const) {
        const speaker = heads.get(speakerCountry);
        if (!speaker || !discussed.length || !random.chance(0.2)) continue;
        const person = personOf(staff, speaker.tenure);
        const text = quoteText(random, speakerCountry, other, random.pick(discussed));
        rows.quotes.push({
          id: `${plan.id}~quote-${++count}`,
          meetingId: plan.id,
          speakerId: person.id,
          postId: speaker.tenure.postId,
          text,
          textKey: nameKey(text),
          attributedAs: random.chance(0.6) ? abbreviate(person.name) : person.name.name,
        });
      }
    },
  };
}
