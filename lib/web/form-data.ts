/** Turns a submitted form into a plain object: repeated names (checkboxes) become arrays. */
export function formDataToObject(formData: FormData, arrayFields: readonly string[] = []): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const name of arrayFields) values[name] = [];
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    const text = typeof value === "string" ? value : value.name;
    if (arrayFields.includes(key)) (values[key] as string[]).push(text);
    else values[key] = text;
  }
  return values;
}

/**
 * What a server action was sent, as a plain object: a form posts FormData, a script may post a
 * plain object; anything else (a crafted request can send any value) is empty input.
 */
export function submittedValues(input: unknown, arrayFields: readonly string[] = []): Record<string, unknown> {
  if (input instanceof FormData) return formDataToObject(input, arrayFields);
  return typeof input === "object" && input !== null && Object.getPrototypeOf(input) === Object.prototype ? (input as Record<string, unknown>) : {};
}
