/**
 * One SQS message and its receives, following the SQS Developer Guide and API Reference: a received message stays
 * hidden for the visibility timeout (default 30 s, 0 s to 43,200 s = 12 hours); if it is not deleted in that time it
 * becomes visible and is received again, and each receive adds one to ApproximateReceiveCount. With a redrive policy,
 * once the receive count would exceed maxReceiveCount the message moves to the dead-letter queue instead.
 * ChangeMessageVisibility sets a new timeout that counts from the moment of the call (the "heartbeat"), but SQS rejects
 * a call that would keep the message hidden more than 12 hours in total after the receive.
 *
 * Simplifications, also said in the demo: consumers poll without pause, so the message is received again the moment
 * it becomes visible; every attempt takes the same time; a delete sent with an old receipt handle (after the message
 * was received again) is assumed not to remove it, which the DeleteMessage reference says can happen.
 * Bad input never throws: it comes back as a message per field.
 */

export type Outcome = 'succeeds' | 'fails';
export type Heartbeat = 'off' | 'on';

export const OUTCOMES: Record<Outcome, string> = {
	succeeds: 'Always succeeds (then deletes the message)',
	fails: 'Fails every time (never deletes it)',
};
export const HEARTBEATS: Record<Heartbeat, string> = {
	off: 'Off',
	on: 'On: extend every half timeout',
};

export interface VisibilityInput {
	/** As typed by the reader. */
	visibilityTimeout: string;
	processingTime: string;
	maxReceiveCount: string;
	outcome: Outcome;
	heartbeat: Heartbeat;
}
export type Field = keyof VisibilityInput;

export type EventKind = 'received' | 'extended' | 'visible' | 'deleted' | 'failed' | 'late' | 'dlq';

export interface TimelineEvent {
	/** Seconds after the first receive. */
	at: number;
	kind: EventKind;
	text: string;
}

export interface Attempt {
	receive: number;
	start: number;
	/** When the consumer finishes working on it (success or failure). */
	end: number;
	/** When the message becomes visible again unless deleted first. */
	hiddenUntil: number;
	result: 'deleted' | 'failed' | 'too-late';
}

export interface Simulation {
	events: TimelineEvent[];
	attempts: Attempt[];
	fate: 'deleted' | 'dlq';
	/** When the message was deleted or moved to the dead-letter queue. */
	fateAt: number;
	/** Attempts that ran the work to a successful end (duplicates when more than one). */
	processed: number;
	/** The time the last event happens, for scaling the bars. */
	span: number;
	verdict: string;
}

export type VisibilityResult = { ok: true; value: Simulation } | { ok: false; errors: Partial<Record<Field, string>> };

export const MAX_VISIBILITY_TIMEOUT = 43_200;
export const DEFAULT_VISIBILITY_TIMEOUT = 30;
/** Processing is capped at the longest visibility timeout so the timeline stays readable. */
export const MAX_PROCESSING_TIME = 43_200;
export const MAX_RECEIVE_COUNT = 1000;

export function defaultInput(): VisibilityInput {
	return { visibilityTimeout: String(DEFAULT_VISIBILITY_TIMEOUT), processingTime: '40', maxReceiveCount: '3', outcome: 'succeeds', heartbeat: 'off' };
}

type Parsed = { ok: true; value: number } | { ok: false; error: string };

