import { describe, expect, it } from "vitest";
import { nodes, query } from "./helpers/client.js";

const CONSULTATIONS = "kazakhstan-lithuania-foreign-ministry-consultations";
const RECEPTION = "kazakhstan-minister-receives-lithuanian-delegation";

describe("meetings", () => {
  it("records the consultations as the source states them, with inferred values flagged", async () => {
    const { meeting } = await query(`{ meeting(slug: "${CONSULTATIONS}") {
      title type cameoCode tone summary placeIsInferred placeNote
      date { date precision label isInferred inferenceNote }
      place { name kind country { code } }
      sources { slug publisher publishedOn language }
    } }`);
    expect(meeting).toMatchObject({
      type: "CONSULTATIONS",
      cameoCode: "040",
      tone: "friendly atmosphere traditional for the relations between the two countries",
      placeIsInferred: true,
      date: { date: "2017-09-11", precision: "DAY", label: "11 September 2017", isInferred: true },
      place: { name: "Astana", kind: "CITY", country: { code: "KZ" } },
      sources: [{ slug: "bc-2017-09-11-kazakhstan-lithuania-consultations", publisher: "BC", publishedOn: "2017-09-11", language: "en" }],
    });
    expect(meeting.date.inferenceNote).toContain("May 2018");
    expect(meeting.placeNote).toContain("received by Kazakhstan's Foreign Minister");
  });

  it("lists both delegations with their heads, sides and ministries", async () => {
    const { meeting } = await query(`{ meeting(slug: "${CONSULTATIONS}") {
      delegations(first: 10) { totalCount edges { node {
        side sideIsInferred headIsInferred country { code } organization { name } head { name }
        participants(first: 5) { edges { node { role person { name } } } }
      } } }
    } }`);
    expect(meeting.delegations.totalCount).toBe(2);
    expect(nodes(meeting.delegations)).toEqual([
      {
        side: "HOST", sideIsInferred: true, headIsInferred: false, country: { code: "KZ" },
        organization: { name: "Ministry of Foreign Affairs of Kazakhstan" }, head: { name: "Roman Vassilenko" },
        participants: { edges: [{ node: { role: "HEAD_OF_DELEGATION", person: { name: "Roman Vassilenko" } } }] },
      },
      {
        side: "GUEST", sideIsInferred: true, headIsInferred: false, country: { code: "LT" },
        organization: { name: "Ministry of Foreign Affairs of Lithuania" }, head: { name: "Darius Skusevičius" },
        participants: { edges: [{ node: { role: "HEAD_OF_DELEGATION", person: { name: "Darius Skusevičius" } } }] },
      },
    ]);
  });

  it("keeps the same-day reception by Kairat Abdrakhmanov as its own, linked event", async () => {
    const { meeting } = await query(`{ meeting(slug: "${RECEPTION}") {
      type date { label }
      delegations(first: 5) { edges { node { side head { name } headIsInferred note } } }
      relatedMeetings { kind to { slug } evidence { excerpt } }
    } }`);
    expect(meeting.type).toBe("RECEPTION");
    expect(meeting.date.label).toBe("11 September 2017");
    expect(nodes(meeting.delegations)[0]).toMatchObject({ side: "HOST", head: { name: "Kairat Abdrakhmanov" } });
    expect(nodes(meeting.delegations)[1]).toMatchObject({ side: "GUEST", head: { name: "Darius Skusevičius" }, headIsInferred: true });
    expect(meeting.relatedMeetings).toEqual([
      {
        kind: "SAME_DAY_AS",
        to: { slug: CONSULTATIONS },
        evidence: [{ excerpt: expect.stringContaining("On the same day") }],
      },
    ]);
    const { meeting: consultations } = await query(`{ meeting(slug: "${CONSULTATIONS}") { relatedFrom { from { slug } } } }`);
    expect(consultations.relatedFrom).toEqual([{ from: { slug: RECEPTION } }]);
  });

  it("records what was discussed, agreed and put under study", async () => {
    const { meeting } = await query(`{ meeting(slug: "${CONSULTATIONS}") {
      discussions(first: 100) { totalCount edges { node { status topic { slug } } } }
      outcomes(first: 20) { edges { node { slug status description due { label isInferred }
        parties { country { code } organization { acronym } } } } }
    } }`);
    const statusOf = Object.fromEntries(
      nodes<{ status: string; topic: { slug: string } }>(meeting.discussions).map((d) => [d.topic.slug, d.status]),
    );
    expect(statusOf).toMatchObject({
      terrorism: "CONFIRMED",
      "drug-trafficking": "CONFIRMED",
      "un-security-council": "SUPPORTED",
      fintech: "AGREED",
      "financial-centres": "UNDER_STUDY",
      "twinning-of-cities": "UNDER_STUDY",
      culture: "ASSESSED_POSITIVELY",
      ukraine: "DISCUSSED",
      syria: "DISCUSSED",
      afghanistan: "DISCUSSED",
      "central-asia": "DISCUSSED",
      iaea: "DISCUSSED",
    });
    const outcomes = Object.fromEntries(nodes<{ slug: string }>(meeting.outcomes).map((o) => [o.slug, o]));
    expect(outcomes["next-intergovernmental-commission-meeting"]).toMatchObject({
      status: "SCHEDULED",
      due: { label: "2018", isInferred: true },
    });
    expect(outcomes["joint-promotion-of-new-economy"]).toMatchObject({ status: "AGREED" });
    expect(outcomes["aifc-bank-of-lithuania-bridge"]).toMatchObject({
      status: "UNDER_STUDY",
      parties: [{ country: null, organization: { acronym: "AIFC" } }, { country: null, organization: { acronym: null } }],
    });
    expect(outcomes["twinning-of-major-cities"]).toMatchObject({ status: "UNDER_STUDY" });
  });

  it("quotes both heads with their post at the time", async () => {
    const { meeting } = await query(`{ meeting(slug: "${CONSULTATIONS}") {
      quotes(first: 5) { edges { node { attributedAs text speaker { name } speakerPost { label } } } }
    } }`);
    const quotes = nodes<{ attributedAs: string; text: string }>(meeting.quotes);
    expect(quotes.map((quote) => quote.attributedAs).sort()).toEqual(["D. Skusevičius", "R. Vasilenko"]);
    expect(quotes.find((quote) => quote.attributedAs === "R. Vasilenko")).toMatchObject({
      speaker: { name: "Roman Vassilenko" },
      speakerPost: { label: "Deputy Minister of Foreign Affairs of Kazakhstan" },
      text: expect.stringContaining("OSCE Summit in Astana"),
    });
  });

  it("links the events the article mentions, with dates as precise as the source allows", async () => {
    const { meeting } = await query(`{ meeting(slug: "${CONSULTATIONS}") {
      referencedEvents(first: 20) { totalCount edges { node { context event { slug kind date { label isInferred } place { name } } } } }
      figures(first: 10) { edges { node { slug value unit isApproximate period { label isInferred } reporter { code } } } }
    } }`);
    expect(meeting.referencedEvents.totalCount).toBe(9);
    const events = Object.fromEntries(
      nodes<{ event: { slug: string } }>(meeting.referencedEvents).map((reference) => [reference.event.slug, reference.event]),
    );
    expect(events["container-service-launch"]).toMatchObject({ kind: "SERVICE_LAUNCH", date: { label: "May 2018", isInferred: false } });
    expect(events["osce-summit-astana"]).toMatchObject({ kind: "SUMMIT", date: null, place: { name: "Astana" } });
    expect(events["aifc-opening"]).toMatchObject({ date: { label: "2017", isInferred: true } });
    const figures = Object.fromEntries(nodes<{ slug: string }>(meeting.figures).map((figure) => [figure.slug, figure]));
    expect(figures["kazakh-students-in-lithuania-per-year"]).toMatchObject({ value: 150, unit: "students per year", isApproximate: true });
    expect(figures["kazakh-graduates-of-lithuanian-higher-education"]).toMatchObject({
      value: 1000,
      isApproximate: true,
      reporter: { code: "LT" },
      period: { label: "2012–2017", isInferred: true },
    });
  });

  it("lists meetings newest first with Relay pagination", async () => {
    const first = await query(`{ meetings(first: 1) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { slug } } } }`);
    expect(first.meetings.totalCount).toBe(2);
    expect(first.meetings.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await query(`query ($after: String) { meetings(first: 1, after: $after) {
      pageInfo { hasNextPage hasPreviousPage startCursor } edges { node { slug } } } }`, { after: first.meetings.pageInfo.endCursor });
    expect(second.meetings.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const slugs = [...nodes<{ slug: string }>(first.meetings), ...nodes<{ slug: string }>(second.meetings)].map((m) => m.slug);
    expect(new Set(slugs)).toEqual(new Set([CONSULTATIONS, RECEPTION]));
    const back = await query(`query ($before: String) { meetings(last: 1, before: $before) {
      pageInfo { hasNextPage hasPreviousPage } edges { node { slug } } } }`, { before: second.meetings.pageInfo.startCursor });
    expect(nodes(back.meetings)).toEqual(nodes(first.meetings));
    expect(back.meetings.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });
});
