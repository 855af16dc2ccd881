// Bad input for the agreement page's server actions and its documents (see bad-input.suite.ts; the
// forms, contacts and votes are in bad-input-agreement-forms.test.ts, call-in in bad-input-call-in.test.ts).
import { vi } from "vitest";
import { defineBadInputSuite } from "./bad-input.suite";

vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);

defineBadInputSuite("agreement page");
