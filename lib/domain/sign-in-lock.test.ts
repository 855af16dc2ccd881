// The sign-in lock's rules, restated here as the numbers the issue and SECURITY.md give: an email
// locks after 5 failures for 1 minute, then 2, 4, 8 and at most 15 minutes per further failure; an
// address pauses after 20 failures in 15 minutes; concurrency never lets more checks through.
import { describe, expect, it } from "vitest";
import { addressKey, admit, ADDRESS_RULE, EMAIL_RULE, EMPTY_COUNTER, PENDING_EXPIRY_MS, settle, type Counter, type LockRule, type Outcome } from "./sign-in-lock";

const T0 = new Date("2026-12-03T09:00:00.000Z");
const MINUTE = 60_000;
const at = (ms: number) => new Date(T0.getTime() + ms);

/** One attempt, admitted and settled at once (no concurrency): the counter after, and whether it was checked. */
function attempt(counter: Counter, rule: LockRule, now: Date, outcome: Outcome): { counter: Counter; checked: boolean } {
  const admission = admit(counter, rule, now);
  if (admission.kind !== "admitted") return { counter, checked: false };
  return { counter: settle(admission.counter, rule, now, outcome), checked: true };
}

describe("EMAIL_RULE", () => {
  it("locks after five failures for 1 minute, then each further failure for 2, 4, 8, 15, 15 minutes", () => {
    let counter = EMPTY_COUNTER;
    let now = T0;
    for (let index = 0; index < 5; index += 1) counter = attempt(counter, EMAIL_RULE, now, "failed").counter;
    const locks: number[] = [];
    for (let round = 0; round < 6; round += 1) {
      const minutes = (counter.lockedUntil!.getTime() - now.getTime()) / MINUTE;
      locks.push(minutes);
      // Locked until then, right password or not.
      expect(admit(counter, EMAIL_RULE, new Date(counter.lockedUntil!.getTime() - 1)).kind).toBe("locked");
      now = counter.lockedUntil!;
      counter = attempt(counter, EMAIL_RULE, now, "failed").counter;
    }
    expect(locks).toEqual([1, 2, 4, 8, 15, 15]);
  });

  it("forgets failures a day after the last one, and at once when the right password is given", () => {
    let counter = EMPTY_COUNTER;
    for (let index = 0; index < 4; index += 1) counter = attempt(counter, EMAIL_RULE, T0, "failed").counter;
    expect(attempt(counter, EMAIL_RULE, T0, "passed").counter).toMatchObject({ failures: 0, lockedUntil: null, pending: 0 });
    expect(admit(counter, EMAIL_RULE, at(24 * 60 * MINUTE))).toMatchObject({ kind: "admitted", counter: { failures: 0 } });
  });

  it("admits at most five concurrent checks, and after a lock one at a time", () => {
    let counter = EMPTY_COUNTER;
    let admitted = 0;
    for (let index = 0; index < 40; index += 1) {
      const admission = admit(counter, EMAIL_RULE, T0);
      if (admission.kind === "admitted") {
        admitted += 1;
        counter = admission.counter;
      } else expect(admission.kind).toBe("busy");
    }
    expect(admitted).toBe(5);
    for (let index = 0; index < 5; index += 1) counter = settle(counter, EMAIL_RULE, T0, "failed");
    expect(admit(counter, EMAIL_RULE, T0)).toEqual({ kind: "locked", until: at(MINUTE) });
    const after = admit(counter, EMAIL_RULE, at(MINUTE));
    expect(after.kind).toBe("admitted");
    expect(after.kind === "admitted" && admit(after.counter, EMAIL_RULE, at(MINUTE)).kind).toBe("busy");
  });

  it("frees the place of a check that was lost (its process ended) after a while, counting it as nothing", () => {
    let counter = EMPTY_COUNTER;
    for (let index = 0; index < 5; index += 1) counter = (admit(counter, EMAIL_RULE, T0) as { counter: Counter }).counter;
    expect(admit(counter, EMAIL_RULE, at(PENDING_EXPIRY_MS - 1)).kind).toBe("busy");
    expect(admit(counter, EMAIL_RULE, at(PENDING_EXPIRY_MS))).toMatchObject({ kind: "admitted", counter: { pending: 1, failures: 0 } });
  });
});

describe("ADDRESS_RULE", () => {
  it("pauses an address after 20 failures, whatever the emails, until 15 minutes after the first", () => {
    let counter = EMPTY_COUNTER;
    let checked = 0;
    for (let index = 0; index < 30; index += 1) {
      const result = attempt(counter, ADDRESS_RULE, at(index * 1000), "failed");
      counter = result.counter;
      if (result.checked) checked += 1;
    }
    expect(checked).toBe(20);
    expect(admit(counter, ADDRESS_RULE, at(15 * MINUTE - 1))).toEqual({ kind: "locked", until: at(15 * MINUTE) });
    expect(admit(counter, ADDRESS_RULE, at(15 * MINUTE)).kind).toBe("admitted");
  });

  it("is not cleared by a right password (an attacker's own account would clear it), only freed", () => {
    let counter = EMPTY_COUNTER;
    for (let index = 0; index < 19; index += 1) counter = attempt(counter, ADDRESS_RULE, T0, "failed").counter;
    counter = attempt(counter, ADDRESS_RULE, T0, "passed").counter;
    expect(counter).toMatchObject({ failures: 19, pending: 0 });
  });
});

describe("addressKey", () => {
  it("counts an IPv4 address by itself and an IPv6 address by its /64", () => {
    expect(addressKey("203.0.113.5")).toBe("address:203.0.113.5");
    expect(addressKey("2001:db8:1:2::1")).toBe("address:2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("address:2001:db8:1:2::/64");
    expect(addressKey("2001:db8::1")).toBe("address:2001:db8:0:0::/64");
    expect(addressKey("::1")).toBe("address:0:0:0:0::/64");
    expect(addressKey(null)).toBe("address:unknown");
  });
});
