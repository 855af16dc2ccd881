// The caches of this app, and what keeps them fresh: lib/cache/README.md, decision 016.
export { cacheUntilChanged, memoUntilChanged, type CacheOptions } from "./memo";
export { BoundedMap } from "./bounded-map";
export { changeSignalMode, changeSignalStatus, currentVersion, stopWatching, watchDatabase } from "./listener";
export { markChanged, TOPICS, type Topic } from "./signal";
export { INVALIDATIONS, invalidateAfterWrite, type Invalidation } from "./invalidate";
