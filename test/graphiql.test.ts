// GraphiQL in a real browser (Debian's Chromium, driven by playwright-core): what a person opening
// /graphql sees, from the page itself to the seeded data the default query shows after pressing run.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { yoga } from "../src/yoga.js";

const CHROMIUM = "/usr/bin/chromium";
const TIMEOUT = 60_000;
const EXECUTE_BUTTON = '.graphiql-execute-button[aria-label^="Execute query"]';

let server: Server;
let browser: Browser;
let page: Page;
let origin: string;
const requested: string[] = [];
const problems: string[] = [];

/** The text of a Monaco editor inside `container`, as rendered (non-breaking spaces made plain). */
async function editorText(container: string): Promise<string> {
  return page.$eval(container, (element) =>
    (element.querySelector(".view-lines")?.textContent ?? "").replace(/\u00a0/g, " "),
  );
}

/** Where a request went: blob: URLs belong to the page that made them, data: URLs go nowhere. */
function requestHost(url: string): string | null {
  if (url.startsWith("data:")) return null;
  const parsed = new URL(url.startsWith("blob:") ? url.slice("blob:".length) : url);
  return parsed.host;
}

beforeAll(async () => {
  server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  // Tall enough that Monaco, which renders only the lines in view, renders the whole result.
  const context = await browser.newContext({ viewport: { width: 1400, height: 3000 } });
  context.on("request", (request) => requested.push(request.url()));
  page = await context.newPage();
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console error: ${message.text()}`);
  });
  await page.goto(`${origin}/graphql`, { waitUntil: "load" });
}, TIMEOUT);

afterAll(async () => {
  await browser?.close();
  if (server) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}, TIMEOUT);

describe("GraphiQL in Chromium", () => {
  test("serves the GraphiQL page, titled Parley", async () => {
    expect(await page.title()).toBe("Parley");
    await page.waitForSelector(".graphiql-container", { state: "visible", timeout: TIMEOUT });
    await page.waitForSelector(EXECUTE_BUTTON, { state: "visible", timeout: TIMEOUT });
  }, TIMEOUT);

  test("opens on the default query", async () => {
    await page.waitForFunction(
      () => document.querySelector(".graphiql-query-editor .view-lines")?.textContent?.includes("MeetingOverview"),
      undefined,
      { timeout: TIMEOUT },
    );
    const query = await editorText(".graphiql-query-editor");
    expect(query).toContain("query MeetingOverview {");
    expect(query).toContain('meeting(slug: "kazakhstan-lithuania-foreign-ministry-consultations")');
  }, TIMEOUT);

  test("runs it and shows the seeded meeting, people, posts and trade", async () => {
    expect(await editorText(".graphiql-response")).not.toContain("Roman Vassilenko");
    const answered = page.waitForResponse(
      (response) => response.url() === `${origin}/graphql` && response.request().method() === "POST",
      { timeout: TIMEOUT },
    );
    await page.click(EXECUTE_BUTTON, { timeout: TIMEOUT });
    expect((await answered).status()).toBe(200);

    await page.waitForTimeout(5000);
    await page.screenshot({ path: "/tmp/explore/t.png" });
    console.log("RESP", (await editorText(".graphiql-response")).slice(0, 3000));
    // The result pane fills in once the answer has been rendered; wait for its last person.
    await page.waitForFunction(
      () => {
        const text = document.querySelector(".graphiql-response .view-lines")?.textContent ?? "";
        return text.includes("Roman Vassilenko") && text.includes("Darius Skusevičius");
      },
      undefined,
      { timeout: TIMEOUT },
    );
    const result = await editorText(".graphiql-response");
    expect(result).toContain('"data"');
    expect(result).toContain("Roman Vassilenko");
    expect(result).toContain("Darius Skusevičius");
    expect(result).toContain("Deputy Minister of Foreign Affairs of Kazakhstan");
    expect(result).toContain("January–August 2017");
    expect(result).toMatch(/"value": 527000000\b/);
    expect(result).not.toContain('"errors"');
  }, TIMEOUT);

  test("loads nothing from anywhere but this server", () => {
    expect(requested.length).toBeGreaterThan(0);
    const offHost = requested.filter((url) => {
      const host = requestHost(url);
      return host !== null && host !== new URL(origin).host;
    });
    expect(offHost).toEqual([]);
  });

  test("shows no errors in the browser console", () => {
    expect(problems).toEqual([]);
  });
});
