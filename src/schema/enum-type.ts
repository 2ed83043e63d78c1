// Declares a GraphQL enum whose values each carry a description (the docs pane is the manual).
import { builder } from "./builder.js";

export function describedEnum<const Value extends string>(
  name: string,
  description: string,
  values: Record<Value, string>,
) {
  return builder.enumType(name, {
    description,
    values: Object.fromEntries(
      Object.entries<string>(values).map(([value, valueDescription]) => [value, { value, description: valueDescription }]),
    ) as Record<Value, { value: Value; description: string }>,
  });
}
