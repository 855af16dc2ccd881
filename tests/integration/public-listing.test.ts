// The public listing's data at more than a page of partners: pages of 50 in name order, filters
// applied before paging, and a change written behind the app's back (another instance, a script)
// seen once the version is read again — never a stale list for good.
import { beforeAll, describe, expect, it } from "vitest";
import { PUBLIC_PAGE_SIZE, searchPublicLinks } from "@/lib/data/public";
import { createAgreement, createStaff, resetDatabase } from "../helpers/database";

const names = Array.from({ length: 62 }, (_, index) => `Listing town ${String(index + 1).padStart(3, "0")}`);

beforeAll(async () => {
  await resetDatabase();
  const staff = await createStaff();
  for (const [index, name] of names.entries()) {
    await createAgreement({ createdBy: staff, partnerName: name, status: index % 20 === 7 ? "SUSPENDED" : "ACTIVE" });
  }
}, 120_000);

describe("searchPublicLinks", () => {
  it("pages the current partners by name, 50 to a page, and the paused ones apart", async () => {
    const current = names.filter((_, index) => index % 20 !== 7);
    const first = await searchPublicLinks({}, { current: 1, former: 1 });
    expect(PUBLIC_PAGE_SIZE).toBe(50);
    expect(first.current).toMatchObject({ total: current.length, page: 1, pageCount: 2 });
    expect(first.current.items.map((link) => link.partner.name)).toEqual(current.slice(0, 50));
    expect(first.former.items.map((link) => link.partner.name).sort()).toEqual(names.filter((_, index) => index % 20 === 7));
    const second = await searchPublicLinks({}, { current: 2, former: 1 });
    expect(second.current.items.map((link) => link.partner.name)).toEqual(current.slice(50));
    // A page past the end shows the last one.
    expect((await searchPublicLinks({}, { current: 9, former: 1 })).current.page).toBe(2);
  });

  it("filters before paging, and counts what matches", async () => {
    const result = await searchPublicLinks({ q: "TOWN 05" }, { current: 1, former: 1 });
    const expected = names.filter((name, index) => name.includes("05") && index % 20 !== 7);
    expect(result.current.items.map((link) => link.partner.name)).toEqual(expected);
    expect(result.current.total).toBe(expected.length);
    expect(result.currentTotal).toBe(names.length - 3);
  });

  it("shows a partner written behind the app's back within a second or two", async () => {
    const before = (await searchPublicLinks({}, { current: 1, former: 1 })).currentTotal;
    await createAgreement({ partnerName: "Listing town 999" });
    const started = Date.now();
    await expect
      .poll(async () => (await searchPublicLinks({ q: "999" }, { current: 1, former: 1 })).current.items.map((link) => link.partner.name), { timeout: 5000, interval: 200 })
      .toEqual(["Listing town 999"]);
    expect(Date.now() - started).toBeLessThan(3000);
    expect((await searchPublicLinks({}, { current: 1, former: 1 })).currentTotal).toBe(before + 1);
  });
});
