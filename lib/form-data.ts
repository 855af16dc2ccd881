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
