// The four operations by hand: the same statements the server's plan sends (one per relation level,
// same columns, same WHERE/ORDER BY/LIMIT, children fetched with `IN (…)` over every parent row,
// siblings concurrently as Prisma's interpreter runs them), then the same JSON. Page sizes of nested
// connections are applied in memory after the statement, as Prisma and Pothos do: a nested
// `first: 10` under several parents reads every child row. Mirroring that, rather than writing the
// best possible SQL, is what makes this a floor for the server's plan and not a different plan.
import { columns } from "./columns.js";
import { asBoolean, byId, dateLabel, edges, foreignKeys, globalId, groupBy, rootCursorOf, tradePeriodLabel, uniqueIds } from "./shape.js";
import { inList, type Row, type Sql } from "./sql.js";

const NONE: Row[] = [];

async function rowsIn(sql: Sql, table: string, cols: string, column: string, keys: unknown[], orderBy = ""): Promise<Row[]> {
  if (keys.length === 0) return NONE;
  return sql.all(`SELECT ${cols} FROM "${table}" WHERE "${table}"."${column}" IN (${inList(keys.length)})${orderBy}`, keys);
}

const DELEGATION_ORDER = ` ORDER BY "Delegation"."side" DESC, "Delegation"."id" ASC`;
const TENURE_ORDER = ` ORDER BY "Tenure"."attestedOn" DESC, "Tenure"."id" ASC`;

/** Heads → their tenures → posts: the `head { name posts(first: n) { … post { label } } }` levels. */
async function headsWithPosts(sql: Sql, delegations: Row[]) {
  const heads = await rowsIn(sql, "Person", columns(sql.engine, "Person"), "id", foreignKeys(delegations, "headId"));
  const tenures = await rowsIn(sql, "Tenure", columns(sql.engine, "Tenure"), "personId", uniqueIds(heads), TENURE_ORDER);
  const posts = await rowsIn(sql, "Post", columns(sql.engine, "Post"), "id", foreignKeys(tenures, "postId"));
  return { heads: byId(heads), tenures: groupBy(tenures, "personId"), posts: byId(posts) };
}

type HeadsWithPosts = Awaited<ReturnType<typeof headsWithPosts>>;

function headNode(head: Row | undefined, loaded: HeadsWithPosts, posts: number) {
  if (!head) return null;
  return {
    name: head.name,
    posts: { edges: edges(loaded.tenures.get(head.id), posts, (tenure) => ({ post: { label: loaded.posts.get(tenure.postId)?.label } })) },
  };
}

/** GraphiQL's default query (src/graphiql/default-query.ts). */
export async function meetingOverview(sql: Sql, slug: string) {
  const [meeting] = await sql.all(`SELECT ${columns(sql.engine, "Meeting")} FROM "Meeting" WHERE "Meeting"."id" = ? LIMIT ? OFFSET ?`, [slug, 1, 0]);
  if (!meeting) return { meeting: null };

  const [places, delegations, evidence] = await Promise.all([
    rowsIn(sql, "Place", columns(sql.engine, "Place"), "id", foreignKeys([meeting], "placeId")),
    // One parent: the page size goes into the statement (first + 1, for hasNextPage).
    sql.all(`SELECT ${columns(sql.engine, "Delegation")} FROM "Delegation" WHERE "Delegation"."meetingId" = ?${DELEGATION_ORDER} LIMIT ? OFFSET ?`, [slug, 11, 0]),
    sql.all(
      `SELECT ${columns(sql.engine, "Evidence")}, "t0"."B" FROM "Evidence" INNER JOIN "_EvidenceToMeeting" AS "t0" ON "t0"."A" = "Evidence"."id" WHERE "t0"."B" = ? ORDER BY "Evidence"."id" ASC`,
      [slug],
    ),
  ]);

  const heads = await rowsIn(sql, "Person", columns(sql.engine, "Person"), "id", foreignKeys(delegations, "headId"));
  const [[tenures, posts], [countries, tradeRecords, partners]] = await Promise.all([
    (async () => {
      const tenures = await rowsIn(sql, "Tenure", columns(sql.engine, "Tenure"), "personId", uniqueIds(heads), TENURE_ORDER);
      return [tenures, await rowsIn(sql, "Post", columns(sql.engine, "Post"), "id", foreignKeys(tenures, "postId"))] as const;
    })(),
    (async () => {
      const countries = await rowsIn(sql, "Country", columns(sql.engine, "Country"), "id", foreignKeys(heads, "countryId"));
      const tradeRecords = await rowsIn(
        sql, "TradeRecord", columns(sql.engine, "TradeRecord"), "reporterId", uniqueIds(countries),
        ` ORDER BY "TradeRecord"."periodStart" ASC, "TradeRecord"."periodEnd" ASC, "TradeRecord"."id" ASC`,
      );
      const partners = await rowsIn(sql, "Country", columns(sql.engine, "Country"), "id", foreignKeys(tradeRecords, "partnerId"));
      return [countries, tradeRecords, partners] as const;
    })(),
  ]);

  const loaded = { heads: byId(heads), tenures: groupBy(tenures, "personId"), posts: byId(posts) };
  const countryById = byId(countries);
  const recordsByReporter = groupBy(tradeRecords, "reporterId");
  const partnerById = byId(partners);
  const place = places[0];

  return {
    meeting: {
      title: meeting.title,
      date: { label: dateLabel(meeting), isInferred: asBoolean(meeting.dateInferred) },
      place: place ? { name: place.name } : null,
      delegations: {
        edges: edges(delegations, 10, (delegation) => {
          const head = loaded.heads.get(delegation.headId);
          const country = head && countryById.get(head.countryId);
          return {
            side: delegation.side,
            head: head
              ? {
                  ...headNode(head, loaded, 5),
                  country: country
                    ? {
                        name: country.name,
                        tradeRecords: {
                          edges: edges(recordsByReporter.get(country.id), 10, (record) => ({
                            flow: record.flow,
                            value: record.value,
                            currency: record.currency,
                            period: { label: tradePeriodLabel(record) },
                            partner: { name: partnerById.get(record.partnerId)?.name },
                          })),
                        },
                      }
                    : null,
                }
              : null,
          };
        }),
      },
      evidence: evidence.map((row) => ({ excerpt: row.excerpt })),
    },
  };
}

