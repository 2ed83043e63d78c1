// The query GraphiQL opens on: one nested walk through the graph, from a meeting to trade figures.
export const DEFAULT_QUERY = `# Parley: a knowledge graph of diplomatic meetings; every fact links to its source.
# Press the run button (or Ctrl-Enter). The Docs pane describes every type and field.
query MeetingOverview {
  meeting(slug: "kazakhstan-lithuania-foreign-ministry-consultations") {
    title
    date { label isInferred }
    place { name }
    delegations(first: 10) {
      edges {
        node {
          side
          head {
            name
            posts(first: 5) {
              edges { node { post { label } } }
            }
            country {
              name
              tradeRecords(first: 10) {
                edges {
                  node {
                    flow
                    value
                    currency
                    period { label }
                    partner { name }
                  }
                }
              }
            }
          }
        }
      }
    }
    evidence { excerpt }
  }
}
`;
