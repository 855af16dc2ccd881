// Bad input for every server action and route handler: all but the agreements' actions (see
// bad-input.suite.ts, and bad-input-agreements.test.ts for the rest).
import { vi } from "vitest";
import { defineBadInputSuite } from "./bad-input.suite";

vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);

defineBadInputSuite("the rest");
