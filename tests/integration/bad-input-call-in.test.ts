// Bad input for the call-in actions (see bad-input.suite.ts; the agreement page's other actions are
// in bad-input-agreement-page.test.ts).
import { vi } from "vitest";
import { defineBadInputSuite } from "./bad-input.suite";

vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);

defineBadInputSuite("call-in");
