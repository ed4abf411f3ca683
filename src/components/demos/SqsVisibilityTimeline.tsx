import NeedsJavaScript from './NeedsJavaScript.tsx';
import { fixFieldsMessage } from './useDemoForm.tsx';
import { useId, useState } from 'preact/hooks';
import {
	HEARTBEATS,
	OUTCOMES,
	calculate,
	defaultInput,
	fmtTime,
	type Field,
	type Heartbeat,
	type Outcome,
	type Simulation,
	type VisibilityInput,
} from '../../lib/demos/sqs-visibility.ts';

/** Long runs (maxReceiveCount up to 1,000) would flood the page; the count of what is left out is said instead. */
const SHOWN_EVENTS = 40;
const SHOWN_BARS = 10;

const RESULT_LABEL = { deleted: 'deleted in time', failed: 'failed', 'too-late': 'still running when visible again' } as const;

const pct = (n: number, span: number) => `${span === 0 ? 0 : Math.min(100, (n / span) * 100)}%`;

/** One bar per attempt: the hidden window, with the work drawn over it. The ordered list says the same in words. */
function Bars({ sim }: { sim: Simulation }) {
	const shown = sim.attempts.slice(0, SHOWN_BARS);
	return (
		<div class="sqs-bars" aria-hidden="true">
			{shown.map((a) => (
				<div key={a.receive} class="sqs-bars__row">
					<span class="sqs-bars__label">
						#{a.receive}: {RESULT_LABEL[a.result]}
					</span>
					<span class="sqs-bars__track">
						<span class="sqs-bars__hidden" style={{ left: pct(a.start, sim.span), width: pct((a.result === 'deleted' ? a.end : a.hiddenUntil) - a.start, sim.span) }} />
						<span class="sqs-bars__work" data-result={a.result} style={{ left: pct(a.start, sim.span), width: pct(a.end - a.start, sim.span) }} />
					</span>
				</div>
			))}
			<p class="sqs-bars__key">
				<span class="sqs-bars__swatch sqs-bars__swatch--hidden" /> hidden <span class="sqs-bars__swatch sqs-bars__swatch--work" /> processing{' '}
				<span class="sqs-bars__swatch sqs-bars__swatch--late" /> processing that outlasts the timeout; bars span 0 to {fmtTime(sim.span)}
				{sim.attempts.length > SHOWN_BARS ? `; first ${SHOWN_BARS} of ${sim.attempts.length} attempts` : ''}
			</p>
		</div>
	);
}

export default function SqsVisibilityTimeline() {
	const id = useId();
	const [input, setInput] = useState<VisibilityInput>(defaultInput);
	const result = calculate(input);
	const errors = result.ok ? {} : result.errors;
	const set = (field: Field, value: string) => setInput({ ...input, [field]: value });
	const describedBy = (name: Field, hint: boolean) => (errors[name] ? `${id}-${name}-error` : hint ? `${id}-${name}-hint` : undefined);
	const message = (name: Field, hint?: string) =>
		errors[name] ? (
			<p id={`${id}-${name}-error`} class="demo__field-error">
				{errors[name]}
			</p>
		) : hint ? (
			<p id={`${id}-${name}-hint`} class="demo__note">
				{hint}
			</p>
		) : null;

	// Each field names its own error message, so a screen reader reads it with the field.
	const field = (name: 'visibilityTimeout' | 'processingTime' | 'maxReceiveCount', label: string, hint: string) => (
		<div>
			<label for={`${id}-${name}`}>{label}</label>
			<input
				id={`${id}-${name}`}
				type="text"
				inputMode="numeric"
				size={8}
				spellcheck={false}
				autoComplete="off"
				value={input[name]}
				aria-invalid={errors[name] ? 'true' : undefined}
				aria-describedby={describedBy(name, true)}
				onInput={(e) => set(name, e.currentTarget.value)}
			/>
			{message(name, hint)}
		</div>
	);
	const choice = <K extends 'outcome' | 'heartbeat'>(name: K, label: string, options: Record<VisibilityInput[K], string>) => (
		<div>
			<label for={`${id}-${name}`}>{label}</label>
			<select
				id={`${id}-${name}`}
				value={input[name]}
				aria-invalid={errors[name] ? 'true' : undefined}
				aria-describedby={describedBy(name, false)}
				onChange={(e) => set(name, e.currentTarget.value)}
			>
				{(Object.keys(options) as VisibilityInput[K][]).map((o) => (
					<option key={o} value={o}>
						{options[o]}
					</option>
				))}
			</select>
			{message(name)}
		</div>
	);

	const sim = result.ok ? result.value : undefined;
	return (
		<section data-demo="sqs-visibility-timeline" class="demo" aria-labelledby={`${id}-h`}>
			<h3 id={`${id}-h`}>SQS visibility timeout and redrive timeline</h3>
			<NeedsJavaScript />
			<p class="demo__note">
				Follow one message through its receives: when the work outlasts the visibility timeout the message is received again, and once
				the receive count would pass maxReceiveCount it goes to the dead-letter queue.
			</p>
			<div class="demo__row demo__row--top">
				{field('visibilityTimeout', 'Visibility timeout (s)', '0 to 43,200; default 30.')}
				{field('processingTime', 'Processing time per attempt (s)', 'Whole seconds, 1 to 43,200.')}
				{field('maxReceiveCount', 'maxReceiveCount', 'Whole number, 1 to 1,000.')}
			</div>
			<div class="demo__row demo__row--top">
				{choice('outcome', 'Processing', OUTCOMES as Record<Outcome, string>)}
				{choice('heartbeat', 'ChangeMessageVisibility heartbeat', HEARTBEATS as Record<Heartbeat, string>)}
			</div>
			<div aria-live="polite">
				{!sim ? (
					<p class="demo__error">{fixFieldsMessage(errors, 'see the timeline')}</p>
				) : (
					<div class="demo__result" data-verdict={sim.fate === 'deleted' ? 'allow' : 'deny'}>
						<p>
							<strong>{sim.verdict}</strong>
						</p>
						<p class="demo__steps-title" id={`${id}-timeline`}>
							Timeline (seconds after the first receive)
						</p>
						<ol aria-labelledby={`${id}-timeline`} class="sqs-timeline">
							{sim.events.slice(0, SHOWN_EVENTS).map((e, i) => (
								<li key={i} data-kind={e.kind}>
									<span class="sqs-timeline__at">{fmtTime(e.at)}:</span> {e.text}
								</li>
							))}
						</ol>
						{sim.events.length > SHOWN_EVENTS ? (
							<p class="demo__note">
								{sim.events.length - SHOWN_EVENTS} more events follow the same pattern until the message moves at {fmtTime(sim.fateAt)}.
							</p>
						) : null}
						<Bars sim={sim} />
					</div>
				)}
			</div>
			<p class="demo__note">
				Simplified: one message; consumers poll without pause, so it is received again the moment it is visible; every attempt takes the
				same time; a heartbeat calls ChangeMessageVisibility every half timeout, and SQS rejects a call that would keep the message hidden
				more than 12 hours after the receive; a delete with an old receipt handle, sent after the message was received again, is taken to
				have no effect (SQS says such a delete might not remove the message).
			</p>
		</section>
	);
}