/** meetings(first: n) → delegations(5) → country, head → posts(3). */
export async function meetingList(sql: Sql, first: number) {
  const meetings = await sql.all(
    `SELECT ${columns(sql.engine, "Meeting")} FROM "Meeting" ORDER BY "Meeting"."date" DESC, "Meeting"."id" ASC LIMIT ? OFFSET ?`,
    [first + 1, 0],
  );
  const delegations = await rowsIn(sql, "Delegation", columns(sql.engine, "Delegation"), "meetingId", uniqueIds(meetings), DELEGATION_ORDER);
  const [countries, loaded] = await Promise.all([
    rowsIn(sql, "Country", columns(sql.engine, "Country"), "id", foreignKeys(delegations, "countryId")),
    headsWithPosts(sql, delegations),
  ]);
  const countryById = byId(countries);
  const delegationsByMeeting = groupBy(delegations, "meetingId");
  const page = meetings.slice(0, first);
  const last = page[page.length - 1];

  return {
    meetings: {
      pageInfo: { hasNextPage: meetings.length > first, endCursor: last ? rootCursorOf("Query.meetings", last.id) : null },
      edges: page.map((meeting) => ({
        node: {
          id: globalId("Meeting", meeting.id),
          title: meeting.title,
          date: { label: dateLabel(meeting) },
          delegations: {
            edges: edges(delegationsByMeeting.get(meeting.id), 5, (delegation) => ({
              side: delegation.side,
              country: { name: countryById.get(delegation.countryId)?.name },
              head: headNode(loaded.heads.get(delegation.headId), loaded, 3),
            })),
          },
        },
      })),
    },
  };
}

/** node(id:) of a meeting. */
export async function meetingNode(sql: Sql, id: string) {
  const decoded = Buffer.from(id, "base64url").toString("utf8");
  const separator = decoded.indexOf(":");
  if (decoded.slice(0, separator) !== "Meeting") return { node: null };
  const slug = decoded.slice(separator + 1);
  const [meeting] = await sql.all(`SELECT ${columns(sql.engine, "Meeting")} FROM "Meeting" WHERE "Meeting"."id" = ? LIMIT ? OFFSET ?`, [slug, 1, 0]);
  if (!meeting) return { node: null };
  const [place] = await rowsIn(sql, "Place", columns(sql.engine, "Place"), "id", foreignKeys([meeting], "placeId"));
  return {
    node: {
      __typename: "Meeting",
      id,
      title: meeting.title,
      type: meeting.type,
      date: { label: dateLabel(meeting), isInferred: asBoolean(meeting.dateInferred) },
      place: place ? { name: place.name } : null,
      summary: meeting.summary,
    },
  };
}

/** country(code:) → meetings(first: 20) with totalCount → delegations(5) → head → posts(3). */
export async function countryMeetings(sql: Sql, code: string) {
  // The country with its delegation count, the way Prisma computes `_count`: an aggregate over
  // the whole Delegation table joined to the one country.
  const [country] = await sql.all(
    `SELECT ${columns(sql.engine, "Country")}, COALESCE("counts"."delegations", 0) AS "delegations" FROM "Country"
     LEFT JOIN (SELECT "Delegation"."countryId", COUNT(*) AS "delegations" FROM "Delegation" GROUP BY "Delegation"."countryId") AS "counts"
       ON "Country"."id" = "counts"."countryId"
     WHERE "Country"."code" = ? LIMIT ? OFFSET ?`,
    [code.toUpperCase(), 1, 0],
  );
  if (!country) return { country: null };
  const own = await sql.all(
    `SELECT "Delegation"."id", "Delegation"."meetingId", "Delegation"."countryId" FROM "Delegation"
     LEFT JOIN "Meeting" AS "orderby_1" ON "orderby_1"."id" = "Delegation"."meetingId"
     WHERE "Delegation"."countryId" = ? ORDER BY "orderby_1"."date" DESC, "Delegation"."meetingId" ASC LIMIT ? OFFSET ?`,
    [country.id, 21, 0],
  );
  const meetings = byId(await rowsIn(sql, "Meeting", columns(sql.engine, "Meeting"), "id", foreignKeys(own, "meetingId")));
  const delegations = await rowsIn(sql, "Delegation", columns(sql.engine, "Delegation"), "meetingId", [...meetings.keys()], DELEGATION_ORDER);
  const loaded = await headsWithPosts(sql, delegations);
  const delegationsByMeeting = groupBy(delegations, "meetingId");

  return {
    country: {
      name: country.name,
      meetings: {
        totalCount: Number(country.delegations),
        edges: edges(own, 20, (delegation) => {
          const meeting = meetings.get(delegation.meetingId) as Row;
          return {
            title: meeting.title,
            date: { label: dateLabel(meeting) },
            delegations: {
              edges: edges(delegationsByMeeting.get(meeting.id), 5, (row) => ({
                side: row.side,
                head: headNode(loaded.heads.get(row.headId), loaded, 3),
              })),
            },
          };
        }),
      },
    },
  };
}
