/** Shared by forms (client) and the server; the hashing itself lives in password.ts. */
export const MIN_PASSWORD_LENGTH = 12;
