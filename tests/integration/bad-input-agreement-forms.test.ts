// Bad input for the agreement forms' (new, edit, correct), contacts', partner feeds' and the votes'
// server actions (see bad-input.suite.ts; the agreement page's actions are in bad-input-agreement-page.test.ts).
import { vi } from "vitest";
import { defineBadInputSuite } from "./bad-input.suite";

vi.mock("next/cache", async () => (await import("../helpers/request-context")).nextCacheMock);

defineBadInputSuite("agreement forms and votes");
