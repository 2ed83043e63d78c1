// The sentences synthetic facts are stated in: titles, summaries, discussion and outcome wording,
// quotes. Kept apart from the generation logic so that either can change without the other.
import type { DiscussionStatus, OutcomeStatus } from "../../src/generated/prisma/client.js";
import type { Random } from "./random.js";
import type { CountryPlan } from "./world.js";

export interface TopicPlan {
  id: string;
  name: string;
  /** How the topic reads inside a sentence: "transit and logistics", "the situation in Syria". */
  phrase: string;
  weight: number;
  economic: boolean;
}

const REGIONAL_PARENT = "regional-issues";
/** Topic names that need rewording to sit inside a sentence. */
const PHRASES: Record<string, string> = {
  economy: "economic cooperation",
  "legal-framework": "the legal and contractual framework",
};
const ECONOMIC = new Set(["economy", "economic-diplomacy", "trade", "fintech", "financial-centres", "transport", "transit", "container-services", "direct-flights"]);

/** How a topic reads inside a sentence: "transit and logistics", "the OSCE", "the situation in Syria". */
function phraseOf(topic: { id: string; name: string; parentId: string | null }): string {
  const reworded = PHRASES[topic.id];
  if (reworded) return reworded;
  if (topic.parentId === REGIONAL_PARENT) return `the situation in ${topic.name}`;
  // Organisations (the UN, its Security Council, the OSCE …) take the article.
  if (topic.parentId === "multilateral-cooperation" || topic.parentId === "united-nations") return `the ${topic.name}`;
  if (/[A-Z“]/.test(topic.name.slice(1))) return topic.name;
  return topic.name.charAt(0).toLowerCase() + topic.name.slice(1);
}

export function planTopics(topics: { id: string; name: string; parentId: string | null }[]): TopicPlan[] {
  return topics.map((topic) => ({
    id: topic.id,
    name: topic.name,
    phrase: phraseOf(topic),
    // Regional crises and single organisations come up less often than the broad themes.
    weight: topic.parentId === REGIONAL_PARENT || topic.parentId === "multilateral-cooperation" ? 0.4 : topic.parentId === null ? 1.6 : 1,
    economic: ECONOMIC.has(topic.id),
  }));
}

export const possessive = (name: string) => (name.endsWith("s") ? `${name}'` : `${name}'s`);
export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function listPhrase(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

export function ordinal(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${suffix}`;
}

export const TONES = [
  "friendly atmosphere traditional for the relations between the two countries",
  "constructive and open",
  "businesslike",
  "warm and friendly",
  "frank and substantive",
  "trusting",
];

export function discussionSummary(random: Random, status: DiscussionStatus, topic: TopicPlan, host: CountryPlan, guest: CountryPlan): string {
  const [first, second] = random.chance(0.5) ? [host, guest] : [guest, host];
  switch (status) {
    case "DISCUSSED":
      return `The parties discussed ${topic.phrase}.`;
    case "CONFIRMED":
      return `The parties confirmed their mutual interest in ${topic.phrase}.`;
    case "SUPPORTED":
      return `${capitalise(first.nameInText)} supported the initiatives of ${second.nameInText} on ${topic.phrase}.`;
    case "AGREED":
      return `The parties agreed to step up cooperation on ${topic.phrase}.`;
    case "ASSESSED_POSITIVELY":
      return `The sides gave a positive assessment to their dialogue on ${topic.phrase}.`;
    case "UNDER_STUDY":
      return `Proposals on ${topic.phrase} are being studied by experts of both sides.`;
    case "STATED":
      return `${capitalise(first.nameInText)} stated its interest in developing ${topic.phrase} with ${second.nameInText}.`;
  }
}

export function outcomeDescription(status: OutcomeStatus, topic: TopicPlan): string {
  switch (status) {
    case "AGREED":
      return `Intensify cooperation on ${topic.phrase}.`;
    case "PLANNED":
      return `Prepare a joint programme on ${topic.phrase}.`;
    case "SCHEDULED":
      return `Hold expert-level talks on ${topic.phrase}.`;
    case "UNDER_STUDY":
      return `A memorandum on ${topic.phrase}, under study by both ministries.`;
    case "ACHIEVED":
      return `The agreement on ${topic.phrase} has entered into force.`;
  }
}

export function quoteText(random: Random, speaker: CountryPlan, other: CountryPlan, topic: TopicPlan): string {
  return random.pick([
    `${capitalise(other.nameInText)} is one of ${possessive(speaker.nameInText)} reliable partners, and we intend to deepen our cooperation on ${topic.phrase}`,
    `We see great potential in ${topic.phrase}, and our ${other.demonym} colleagues share this view`,
    `Our dialogue with ${other.nameInText} has always been open and constructive`,
    `It is necessary to develop a comprehensive approach to ${topic.phrase}`,
    `The ${speaker.demonym} side is ready to consider any proposals of our ${other.demonym} partners on ${topic.phrase}`,
  ]);
}
