// GraphiQL in a real browser (Debian's Chromium, driven by playwright-core): what a person opening
// /graphql sees, from the page itself to the seeded data the default query shows after pressing run.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { yoga } from "../src/yoga.js";

const CHROMIUM = "/usr/bin/chromium";
const TIMEOUT = 60_000; // per test and hook: launching Chromium and loading ~9 MB of GraphiQL
const WAIT = 30_000; // per browser wait, shorter so a stuck wait fails with Playwright's message
const EXECUTE_BUTTON = '.graphiql-execute-button[aria-label^="Execute query"]';

let server: Server;
let browser: Browser;
let page: Page;
let origin: string;
const requested: string[] = [];
const problems: string[] = [];

// Runs in the page: the text a Monaco editor inside `selector` renders (non-breaking spaces made
// plain, wrapped lines rejoined) once it shows every needle, else false, for waitForFunction to poll.
function textShowing({ selector, needles }: { selector: string; needles: string[] }): string | false {
  const text = (document.querySelector(`${selector} .view-lines`)?.textContent ?? "").replace(/\s+/g, " ");
  return needles.every((needle) => text.includes(needle)) && text;
}

/** Waits until the editor inside `selector` shows every needle, then returns all its text. */
async function editorTextShowing(selector: string, needles: string[]): Promise<string> {
  const shown = await page.waitForFunction(textShowing, { selector, needles }, { polling: 100, timeout: WAIT });
  return (await shown.jsonValue()) as string;
}

/** Whether a request left this server: blob: URLs belong to the page that made them, data: URLs go nowhere. */
function leftServer(url: string): boolean {
  if (url.startsWith("data:")) return false;
  return new URL(url.startsWith("blob:") ? url.slice("blob:".length) : url).origin !== origin;
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
    await page.waitForSelector(".graphiql-container", { state: "visible", timeout: WAIT });
    await page.waitForSelector(EXECUTE_BUTTON, { state: "visible", timeout: WAIT });
  }, TIMEOUT);

  test("opens on the default query", async () => {
    const query = await editorTextShowing(".graphiql-query-editor", ["MeetingOverview"]);
    expect(query).toContain("query MeetingOverview {");
    expect(query).toContain('meeting(slug: "kazakhstan-lithuania-foreign-ministry-consultations")');
  }, TIMEOUT);

  test("runs it and shows the seeded meeting, people, posts and trade", async () => {
    expect(await page.evaluate(textShowing, { selector: ".graphiql-response", needles: [] })).not.toContain("data");
    // GraphiQL also posts its introspection query; wait for the answer to the one we run.
    const answered = page.waitForResponse(
      (response) =>
        response.url() === `${origin}/graphql` && (response.request().postData() ?? "").includes("MeetingOverview"),
      { timeout: WAIT },
    );
    await page.click(EXECUTE_BUTTON, { timeout: WAIT });
    expect((await answered).status()).toBe(200);

    const result = await editorTextShowing(".graphiql-response", ["Roman Vassilenko", "Darius Skusevičius"]);
    expect(result).toContain('"data": { "meeting": {');
    expect(result).toContain('"name": "Roman Vassilenko"');
    expect(result).toContain('"name": "Darius Skusevičius"');
    expect(result).toContain('"label": "Deputy Minister of Foreign Affairs of Kazakhstan"');
    expect(result).toContain('"label": "January–August 2017"');
    expect(result).toContain('"value": 527000000,');
    expect(result).not.toContain('"errors"');
  }, TIMEOUT);

  test("loads nothing from anywhere but this server", () => {
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter(leftServer)).toEqual([]);
  });

  test("shows no errors in the browser console", () => {
    expect(problems).toEqual([]);
  });
});
