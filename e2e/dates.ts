// Dates the journeys type, counted from the day the suite runs, so that they hold next year too.

/**
 * A day of June next year: always months ahead (an upcoming event), and in summer time in
 * Europe (UTC+1 in London, UTC+2 in Berlin). As typed into a date field ("2027-06-20"), as the
 * app writes it ("20 June 2027") and as an iCalendar date ("20270620").
 */
export function juneNextYear(day: number, today = new Date()) {
  const year = today.getUTCFullYear() + 1;
  const dd = String(day).padStart(2, "0");
  return { iso: `${year}-06-${dd}`, long: `${day} June ${year}`, ical: `${year}06${dd}` };
}