const shown = (t: string) => (t.length > 20 ? `${t.slice(0, 20)}…` : t);
export const fmt = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 1 });
/** Seconds as shown in the timeline: "90 s", with minutes or hours added when that helps. */
export function fmtTime(s: number): string {
	if (s < 120) return `${fmt(s)} s`;
	if (s < 7200) return `${fmt(s)} s (${fmt(Math.round((s / 60) * 10) / 10)} min)`;
	return `${fmt(s)} s (${fmt(Math.round((s / 3600) * 10) / 10)} h)`;
}
const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${fmt(n)} times`);

interface WholeRule {
	/** How the value is named in messages, e.g. "The visibility timeout". */
	name: string;
	empty: string;
	min: number;
	max: number;
	tooSmall: string;
	tooBig: string;
	unit: string;
}

function parseWhole(text: unknown, rule: WholeRule): Parsed {
	const t = typeof text === 'string' ? text.trim() : '';
	if (t === '') return { ok: false, error: rule.empty };
	if (/^-\s*\d/.test(t)) return { ok: false, error: `${rule.name} cannot be negative.` };
	if (/^\d{1,3}(,\d{3})+$/.test(t)) return { ok: false, error: `Type ${shown(t)} without separators: ${shown(t.replaceAll(',', ''))}.` };
	if (/^\d*[.,]\d+$/.test(t)) return { ok: false, error: `${rule.name} is a whole number of ${rule.unit}; ${shown(t)} is a fraction.` };
	if (!/^\d+$/.test(t)) return { ok: false, error: `"${shown(t)}" is not a whole number of ${rule.unit}.` };
	const n = Number(t);
	if (n < rule.min) return { ok: false, error: rule.tooSmall };
	if (n > rule.max) return { ok: false, error: rule.tooBig };
	return { ok: true, value: n };
}

export const parseVisibilityTimeout = (text: unknown) =>
	parseWhole(text, {
		name: 'The visibility timeout',
		empty: 'Enter the visibility timeout in seconds, from 0 to 43,200 (the default is 30).',
		min: 0,
		max: MAX_VISIBILITY_TIMEOUT,
		tooSmall: '',
		tooBig: 'The visibility timeout can be at most 43,200 s (12 hours).',
		unit: 'seconds',
	});

export const parseProcessingTime = (text: unknown) =>
	parseWhole(text, {
		name: 'The processing time',
		empty: 'Enter how long one attempt takes, in seconds.',
		min: 1,
		max: MAX_PROCESSING_TIME,
		tooSmall: 'Processing takes some time: enter at least 1 second.',
		tooBig: 'This demo takes processing times up to 43,200 s (12 hours).',
		unit: 'seconds',
	});

export const parseMaxReceiveCount = (text: unknown) =>
	parseWhole(text, {
		name: 'maxReceiveCount',
		empty: 'Enter maxReceiveCount, from 1 to 1,000.',
		min: 1,
		max: MAX_RECEIVE_COUNT,
		tooSmall: 'maxReceiveCount is at least 1.',
		tooBig: 'maxReceiveCount can be at most 1,000.',
		unit: 'receives',
	});

/**
 * Heartbeat calls while an attempt runs: one every half timeout, each asking for a full timeout from the call.
 * `calls` counts the accepted ones; `capped` says SQS rejected the rest for passing 12 hours after the receive.
 */
function hiddenUntil(start: number, timeout: number, processing: number, heartbeat: boolean): { until: number; calls: number; capped: boolean } {
	if (!heartbeat) return { until: start + timeout, calls: 0, capped: false };
	const every = timeout / 2;
	// Calls happen strictly before the work ends; counted, not looped, so 12 hours of 0.5 s calls cost nothing.
	const wanted = Math.max(0, Math.ceil(processing / every) - 1);
	const allowed = Math.max(0, Math.floor((MAX_VISIBILITY_TIMEOUT - timeout) / every));
	const calls = Math.min(wanted, allowed);
	return { until: calls === 0 ? start + timeout : start + calls * every + timeout, calls, capped: wanted > calls };
}

function simulate(timeout: number, processing: number, maxReceives: number, outcome: Outcome, heartbeat: boolean): Simulation {
	// Each event keeps its place among events at the same second (stable sort below).
	const events: (TimelineEvent & { seq: number })[] = [];
	const add = (at: number, kind: EventKind, text: string) => events.push({ at, kind, text, seq: events.length });
	const attempts: Attempt[] = [];
	let start = 0;
	let fate: Simulation['fate'] = 'dlq';
	let fateAt = 0;
	let capped = false;
	// An attempt that ends too late refers to the receive (or the move) that came before it: it is added after that
	// event, so at the same second it reads after it.
	let lateLine: (() => void) | null = null;
	for (let receive = 1; receive <= maxReceives; receive++) {
		add(start, 'received', `Received #${receive} (ApproximateReceiveCount ${receive}); hidden for ${fmt(timeout)} s.`);
		lateLine?.();
		lateLine = null;
		const hidden = hiddenUntil(start, timeout, processing, heartbeat);
		if (hidden.calls > 0) {
			add(
				start + timeout / 2,
				'extended',
				`The consumer calls ChangeMessageVisibility ${times(hidden.calls)} (every ${fmt(timeout / 2)} s, ${fmt(timeout)} s each time): hidden until ${fmtTime(hidden.until)}.${hidden.capped ? ' SQS rejects the next call: it would keep the message hidden more than 12 hours after the receive.' : ''}`,
			);
		}
		if (hidden.capped) capped = true;
		const end = start + processing;
		const inTime = end < hidden.until;
		const attempt: Attempt = { receive, start, end, hiddenUntil: hidden.until, result: inTime ? (outcome === 'succeeds' ? 'deleted' : 'failed') : 'too-late' };
		attempts.push(attempt);
		if (inTime && outcome === 'succeeds') {
			add(end, 'deleted', `Attempt #${receive} succeeds and deletes the message.`);
			fate = 'deleted';
			fateAt = end;
			break;
		}
		if (inTime) add(end, 'failed', `Attempt #${receive} fails; the message is not deleted.`);
		add(hidden.until, 'visible', `Visible again: ${inTime ? 'nobody deleted it' : `attempt #${receive} is still running`}.`);
		if (!inTime) {
			lateLine = () =>
				add(
					end,
					'late',
					outcome === 'succeeds'
						? `Attempt #${receive} finishes and deletes with its old receipt handle: too late, the message was already ${receive === maxReceives ? 'moved' : 'received again'}.`
						: `Attempt #${receive} fails, after the message was already ${receive === maxReceives ? 'moved' : 'received again'}.`,
				);
		}
		start = hidden.until;
		if (receive === maxReceives) {
			add(start, 'dlq', `Receive #${receive + 1} would exceed maxReceiveCount (${maxReceives}): SQS moves the message to the dead-letter queue.`);
			fateAt = start;
		}
	}
	lateLine?.();
	events.sort((a, b) => a.at - b.at || a.seq - b.seq);
	const processed = outcome === 'succeeds' ? attempts.length : 0;
	const late = attempts.some((a) => a.result === 'too-late');
	let verdict: string;
	if (fate === 'deleted') {
		verdict =
			processing >= timeout
				? `Processed once: the heartbeat kept the message hidden past the ${fmt(timeout)} s timeout until the work ended at ${fmtTime(processing)}.`
				: `Processed once and deleted at ${fmtTime(fateAt)}: the visibility timeout (${fmt(timeout)} s) is longer than the processing time.`;
	} else if (outcome === 'succeeds' && capped) {
		verdict = `Processed ${times(processed)}${processed > 1 ? ' (duplicates)' : ''} and still moved to the dead-letter queue at ${fmtTime(fateAt)}: even with a heartbeat, a message stays hidden at most 12 hours after each receive, so ${fmt(processing)} s of work cannot finish in time. Split the work into shorter steps.`;
	} else if (outcome === 'succeeds') {
		verdict = `Processed ${times(processed)}${processed > 1 ? ' (duplicates)' : ''} and still moved to the dead-letter queue at ${fmtTime(fateAt)}: each attempt takes ${fmt(processing)} s, not less than the ${fmt(timeout)} s visibility timeout. Raise the visibility timeout above the processing time, or extend it with a ChangeMessageVisibility heartbeat.`;
	} else {
		verdict = `Failed ${times(attempts.length)}, then moved to the dead-letter queue at ${fmtTime(fateAt)}, where it waits to be inspected: fix the consumer, then redrive the message.`;
		if (late) verdict += ` Each attempt also outlasted the ${fmt(timeout)} s visibility timeout, so the attempts overlapped.`;
	}
	// A deleted message is no longer hidden, so its unused timeout does not stretch the scale.
	const span = Math.max(fateAt, ...attempts.map((a) => (a.result === 'deleted' ? a.end : Math.max(a.end, a.hiddenUntil))));
	return { events: events.map(({ seq: _seq, ...e }) => e), attempts, fate, fateAt, processed, span, verdict };
}

