// Loaded into the demo's server (`--import`, with `--expose-gc`; scripts/lib/server-process.ts,
// docs/decisions/014-demo-footprint.md). Once requests stop, one full garbage collection of the kind
// V8 runs before it gives up on memory: it compacts the heap, drops the compiled code of pages
// nobody is opening, and hands the freed pages back to the system. V8's own memory reducer did not
// within three minutes of the end-to-end journeys. Plain JavaScript: the server runs without tsx.
import { performance } from "node:perf_hooks";

/** How often the server looks at how busy it was (a test shortens it). */
const CHECK_EVERY_MS = Number(process.env.IDLE_COLLECT_EVERY_MS) || 15_000;
/** The share of the last check's time the event loop was busy, below which the server is idle. */
const IDLE_UTILIZATION = 0.02;

const collect = globalThis.gc;
if (typeof collect === "function") {
  let previous = performance.eventLoopUtilization();
  let collectedSinceBusy = true;
  setInterval(() => {
    const now = performance.eventLoopUtilization();
    const busy = performance.eventLoopUtilization(now, previous).utilization;
    previous = now;
    if (busy > IDLE_UTILIZATION) collectedSinceBusy = false;
    else if (!collectedSinceBusy) {
      collectedSinceBusy = true;
      collect({ type: "major", execution: "sync", flavor: "last-resort" });
    }
  }, CHECK_EVERY_MS).unref();
}
