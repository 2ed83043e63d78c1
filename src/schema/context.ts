// What belongs to one request. The database client is imported directly, never carried here.
import type { YogaInitialContext } from "graphql-yoga";

export type Context = YogaInitialContext;
