import NeedsJavaScript from './NeedsJavaScript.tsx';
import { fixFieldsMessage } from './useDemoForm.tsx';
import { useId, useState } from 'preact/hooks';
import {
	DEMO_MAX_BYTES,
	KEY_SPECS,
	STEP_TITLES,
	bytes,
	clampStep,
	defaultInput,
	envelope,
	parseMessage,
	type EnvelopeInput,
	type Field,
	type KeySpec,
} from '../../lib/demos/envelope-encryption.ts';
import './EnvelopeEncryptionStepper.css';


export default function EnvelopeEncryptionStepper() {
	const id = useId();
	const [input, setInput] = useState<EnvelopeInput>(defaultInput);
	const [current, setCurrent] = useState(0);
	const result = envelope(input);
	const errors = result.ok ? {} : result.errors;
	const message = parseMessage(input.message);
	const step = clampStep(current, STEP_TITLES.length);
	const shown = result.ok ? result.value.steps[step] : undefined;
	const go = (n: number) => setCurrent(clampStep(n, STEP_TITLES.length));
	const set = (field: Field, value: string) => setInput({ ...input, [field]: value });

	// A field names its message (or its hint) as its description, so a screen reader reads it with the field.
	const describe = (name: Field, hint: string) =>
		errors[name] ? (
			<p id={`${id}-${name}-error`} class="demo__field-error">
				{errors[name]}
			</p>
		) : (
			<p id={`${id}-${name}-hint`} class="demo__note envelope__hint">
				{hint}
			</p>
		);
	const aria = (name: Field) => ({
		'aria-invalid': errors[name] ? ('true' as const) : undefined,
		'aria-describedby': errors[name] ? `${id}-${name}-error` : `${id}-${name}-hint`,
	});

	return (
		<section data-demo="envelope-encryption-stepper" class="demo" aria-labelledby={`${id}-h`}>
			<h3 id={`${id}-h`}>Envelope encryption stepper</h3>
			<NeedsJavaScript />
			<p class="demo__note">
				Type a message and an encryption context, then follow the five steps with Next or pick one from the list. Illustrative only: this page
				encrypts nothing and calls no AWS API; keys and ciphertexts are placeholders with their sizes. Simplified: one message, one data key,
				AES-GCM assumed for the local cipher; in practice the AWS Encryption SDK runs these steps for you.
			</p>
			<div class="envelope__field">
				<label for={`${id}-message`}>Message to encrypt</label>
				<textarea
					id={`${id}-message`}
					rows={3}
					spellcheck={false}
					autoComplete="off"
					value={input.message}
					{...aria('message')}
					onInput={(e) => set('message', e.currentTarget.value)}
				/>
				{describe('message', message.ok ? `${bytes(message.value.bytes)} in UTF-8 (up to ${bytes(DEMO_MAX_BYTES)} here).` : '')}
			</div>
			<div class="demo__row demo__row--top">
				<div class="envelope__context">
					<label for={`${id}-context`}>Encryption context (optional)</label>
					<input
						id={`${id}-context`}
						type="text"
						spellcheck={false}
						autoComplete="off"
						value={input.context}
						{...aria('context')}
						onInput={(e) => set('context', e.currentTarget.value)}
					/>
					{describe('context', 'key=value pairs separated by commas. Not secret: KMS logs them in CloudTrail.')}
				</div>
				<div>
					<label for={`${id}-keySpec`}>Data key</label>
					<select id={`${id}-keySpec`} value={input.keySpec} {...aria('keySpec')} onChange={(e) => set('keySpec', e.currentTarget.value as KeySpec)}>
						{(Object.keys(KEY_SPECS) as KeySpec[]).map((k) => (
							<option key={k} value={k}>
								{KEY_SPECS[k].label}
							</option>
						))}
					</select>
					{describe('keySpec', 'Or NumberOfBytes for another length; never both.')}
				</div>
			</div>
			<div aria-live="polite" data-part="size-rule">
				{result.ok ? (
					<div class="demo__result" data-verdict={result.value.directEncryptFits ? 'allow' : 'deny'}>
						<p>
							<strong>
								{bytes(result.value.messageBytes)}: {result.value.directEncryptFits ? 'direct Encrypt would also work' : 'too big for direct Encrypt'}
							</strong>
						</p>
						{result.value.directEncrypt.map((t, i) => (
							<p key={i}>{t}</p>
						))}
					</div>
				) : (
					<p class="demo__error">{fixFieldsMessage(errors, 'follow the steps')}</p>
				)}
			</div>
			<ol class="envelope__steps" aria-label="Steps">
				{STEP_TITLES.map((t, i) => (
					<li key={i}>
						<button type="button" aria-current={i === step ? 'step' : undefined} onClick={() => go(i)}>
							{i + 1}. {t}
						</button>
					</li>
				))}
			</ol>
			<div class="demo__row envelope__nav">
				{/* aria-disabled rather than disabled: the button keeps keyboard focus at either end of the list. */}
				<button type="button" aria-disabled={step === 0 ? 'true' : undefined} onClick={() => go(step - 1)}>
					Previous
				</button>
				<button type="button" aria-disabled={step === STEP_TITLES.length - 1 ? 'true' : undefined} onClick={() => go(step + 1)}>
					Next
				</button>
			</div>
			<div aria-live="polite" data-part="step">
				<p class="envelope__step-title">
					<strong>
						Step {step + 1} of {STEP_TITLES.length}: {STEP_TITLES[step]}
					</strong>
				</p>
				{shown ? (
					<>
						<p>
							{shown.call ? (
								<>
									KMS request: <code class="envelope__call">{shown.call}</code>
								</>
							) : (
								'No KMS request: this runs in the application.'
							)}
						</p>
						{shown.what.map((t, i) => (
							<p key={i}>{t}</p>
						))}
						<div class="envelope__cols">
							<div class="envelope__col envelope__col--sees">
								<p class="demo__steps-title" id={`${id}-sees`}>
									What KMS sees
								</p>
								<ul aria-labelledby={`${id}-sees`}>
									{shown.kmsSees.map((t, i) => (
										<li key={i}>{t}</li>
									))}
								</ul>
							</div>
							<div class="envelope__col">
								<p class="demo__steps-title" id={`${id}-never`}>
									What KMS never sees
								</p>
								<ul aria-labelledby={`${id}-never`}>
									{shown.kmsNeverSees.map((t, i) => (
										<li key={i}>{t}</li>
									))}
								</ul>
							</div>
							<div class="envelope__col">
								<p class="demo__steps-title" id={`${id}-memory`}>
									In application memory (illustrative)
								</p>
								<ul aria-labelledby={`${id}-memory`}>
									{shown.memory.map((t, i) => (
										<li key={i}>{t}</li>
									))}
								</ul>
							</div>
							<div class="envelope__col">
								<p class="demo__steps-title" id={`${id}-storage`}>
									In your storage (illustrative)
								</p>
								<ul aria-labelledby={`${id}-storage`}>
									{shown.storage.map((t, i) => (
										<li key={i}>{t}</li>
									))}
								</ul>
							</div>
						</div>
					</>
				) : (
					<p>{fixFieldsMessage(errors, 'see this step')}</p>
				)}
			</div>
		</section>
	);
}
