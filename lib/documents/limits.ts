// The limits of a document upload (issue 23 item 2; docs/decisions/021-documents.md).

/** The largest file accepted. */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/** The whole upload request: the file and the form's few short fields. */
export const MAX_DOCUMENT_REQUEST_BYTES = MAX_DOCUMENT_BYTES + 64 * 1024;

/** An Office or ODF file expands to at most this many bytes … */
export const MAX_EXPANDED_BYTES = 200 * 1024 * 1024;

/** … and at most this many times its compressed size (a file of text compresses 10–20 times; a zip bomb thousands). */
export const MAX_EXPANSION_RATIO = 100;

/** At most this many files inside an Office or ODF archive. */
export const MAX_ARCHIVE_ENTRIES = 10_000;

/** The bytes of a stored file are kept in pieces of this size: no statement or backup line carries more. */
export const STORED_CHUNK_BYTES = 256 * 1024;

/** A form field other than the file (title, alt text): longer is refused. */
export const MAX_FIELD_BYTES = 4 * 1024;
