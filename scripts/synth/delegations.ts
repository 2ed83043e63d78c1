// Who went to each meeting: one delegation per side, headed by someone of that country in office
// on the day (the host's minister for a reception, a deputy for consultations …), with members.
import { choose, type Random } from "./random.js";
import type { SyntheticRows } from "./rows.js";
import type { MeetingPlan } from "./schedule.js";
import { holderAt, personOf, type Ministry, type Slot, type Staff, type Tenure } from "./staff.js";
import { capitalise } from "./wording.js";
import type { CountryPlan } from "./world.js";

export interface Head {
  tenure: Tenure;
  slot: Slot;
}

const at = (slot: Slot | undefined, day: number): Head | undefined => {
  const tenure = slot && holderAt(slot, day);
  return tenure && slot ? { tenure, slot } : undefined;
};

export function delegationWriter(random: Random, staff: Staff, rows: Pick<SyntheticRows, "delegations" | "participants">) {
  const guestHeads = new Map<MeetingPlan, Head | undefined>();

  const chooseHead = (ministry: Ministry, plan: MeetingPlan, other: CountryPlan): Head | undefined => {
    const minister = () => at(ministry.slots[0], plan.day);
    const deputy = () => (ministry.deputies.length ? at(random.pick(ministry.deputies), plan.day) : undefined);
    let head: Head | undefined;
    if (plan.type === "RECEPTION") {
      head = ministry.country === plan.host
        ? minister()
        : (random.chance(0.4) ? at(ministry.ambassadors.get(other.id), plan.day) : undefined) ?? deputy();
    } else if (plan.type === "INTERGOVERNMENTAL_COMMISSION_SESSION" && random.chance(0.3)) head = minister();
    else head = deputy();
    return head ?? minister() ?? at(random.pick(ministry.slots), plan.day);
  };

  const chooseMembers = (ministry: Ministry, plan: MeetingPlan, other: CountryPlan, head: Head | undefined): Head[] => {
    const members: Head[] = [];
    const wanted = Number(choose(random, { 0: 40, 1: 30, 2: 18, 3: 12 }));
    // The ambassador to the other side often joins the talks.
    const ambassador = at(ministry.ambassadors.get(other.id), plan.day);
    if (wanted > 0 && ambassador && ambassador.tenure !== head?.tenure && random.chance(0.5)) members.push(ambassador);
    for (let tries = 0; members.length < wanted && tries < wanted * 3; tries++) {
      const member = at(random.pick(ministry.slots), plan.day);
      if (member && member.tenure !== head?.tenure && !members.some((m) => m.tenure === member.tenure)) members.push(member);
    }
    return members;
  };

  const attend = (plan: MeetingPlan, delegationId: string, person: Head, role: "HEAD_OF_DELEGATION" | "DELEGATION_MEMBER", inferred: boolean) => {
    const { id } = personOf(staff, person.tenure);
    // A tenure is attested by the first meeting its holder attended (meetings come in date order).
    if (person.tenure.attestedMeetingId === null) {
      person.tenure.attestedDay = plan.day;
      person.tenure.attestedMeetingId = plan.id;
    }
    rows.participants.push({ id: `${plan.id}~${id}`, meetingId: plan.id, delegationId, personId: id, role, inferred });
  };

  /** Writes the meeting's two delegations and their participants; returns each side's head. */
  return (plan: MeetingPlan, sideInferred: boolean): Map<CountryPlan, Head | undefined> => {
    const heads = new Map<CountryPlan, Head | undefined>();
    for (const [country, other, side] of [[plan.host, plan.guest, "HOST"], [plan.guest, plan.host, "GUEST"]] as const) {
      const ministry = staff.ministries.get(country.id);
      const delegationId = `${plan.id}~${country.id}`;
      // The guests of consultations, received by the host's minister the same day: the same head.
      const companionHead = side === "GUEST" && plan.companionOf ? guestHeads.get(plan.companionOf) : undefined;
      const head = companionHead ?? (ministry ? chooseHead(ministry, plan, other) : undefined);
      heads.set(country, head);
      if (side === "GUEST" && plan.type === "CONSULTATIONS") guestHeads.set(plan, head);
      const headInferred = companionHead !== undefined;
      const note = headInferred && head
        ? `The source names no head for the delegation received; ${personOf(staff, head.tenure).name.name} led it at the consultations the same day.`
        : sideInferred ? `${capitalise(side.toLowerCase())} side inferred from the venue.` : null;
      rows.delegations.push({
        id: delegationId,
        meetingId: plan.id,
        side,
        sideInferred,
        countryId: country.id,
        organizationId: country.ministryId,
        headId: head ? personOf(staff, head.tenure).id : null,
        headInferred,
        ...(note ? { note } : {}),
      });
      if (head) attend(plan, delegationId, head, "HEAD_OF_DELEGATION", headInferred);
      for (const member of ministry ? chooseMembers(ministry, plan, other, head) : []) {
        attend(plan, delegationId, member, "DELEGATION_MEMBER", false);
      }
    }
    return heads;
  };
}
