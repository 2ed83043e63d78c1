// A literal argument of the wrong kind (an enum value that does not exist, a string where a number
// belongs) is the client's bad input, not a malformed query: give it BAD_USER_INPUT like every
// other rejected value, so clients handle one code for "fix your arguments".
import type { Plugin } from "graphql-yoga";
import { GraphQLError, validate, ValuesOfCorrectTypeRule } from "graphql";

export function useInputErrorCodes(): Plugin {
  return {
    onValidate({ params }) {
      return ({ result, setResult }) => {
        if (result.length === 0) return;
        const badValues = new Set(validate(params.schema, params.documentAST, [ValuesOfCorrectTypeRule]).map((error) => error.message));
        if (badValues.size === 0) return;
        setResult(
          result.map((error) =>
            badValues.has(error.message)
              ? new GraphQLError(error.message, {
                  nodes: error.nodes,
                  source: error.source,
                  positions: error.positions,
                  extensions: { ...error.extensions, code: "BAD_USER_INPUT" },
                })
              : error,
          ),
        );
      };
    },
  };
}
