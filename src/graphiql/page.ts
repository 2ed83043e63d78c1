// GraphiQL, self-contained (no CDN), as a small page plus cacheable assets served by this server.
// @graphql-yoga/render-graphiql inlines its 9 MB bundle into every page view; serving the same
// code as separate files lets browsers cache it and keeps the page itself a few hundred bytes.
import { css, editorWorkerService, graphqlWorker, js, jsonWorker } from "@graphql-yoga/render-graphiql/graphiql";
import type { GraphiQLOptions, Plugin } from "graphql-yoga";

const ASSET_PATH = "/graphiql/";

// A Map, not an object literal: the name comes from the URL, and an object would also "have"
// `constructor`, `__proto__` or `toString` through its prototype.
const assets = new Map<string, { body: string; type: string }>([
  ["graphiql.css", { body: css, type: "text/css; charset=utf-8" }],
  ["graphiql.js", { body: js, type: "text/javascript; charset=utf-8" }],
  ["worker-editorWorkerService.js", { body: editorWorkerService, type: "text/javascript; charset=utf-8" }],
  ["worker-json.js", { body: jsonWorker, type: "text/javascript; charset=utf-8" }],
  ["worker-graphql.js", { body: graphqlWorker, type: "text/javascript; charset=utf-8" }],
]);

/** The GraphiQL page; `options` reach GraphiQL as Yoga's own renderer would pass them. */
export function renderGraphiQL(options?: GraphiQLOptions): string {
  // "<" escaped so that no option value can close the script element.
  const config = JSON.stringify(options ?? {}).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${options?.title ?? "GraphiQL"}</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${ASSET_PATH}graphiql.css" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="root"></div>
    <script>
      self.MonacoEnvironment = {
        globalAPI: false,
        getWorkerUrl: (_moduleId, label) => "${ASSET_PATH}worker-" + label + ".js",
      };
    </script>
    <script src="${ASSET_PATH}graphiql.js"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(document.querySelector("#root"), ${config});
    </script>
  </body>
</html>
`;
}

/** Serves GraphiQL's code and style under /graphiql/, cacheable for a day. */
export function useGraphiQLAssets(): Plugin {
  return {
    onRequest({ url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(ASSET_PATH)) return;
      const asset = assets.get(url.pathname.slice(ASSET_PATH.length));
      endResponse(
        asset
          ? new fetchAPI.Response(asset.body, {
              headers: { "content-type": asset.type, "cache-control": "public, max-age=86400" },
            })
          : new fetchAPI.Response("Not found", { status: 404 }),
      );
    },
  };
}
