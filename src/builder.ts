// The Pothos SchemaBuilder: plugins and options only; types live in src/schema/<domain>.ts.
import SchemaBuilder from "@pothos/core";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import type PrismaTypes from "./generated/pothos-types.js";
import { getDatamodel } from "./generated/pothos-types.js";
import { db } from "./db.js";
import type { Context } from "./context.js";
import { decodeGlobalId, encodeGlobalId } from "./lib/global-id.js";

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
    // A selection that no resolver consumed means a wasted or N+1 query: loud outside production.
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "error",
  },
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    encodeGlobalID: encodeGlobalId,
    decodeGlobalID: decodeGlobalId,
    nodeQueryOptions: {
      description: "Fetches any entity by its global ID; null when no entity has that ID.",
    },
    nodesQueryOptions: {
      description: "Fetches several entities by their global IDs, in order; null for each ID that matches nothing.",
    },
    nodeTypeOptions: { description: "An entity with a globally unique, opaque ID (Relay's Node)." },
    pageInfoTypeOptions: { description: "Where a page of a connection sits within the whole list." },
    idFieldOptions: { description: "Globally unique, opaque ID: pass it to `node(id:)`." },
  },
});
