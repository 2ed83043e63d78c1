// Before measuring: PostGraphile must answer with the rows the server answers, or server ÷
// PostGraphile compares different work. Every request body of every operation is sent to both once
// (peer-operations.ts pairs the bodies), and both answers are brought to one canonical form, which
// must be deep-equal:
// - a connection (`edges { node }` or `nodes`) becomes the list of its nodes, in order; its
//   `totalCount` and `pageInfo.hasNextPage` are kept beside them;
// - a global id, Parley's `id` (base64url of "Meeting:<id>") or PostGraphile's `nodeId` (base64 of
//   ["Meetings","<id>"]), becomes the row id, as `id`;
// - a date: Parley answers labels ("11 September 2017", "January–August 2017") that PostGraphile
//   does not compute, so PostGraphile is asked for the columns a label is made of (date and
//   datePrecision; periodStart, periodEnd and periodPrecision) and the label is made from them with
//   Parley's own functions (src/lib/date-labels.ts): the raw values are compared through the label;
// - PostGraphile reaches a meeting's evidence through Prisma's join table, one level deeper
//   (`{ evidenceByA: { excerpt } }`), and answers countryMeetings' country and its meetings as two
//   root fields; both become Parley's shape.
// Left out: `pageInfo.endCursor`, since each server's cursors are its own opaque strings, and the
// `extensions` Parley adds (cost, rate limit), which are not data.
import { deepStrictEqual } from "node:assert/strict";
import { partialDateLabel, periodLabel } from "../src/lib/date-labels.js";
import { OPERATIONS, requestBodies, type OperationInputs, type OperationName } from "./operations.js";
import { decodeGlobalId, decodePeerNodeId, peerRequestBodies } from "./peer-operations.js";
import { post } from "./verify.js";

export interface PeerVerification {
  /** Distinct request bodies compared. */
  requests: number;
  /** Response size of the first body, in bytes, from each side. */
  bytes: { server: number; peer: number };
}

type Fields = Record<string, unknown>;
type Precision = Parameters<typeof partialDateLabel>[1];

/** A PostgreSQL `timestamp` (no time zone) as PostGraphile prints it; it holds UTC, as Prisma writes it. */
function utc(value: unknown): Date {
  const date = new Date(`${String(value)}Z`);
  if (Number.isNaN(date.getTime())) throw new TypeError(`PostGraphile answered a date that is not a timestamp: ${String(value)}`);
  return date;
}

/** PostGraphile's date columns as Parley's labelled dates; Parley's own `date { … }` passes through. */
function labelled(fields: Fields): Fields {
  const { date, datePrecision, dateInferred, periodStart, periodEnd, periodPrecision, ...rest } = fields;
  if (datePrecision !== undefined) {
    rest.date = { label: partialDateLabel(utc(date), datePrecision as Precision), ...(dateInferred === undefined ? {} : { isInferred: dateInferred }) };
  } else if (date !== undefined) {
    rest.date = date;
  }
  if (periodPrecision !== undefined) rest.period = { label: periodLabel(utc(periodStart), utc(periodEnd), periodPrecision as Precision) };
  return rest;
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== "object") return value;
  const { edges, nodes, pageInfo, ...fields } = value as Fields;
  if (Array.isArray(edges) || Array.isArray(nodes)) {
    const rows = (Array.isArray(edges) ? edges.map((edge: Fields) => edge.node) : (nodes as unknown[])).map(canonical);
    const beside = { ...fields, ...(pageInfo ? { hasNextPage: (pageInfo as Fields).hasNextPage } : {}) };
    return Object.keys(beside).length === 0 ? rows : { ...(canonical(beside) as Fields), rows };
  }
  if (Object.keys(fields).length === 1 && "evidenceByA" in fields) return canonical(fields.evidenceByA);
  const result: Fields = {};
  for (const [key, field] of Object.entries(labelled(fields))) {
    if (key === "id") result.id = decodeGlobalId(String(field))?.rowId ?? field;
    else if (key === "nodeId") result.id = decodePeerNodeId(String(field))?.rowId ?? field;
    else result[key] = canonical(field);
  }
  return result;
}

/** Where PostGraphile's answer has other root fields than Parley's (in canonical form). */
const PEER_ROOT: Partial<Record<OperationName, (data: Fields) => Fields>> = {
  countryMeetings: ({ country, meetings }) => {
    const [found] = country as Fields[];
    return { country: found ? { ...found, meetings } : null };
  },
};

export async function verifyPeer(serverUrl: string, peerUrl: string, inputs: OperationInputs): Promise<Record<OperationName, PeerVerification>> {
  const verified = {} as Record<OperationName, PeerVerification>;
  for (const operation of OPERATIONS) {
    const bodies = requestBodies(operation, inputs);
    const peerBodies = peerRequestBodies(operation, inputs);
    let bytes = { server: 0, peer: 0 };
    for (const [index, body] of bodies.entries()) {
      const peerBody = peerBodies[index] as string;
      const [server, peer] = await Promise.all([post(serverUrl, body), post(peerUrl, peerBody)]);
      const variables = JSON.stringify((JSON.parse(peerBody) as { variables: unknown }).variables);
      if (server.json.errors) throw new Error(`${operation.name}: the server answered errors: ${JSON.stringify(server.json.errors)}`);
      if (peer.json.errors || !peer.json.data) throw new Error(`${operation.name}: PostGraphile answered errors for ${variables}: ${JSON.stringify(peer.json.errors)}`);
      const peerData = canonical(peer.json.data) as Fields;
      try {
        deepStrictEqual(PEER_ROOT[operation.name]?.(peerData) ?? peerData, canonical(server.json.data));
      } catch (error) {
        throw new Error(
          `${operation.name}: PostGraphile's rows differ from the server's for ${variables} (compared in bench/verify-peer.ts' canonical form; expected: the server's):\n${(error as Error).message.slice(0, 4000)}`,
        );
      }
      if (index === 0) bytes = { server: Buffer.byteLength(server.text), peer: Buffer.byteLength(peer.text) };
    }
    verified[operation.name] = { requests: bodies.length, bytes };
  }
  return verified;
}
