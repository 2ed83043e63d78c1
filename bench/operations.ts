// The four operations the benchmark drives, as GraphQL documents with their variables. The floor
// server answers the same request bodies (it dispatches on `operationName`), so both see identical
// traffic.
import { DEFAULT_QUERY } from "../src/graphiql/default-query.js";

export type OperationName = "defaultQuery" | "meetingList" | "meetingNode" | "countryMeetings";

export interface Operation {
  name: OperationName;
  /** What it exercises, for the results' README. */
  description: string;
  query: string;
  /** The GraphQL operation name inside `query`, which the floor dispatches on. */
  operationName: string;
}

// Three levels under the list: meeting → delegations → head / country → head's posts.
const MEETING_LIST = `query MeetingList($first: Int!) {
  meetings(first: $first) {
    pageInfo { hasNextPage endCursor }
    edges {
      node {
        id
        title
        date { label }
        delegations(first: 5) {
          edges {
            node {
              side
              country { name }
              head { name posts(first: 3) { edges { node { post { label } } } } }
            }
          }
        }
      }
    }
  }
}`;

const MEETING_NODE = `query MeetingNode($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on Meeting { title type date { label isInferred } place { name } summary }
  }
}`;

const COUNTRY_MEETINGS = `query CountryMeetings($code: String!) {
  country(code: $code) {
    name
    meetings(first: 20) {
      totalCount
      edges {
        node {
          title
          date { label }
          delegations(first: 5) {
            edges {
              node {
                side
                head { name posts(first: 3) { edges { node { post { label } } } } }
              }
            }
          }
        }
      }
    }
  }
}`;

export const OPERATIONS: readonly Operation[] = [
  {
    name: "defaultQuery",
    description:
      "GraphiQL's default query (src/graphiql/default-query.ts): one meeting → place, evidence, delegations(10) → head → posts(5) → post, and head → country → tradeRecords(10) → partner.",
    query: DEFAULT_QUERY,
    operationName: "MeetingOverview",
  },
  {
    name: "meetingList",
    description: "meetings(first: 50), newest first, with pageInfo → delegations(5) → country, head → posts(3) → post.",
    query: MEETING_LIST,
    operationName: "MeetingList",
  },
  {
    name: "meetingNode",
    description: "node(id:) of a meeting (title, type, date, place, summary); the id changes on every request, cycling through meetings spread over the whole data set.",
    query: MEETING_NODE,
    operationName: "MeetingNode",
  },
  {
    name: "countryMeetings",
    description: "country(code:) → meetings(first: 20) with totalCount → delegations(5) → head → posts(3) → post, for the country with the most meetings.",
    query: COUNTRY_MEETINGS,
    operationName: "CountryMeetings",
  },
];

/** What each operation is asked with; chosen from the data (see dataset.ts). */
export interface OperationInputs {
  /** Meeting global ids for meetingNode, cycled through request by request. */
  meetingIds: string[];
  /** The country code for countryMeetings. */
  countryCode: string;
  /** `first` of meetingList under load. */
  listSize: number;
}

/** The variables of each request of an operation: one set, or several to cycle through. */
export function variablesFor(operation: OperationName, inputs: OperationInputs): Record<string, unknown>[] {
  switch (operation) {
    case "defaultQuery":
      return [{}];
    case "meetingList":
      return [{ first: inputs.listSize }];
    case "meetingNode":
      return inputs.meetingIds.map((id) => ({ id }));
    case "countryMeetings":
      return [{ code: inputs.countryCode }];
  }
}

/** The JSON bodies a client sends for an operation. */
export function requestBodies(operation: Operation, inputs: OperationInputs): string[] {
  return variablesFor(operation.name, inputs).map((variables) =>
    JSON.stringify({ query: operation.query, operationName: operation.operationName, variables }),
  );
}

export const REQUEST_HEADERS = { "content-type": "application/json", accept: "application/graphql-response+json" };
