// Imports every type module (each registers its types with the builder), then builds the schema.
import { GraphQLInterfaceType, GraphQLObjectType } from "graphql";
import { builder } from "./builder.js";
import { registerNodeTypes } from "../lib/global-id.js";
import { fingerprintCursors } from "./cursors.js";
import { checkArguments } from "./input-values.js";
import "./scalars.js";
import "./dates.js";
import "./source.js";
import "./country.js";
import "./organization.js";
import "./person.js";
import "./post.js";
import "./meeting.js";
import "./delegation.js";
import "./topic.js";
import "./outcome.js";
import "./quote.js";
import "./trade-record.js";
import "./referenced-event.js";
import "./meetings-of.js";
import "./meeting-counts.js";
import "./trade-series.js";
import "./counterparts.js";
import "./search.js";

builder.queryType({ description: "The entry points of Parley's knowledge graph of diplomatic meetings." });

export const schema = builder.toSchema({ sortSchema: true });

// plugin-prisma adds `totalCount` to connections without a way to describe it; describe it here.
for (const type of Object.values(schema.getTypeMap())) {
  if (!(type instanceof GraphQLObjectType) || !type.name.endsWith("Connection")) continue;
  const totalCount = type.getFields().totalCount;
  if (totalCount && !totalCount.description) totalCount.description = "Number of items in the whole list, not just this page.";
}

fingerprintCursors(schema);
// After fingerprintCursors, so that arguments are checked before anything else a resolver does.
checkArguments(schema);

const nodeInterface = schema.getType("Node") as GraphQLInterfaceType;
registerNodeTypes(schema.getPossibleTypes(nodeInterface).map((type) => type.name));
