// Bad input for every server action and route handler but the agreements' and the votes' (see
// bad-input.suite.ts and the other bad-input-*.test.ts).
import { vi } from "vitest";
import { defineBadInputSuite } from "./bad-input.suite";

vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);

defineBadInputSuite("the rest");
