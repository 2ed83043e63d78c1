// Checks that every id in the dataset is unique within its collection and every reference points
// at a record that exists, naming the offending record; nothing is written before this passes.
import { SeedError, type Dataset } from "./dataset.js";

type Collection =
  | "source"
  | "evidence"
  | "country"
  | "place"
  | "organization"
  | "person"
  | "post"
  | "topic"
  | "meeting"
  | "referenced event";

export class References {
  private readonly ids = new Map<Collection, Set<string>>();

  constructor(dataset: Dataset) {
    this.register("source", dataset.sources, "sources");
    this.register("evidence", dataset.evidence, "evidence");
    this.register("country", dataset.countries, "countries");
    this.register("place", dataset.places, "places");
    this.register("organization", dataset.organizations, "organizations");
    this.register("person", dataset.people, "people");
    this.register("post", dataset.posts, "posts");
    this.register("topic", dataset.topics, "topics");
    this.register("meeting", dataset.meetings, "meetings");
    this.register("referenced event", dataset.referencedEvents, "referencedEvents");
    this.unique(dataset.meetings.flatMap((meeting) => meeting.outcomes.map((outcome) => outcome.id)), "outcomes");
    this.unique(dataset.meetings.flatMap((meeting) => meeting.quotes.map((quote) => quote.id)), "quotes");
    this.unique(dataset.tradeRecords.map((record) => record.id), "tradeRecords");
    this.unique(dataset.figures.map((figure) => figure.id), "figures");
  }

  /** Returns `id` when a record of that collection has it; otherwise fails naming `where`. */
  check(collection: Collection, id: string, where: string): string {
    if (!this.ids.get(collection)?.has(id)) {
      throw new SeedError(`${where}: unknown ${collection} "${id}"`);
    }
    return id;
  }

  /** Like check, for an optional reference. */
  checkOptional(collection: Collection, id: string | null, where: string): string | null {
    return id === null ? null : this.check(collection, id, where);
  }

  /** The Prisma `connect` list for a record's evidence, each id checked. */
  evidence(ids: string[], where: string): { connect: { id: string }[] } {
    return { connect: ids.map((id) => ({ id: this.check("evidence", id, `${where}.evidence`) })) };
  }

  private register(collection: Collection, rows: { id: string }[], where: string): void {
    this.ids.set(collection, this.unique(rows.map((row) => row.id), where));
  }

  private unique(ids: string[], where: string): Set<string> {
    const seen = new Set<string>();
    for (const id of ids) {
      if (seen.has(id)) throw new SeedError(`${where}[${id}]: duplicate id "${id}"`);
      seen.add(id);
    }
    return seen;
  }
}

/** Orders records so that each comes after its parent; fails on a cycle. */
export function parentsFirst<T extends { id: string; parent: string | null }>(rows: T[], where: string): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const ordered: T[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (row: T): void => {
    if (state.get(row.id) === "done") return;
    if (state.get(row.id) === "visiting") throw new SeedError(`${where}[${row.id}]: parent cycle`);
    state.set(row.id, "visiting");
    const parent = row.parent === null ? undefined : byId.get(row.parent);
    if (parent) visit(parent);
    state.set(row.id, "done");
    ordered.push(row);
  };
  rows.forEach(visit);
  return ordered;
}
