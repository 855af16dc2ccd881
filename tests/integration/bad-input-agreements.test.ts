// Bad input for the agreements' and approvals' server actions (see bad-input.suite.ts; the
// other actions and the route handlers are in bad-input.test.ts).
import { vi } from "vitest";
import { defineBadInputSuite } from "./bad-input.suite";

vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);

defineBadInputSuite("agreements");