/** Checks every field and returns all problems at once, so each can be shown next to its field. */
export function calculate(input: VisibilityInput): VisibilityResult {
	const i = (input && typeof input === 'object' ? input : {}) as Partial<VisibilityInput>;
	const errors: Partial<Record<Field, string>> = {};
	const timeout = parseVisibilityTimeout(i.visibilityTimeout);
	const processing = parseProcessingTime(i.processingTime);
	const receives = parseMaxReceiveCount(i.maxReceiveCount);
	if (!timeout.ok) errors.visibilityTimeout = timeout.error;
	if (!processing.ok) errors.processingTime = processing.error;
	if (!receives.ok) errors.maxReceiveCount = receives.error;
	if (!Object.hasOwn(OUTCOMES, String(i.outcome))) errors.outcome = 'Choose whether processing succeeds.';
	if (!Object.hasOwn(HEARTBEATS, String(i.heartbeat))) errors.heartbeat = 'Choose whether the consumer sends a heartbeat.';
	else if (i.heartbeat === 'on' && timeout.ok && timeout.value === 0) {
		errors.heartbeat = 'A heartbeat needs a visibility timeout above 0 s: at 0 s the message is visible again at once, before any extension.';
	}
	if (!timeout.ok || !processing.ok || !receives.ok || Object.keys(errors).length > 0) return { ok: false, errors };
	return { ok: true, value: simulate(timeout.value, processing.value, receives.value, i.outcome!, i.heartbeat === 'on') };
}
