// The four operations of operations.ts written for PostGraphile (bench/postgraphile/), the peer the
// bench measures the server against on PostgreSQL: the same rows, in the same order, with the same
// fields, asked the way PostGraphile's schema asks for them. Aliases give its fields Parley's names
// and every list is read through `edges { node }` as Parley's are, so that both answer in nearly
// the same shape; verify-peer.ts bridges what remains.
//
// Names come from PostGraphile's schema over Prisma's tables, with the simplify inflector:
// Person ← Tenure is `tenures` (Parley's `posts`), Country ← TradeRecord.reporterId is
// `tradeRecordsByReporterId` (Parley's `tradeRecords`), and Meeting ↔ Evidence goes through Prisma's
// join table `_EvidenceToMeeting` (A: the evidence, B: the meeting), since many-to-many needs a
// plugin the issue does not list. Every order is Parley's, tie-breaker included (bench/floor/plans.ts
// holds the SQL), and nested page sizes are Parley's.
import { variablesFor, type Operation, type OperationInputs, type OperationName } from "./operations.js";

const DELEGATION_ORDER = "orderBy: [SIDE_DESC, ID_ASC]";
const TENURE_ORDER = "orderBy: [ATTESTED_ON_DESC, ID_ASC]";

/** Parley asks `date { label }`; PostGraphile has no label, so it reads what the label is made of. */
const DEFAULT_QUERY = `query MeetingOverview {
  meeting(id: "kazakhstan-lithuania-foreign-ministry-consultations") {
    title
    date
    datePrecision
    dateInferred
    place { name }
    delegations(first: 10, ${DELEGATION_ORDER}) {
      edges {
        node {
          side
          head {
            name
            posts: tenures(first: 5, ${TENURE_ORDER}) {
              edges { node { post { label } } }
            }
            country {
              name
              tradeRecords: tradeRecordsByReporterId(first: 10, orderBy: [PERIOD_START_ASC, PERIOD_END_ASC, ID_ASC]) {
                edges {
                  node {
                    flow
                    value
                    currency
                    periodStart
                    periodEnd
                    periodPrecision
                    partner { name }
                  }
                }
              }
            }
          }
        }
      }
    }
    evidence: _evidenceToMeetingsByB(orderBy: A_ASC) { nodes { evidenceByA { excerpt } } }
  }
}`;

const MEETING_LIST = `query MeetingList($first: Int!) {
  meetings(first: $first, orderBy: [DATE_DESC, ID_ASC]) {
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        nodeId
        title
        date
        datePrecision
        delegations(first: 5, ${DELEGATION_ORDER}) {
          edges {
            node {
              side
              country { name }
              head { name posts: tenures(first: 3, ${TENURE_ORDER}) { edges { node { post { label } } } } }
            }
          }
        }
      }
    }
  }
}`;

/** PostGraphile's own Node lookup by its global id, as Parley's `node(id:)` is. */
const MEETING_NODE = `query MeetingNode($nodeId: ID!) {
  node(nodeId: $nodeId) {
    __typename
    nodeId
    ... on Meeting { title type date datePrecision dateInferred place { name } summary }
  }
}`;

/**
 * Parley's `country(code:) { meetings }` lists the country's delegations by their meeting's date.
 * PostGraphile cannot order a country's delegations by a column of their meeting (that takes
 * another plugin), so it lists the meetings that have a delegation of the country, filtered through
 * the relation: the same meetings in the same order, and as many (a country sends at most one
 * delegation to a meeting: Delegation is unique on meetingId, countryId). The code has no unique
 * constraint PostGraphile would see (Prisma makes a unique index), hence `countries(condition:)`;
 * it matches exactly where Parley folds the case, which finds the same country because the bench
 * asks with a code as stored (bench/dataset.ts picks it from the table).
 */
const COUNTRY_MEETINGS = `query CountryMeetings($code: String!) {
  country: countries(condition: { code: $code }, first: 1) { nodes { name } }
  meetings(first: 20, orderBy: [DATE_DESC, ID_ASC], filter: { delegations: { some: { country: { code: { equalTo: $code } } } } }) {
    totalCount
    edges {
      node {
        title
        date
        datePrecision
        delegations(first: 5, ${DELEGATION_ORDER}) {
          edges {
            node {
              side
              head { name posts: tenures(first: 3, ${TENURE_ORDER}) { edges { node { post { label } } } } }
            }
          }
        }
      }
    }
  }
}`;

export const PEER_QUERIES: Record<OperationName, string> = {
  defaultQuery: DEFAULT_QUERY,
  meetingList: MEETING_LIST,
  meetingNode: MEETING_NODE,
  countryMeetings: COUNTRY_MEETINGS,
};

/** A Parley global id (src/lib/global-id.ts: base64url of "Type:id") as its type and row id. */
export function decodeGlobalId(id: string): { typename: string; rowId: string } | null {
  const decoded = Buffer.from(id, "base64url").toString("utf8");
  const match = /^([A-Z]\w*):(.+)$/s.exec(decoded);
  return match ? { typename: match[1] as string, rowId: match[2] as string } : null;
}

/** PostGraphile's global id (`nodeId`): base64 of JSON [type's plural name, primary key]. */
export const peerNodeId = (pluralTypename: string, rowId: string) => Buffer.from(JSON.stringify([pluralTypename, rowId])).toString("base64");

/** A PostGraphile global id as its type's plural name and row id. */
export function decodePeerNodeId(nodeId: string): { pluralTypename: string; rowId: string } | null {
  try {
    const [pluralTypename, rowId] = JSON.parse(Buffer.from(nodeId, "base64").toString("utf8")) as unknown[];
    return typeof pluralTypename === "string" && typeof rowId === "string" ? { pluralTypename, rowId } : null;
  } catch {
    return null;
  }
}

/** The peer's variables for each of Parley's, in the same order: the same values, ids translated. */
function peerVariables(operation: OperationName, variables: Record<string, unknown>): Record<string, unknown> {
  if (operation !== "meetingNode") return variables;
  const decoded = decodeGlobalId(String(variables.id));
  if (decoded?.typename !== "Meeting") throw new Error(`meetingNode: ${String(variables.id)} is not a Meeting's global id`);
  return { nodeId: peerNodeId("Meetings", decoded.rowId) };
}

/** The JSON bodies sent to PostGraphile, one for each of Parley's (operations.ts' requestBodies), in the same order. */
export function peerRequestBodies(operation: Operation, inputs: OperationInputs): string[] {
  return variablesFor(operation.name, inputs).map((variables) =>
    JSON.stringify({ query: PEER_QUERIES[operation.name], operationName: operation.operationName, variables: peerVariables(operation.name, variables) }),
  );
}
