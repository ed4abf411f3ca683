// One way to write a date and time across the site's tools (exam history, review queue, backups):
// "2 Dec 2026, 09:05", in the reader's time zone.

const OPTIONS: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
const FORMAT = new Intl.DateTimeFormat('en-GB', OPTIONS);

/** "2 Dec 2026, 09:05"; an empty string for a time that is not one. `timeZone` is for tests. */
export function dateTimeText(time: number | string | Date, timeZone?: string): string {
	const date = time instanceof Date ? time : new Date(time);
	if (Number.isNaN(date.getTime())) return '';
	return (timeZone ? new Intl.DateTimeFormat('en-GB', { ...OPTIONS, timeZone }) : FORMAT).format(date);
}
