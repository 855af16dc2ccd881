import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { readSettings } from "@/lib/settings";

export const getSettings = cache(() => readSettings(db));
