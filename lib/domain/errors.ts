export type AppErrorCode = "UNAUTHENTICATED" | "FORBIDDEN" | "NOT_FOUND" | "INVALID_TRANSITION" | "CONFLICT" | "VALIDATION";

/** A failure the user can be told about. Domain code throws these; one mapper turns them into results. */
export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Field errors to show beside the fields (code VALIDATION). */
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

export const STALE_VERSION_MESSAGE = "This agreement was changed by someone else — reload to see their changes";

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_TRANSITION: 409,
  CONFLICT: 409,
  VALIDATION: 422,
};
