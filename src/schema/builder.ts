// The Pothos SchemaBuilder: plugins and options only; types live in src/schema/<domain>.ts.
import SchemaBuilder from "@pothos/core";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import type PrismaTypes from "../generated/pothos-types.js";
import { getDatamodel } from "../generated/pothos-types.js";
import { db } from "../db/client.js";
import type { Context } from "./context.js";
import { decodeGlobalId, encodeGlobalId } from "../lib/global-id.js";

export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes;
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: Date; Output: Date };
    ID: { Input: string; Output: string };
  };
}>({
  plugins: [PrismaPlugin, RelayPlugin],
  defaultFieldNullability: false,
  prisma: {
    client: db,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    // A selection that no resolver consumed means a wasted or N+1 query: fail tests, warn in development.
    onUnusedQuery: { test: "error" as const, production: null }[process.env.NODE_ENV ?? ""] ?? "warn",
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    encodeGlobalID: encodeGlobalId,
    decodeGlobalID: decodeGlobalId,
    nodeQueryOptions: {
      description: "Fetches any entity by its global ID; null when no entity has that ID.",
      args: { id: { description: "A global ID, as returned in any entity's `id` field." } },
    },
    nodesQueryOptions: {
      description: "Fetches several entities by their global IDs, in order; null for each ID that matches nothing.",
      args: { ids: { description: "Global IDs, as returned in entities' `id` fields." } },
    },
    nodeTypeOptions: { description: "An entity with a globally unique, opaque ID (Relay's Node)." },
    pageInfoTypeOptions: { description: "Where a page of a connection sits within the whole list." },
    idFieldOptions: { description: "Globally unique, opaque ID: pass it to `node(id:)`." },
    firstArgOptions: { description: "Return the first n items after `after` (0 to 100; 20 when neither first nor last is given)." },
    afterArgOptions: { description: "Return items after this cursor (an `endCursor` or edge `cursor` of the same list)." },
    lastArgOptions: { description: "Return the last n items before `before` (0 to 100)." },
    beforeArgOptions: { description: "Return items before this cursor (a `startCursor` or edge `cursor` of the same list)." },
    defaultConnectionTypeOptions: { description: "A page of a list (Relay connection): its edges, where the page sits, and the list's size." },
    defaultEdgeTypeOptions: { description: "One item of a page, with the cursor that points at it." },
    edgesFieldOptions: { description: "The items on this page, in the list's order." },
    pageInfoFieldOptions: { description: "Cursors and flags for fetching the neighbouring pages." },
    cursorFieldOptions: { description: "Opaque cursor of this item: pass it as `after` or `before`." },
    nodeFieldOptions: { description: "The item." },
    hasNextPageFieldOptions: { description: "True when more items follow this page." },
    hasPreviousPageFieldOptions: { description: "True when items precede this page." },
    startCursorFieldOptions: { description: "Cursor of the page's first item." },
    endCursorFieldOptions: { description: "Cursor of the page's last item." },
  },
});
