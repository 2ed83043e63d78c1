import { describe, expect, it } from "vitest";
import { nodes, query } from "./helpers/client.js";

describe("trade records", () => {
  it("keeps the two figures apart: a partial period and a full year, in Kazakhstan's statistics", async () => {
    const { tradeRecords } = await query(`{ tradeRecords(first: 10) { totalCount edges { node {
      reporter { code } partner { code } flow value currency isApproximate
      period { start end precision label isInferred inferenceNote }
      meeting { slug } evidence { excerpt }
    } } } }`);
    expect(tradeRecords.totalCount).toBe(2);
    const [partial, year] = nodes<Record<string, any>>(tradeRecords); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(partial).toMatchObject({
      reporter: { code: "KZ" },
      partner: { code: "LT" },
      flow: "TURNOVER",
      value: 527000000,
      currency: "USD",
      isApproximate: false,
      period: { start: "2017-01-01", end: "2017-08-31", precision: "MONTH", label: "January–August 2017", isInferred: true },
      meeting: { slug: "kazakhstan-lithuania-foreign-ministry-consultations" },
    });
    expect(partial?.period.inferenceNote).toContain("January–August 2018");
    expect(year).toMatchObject({
      value: 722000000,
      period: { start: "2017-01-01", end: "2017-12-31", precision: "YEAR", label: "2017", isInferred: false },
    });
    expect(partial?.evidence).toEqual([{ excerpt: expect.stringContaining("according to Kazakhstan`s data") }]);
  });

  it("lists them under the reporter and, separately, under the partner", async () => {
    const { kz, lt } = await query(`{
      kz: country(code: "KZ") { tradeRecords(first: 5) { totalCount } partnerTradeRecords(first: 5) { totalCount } }
      lt: country(code: "LT") { tradeRecords(first: 5) { totalCount } partnerTradeRecords(first: 5) { totalCount edges { node { value } } } }
    }`);
    expect(kz).toEqual({ tradeRecords: { totalCount: 2 }, partnerTradeRecords: { totalCount: 0 } });
    expect(lt.tradeRecords.totalCount).toBe(0);
    expect(nodes(lt.partnerTradeRecords)).toEqual([{ value: 527000000 }, { value: 722000000 }]);
  });
});
