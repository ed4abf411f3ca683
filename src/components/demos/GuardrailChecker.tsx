import Field, { type Described } from './Field.tsx';
import NeedsJavaScript from './NeedsJavaScript.tsx';
import type { ComponentChildren } from 'preact';
import { useId, useRef, useState } from 'preact/hooks';
import { ACTIONS, ACTION_LABELS, ENTITY_TYPES, MAX_TOPICS, PROFANITY_SAMPLE, check, defaultInput } from '../../lib/demos/guardrail-checker.ts';
import type { EntityType, GuardrailInput, StageResult, TopicInput } from '../../lib/demos/guardrail-checker.ts';

type Keyed<T> = T & { key: number };
type State = Omit<GuardrailInput, 'topics'> & { topics: Keyed<TopicInput>[] };

const start = (): State => {
	const input = defaultInput();
	return { ...input, topics: input.topics.map((t, i) => ({ ...t, key: i + 1 })) };
};

const OUTCOME: Record<StageResult['outcome'], string> = {
	blocked: 'Blocked',
	masked: 'Masked',
	passed: 'Passed',
};

export default function GuardrailChecker() {
	const id = useId();
	const [state, setState] = useState(start);
	const [nextKey, setNextKey] = useState(100);
	const addTopicButton = useRef<HTMLButtonElement>(null);

	const result = check(state);
	const errors: Record<string, string> = result.ok ? {} : result.errors;
	const f = (name: string) => `${id}-${name}`;
	const set = (patch: Partial<State>) => setState({ ...state, ...patch });
	const editTopic = (key: number, patch: Partial<TopicInput>) => set({ topics: state.topics.map((t) => (t.key === key ? { ...t, ...patch } : t)) });
	const field = (name: string, errorKey: string, label: string, control: (described: Described) => ComponentChildren, hint?: string) => (
		<Field id={f(name)} label={label} error={errors[errorKey]} hint={hint}>
			{control}
		</Field>
	);
	const text = (name: string, key: keyof State & string, label: string, size: number, hint?: string) =>
		field(
			name,
			key,
			label,
			(d) => (
				<input
					id={f(name)}
					type="text"
					size={size}
					spellcheck={false}
					autoComplete="off"
					value={state[key] as string}
					{...d}
					onInput={(e) => set({ [key]: e.currentTarget.value } as Partial<State>)}
				/>
			),
			hint,
		);
	const actionSelect = (name: string, errorKey: string, label: string, value: string, onChange: (v: string) => void) =>
		field(name, errorKey, label, (d) => (
			<select id={f(name)} value={value} {...d} onChange={(e) => onChange(e.currentTarget.value)}>
				{ACTIONS.map((a) => (
					<option key={a} value={a}>
						{ACTION_LABELS[a]}
					</option>
				))}
			</select>
		));

	const stage = (r: StageResult, title: string) => (
		<>
			<p class="demo__steps-title">
				{title}: {OUTCOME[r.outcome]}
			</p>
			{r.detections.length === 0 ? (
				<p>No policy finds anything.</p>
			) : (
				<ul>
					{r.detections.map((d, i) => (
						<li key={i}>
							{d.policy} {d.policy === 'Word filter' ? '' : `${d.name} `}matches "{d.match}": {d.action === 'NONE' ? 'NONE, only reported' : d.action}
						</li>
					))}
				</ul>
			)}
		</>
	);

	return (
		<section class="demo" data-demo="guardrail-checker" aria-labelledby={f('title')}>
			<h4 id={f('title')}>Guardrail checker</h4>
			<NeedsJavaScript />
			<p class="demo__note">
				A keyword and pattern model of a guardrail's rules, not the service. Real guardrails use machine-learning classifiers for
				denied topics, prompt attacks and sensitive information, which understand meaning and context; this model only finds the
				exact keywords and patterns below. Content filters, contextual grounding and Automated Reasoning checks are left out. Set up
				the guardrail, then run a prompt and a model answer through it: the prompt is checked first.
			</p>

			<h5>Denied topics</h5>
			{state.topics.map((topic, i) => (
				<fieldset key={topic.key}>
					<legend>Denied topic {i + 1}</legend>
					<div class="demo__row demo__row--top">
						{field(`topic-name-${topic.key}`, `topics.${i}.name`, 'Name', (d) => (
							<input
								id={f(`topic-name-${topic.key}`)}
								type="text"
								size={18}
								autoComplete="off"
								value={topic.name}
								{...d}
								onInput={(e) => editTopic(topic.key, { name: e.currentTarget.value })}
							/>
						))}
						{field(
							`topic-words-${topic.key}`,
							`topics.${i}.keywords`,
							'Keywords and phrases (comma-separated)',
							(d) => (
								<input
									id={f(`topic-words-${topic.key}`)}
									type="text"
									size={24}
									spellcheck={false}
									autoComplete="off"
									value={topic.keywords}
									{...d}
									onInput={(e) => editTopic(topic.key, { keywords: e.currentTarget.value })}
								/>
							),
							'Up to 5. The real topic has a definition and example phrases.',
						)}
						<button
							type="button"
							class="demo__row-button"
							aria-label={`Remove denied topic ${i + 1}`}
							onClick={() => {
								set({ topics: state.topics.filter((t) => t.key !== topic.key) });
								setTimeout(() => addTopicButton.current?.focus());
							}}
						>
							Remove
						</button>
					</div>
				</fieldset>
			))}
			{state.topics.length < MAX_TOPICS && (
				<button
					type="button"
					ref={addTopicButton}
					onClick={() => {
						set({ topics: [...state.topics, { key: nextKey, name: 'Legal advice', keywords: 'lawsuit, sue' }] });
						setNextKey(nextKey + 1);
					}}
				>
					Add denied topic
				</button>
			)}

			<h5>Word filters</h5>
			<div class="demo__row demo__row--top">
				{text('words', 'words', 'Custom words and phrases (comma-separated)', 24, 'Whole words, in any case.')}
				<label class="demo__check">
					<input type="checkbox" checked={state.profanity} onChange={(e) => set({ profanity: e.currentTarget.checked })} /> Managed profanity list
				</label>
			</div>
			<p class="demo__note">This model's profanity list is a few mild stand-ins: {PROFANITY_SAMPLE.join(', ')}.</p>

			<h5>Sensitive information filters</h5>
			<div class="demo__row demo__row--top">
				{ENTITY_TYPES.map((type: EntityType) =>
					actionSelect(`entity-${type}`, `entities.${type}`, type, state.entities[type], (v) => set({ entities: { ...state.entities, [type]: v } })),
				)}
			</div>
			<fieldset>
				<legend>Custom regex</legend>
				<div class="demo__row demo__row--top">
					{text('regex-name', 'regexName', 'Name', 12)}
					{text('regex-pattern', 'regexPattern', 'Pattern', 16, 'JavaScript syntax here.')}
					{actionSelect('regex-action', 'regexAction', 'Action', state.regexAction, (v) => set({ regexAction: v }))}
				</div>
				<p class="demo__note">
					ANONYMIZE replaces an entity by its type in braces, such as {'{EMAIL}'}, as the Bedrock guide shows; this model masks a
					regex match with the regex's name, such as {'{employee-id}'}.
				</p>
			</fieldset>

			<h5>Prompt attacks and blocked messages</h5>
			<label class="demo__check">
				<input type="checkbox" checked={state.promptAttack} onChange={(e) => set({ promptAttack: e.currentTarget.checked })} /> Prompt attack filter
				(input only)
			</label>
			<div class="demo__row demo__row--top">
				{text('blocked-input', 'blockedInputMessage', 'Blocked-input message', 28)}
				{text('blocked-output', 'blockedOutputMessage', 'Blocked-output message', 28)}
			</div>

			<h5>Run an exchange</h5>
			{field('prompt', 'prompt', 'User prompt', (d) => (
				<textarea id={f('prompt')} rows={2} spellcheck={false} value={state.prompt} {...d} onInput={(e) => set({ prompt: e.currentTarget.value })} />
			))}
			{field(
				'answer',
				'answer',
				"Model's answer",
				(d) => <textarea id={f('answer')} rows={2} spellcheck={false} value={state.answer} {...d} onInput={(e) => set({ answer: e.currentTarget.value })} />,
				'You write it: this demo calls no model. It is checked only if the prompt gets through.',
			)}

			<div aria-live="polite">
				{!result.ok ? (
					<p class="demo__error">Fix the {Object.keys(errors).length > 1 ? 'fields' : 'field'} marked above to run the guardrail.</p>
				) : (
					<div class="demo__result" data-verdict={result.value.input.outcome === 'blocked' || result.value.output?.outcome === 'blocked' ? 'deny' : 'allow'}>
						{stage(result.value.input, '1. Input (the prompt)')}
						{result.value.modelCalled ? (
							<p>
								The model is called with: <q>{result.value.modelPrompt}</q>
							</p>
						) : (
							<p>
								<strong>The model is never called:</strong> the input was blocked, so there is no answer to check.
							</p>
						)}
						{result.value.output && stage(result.value.output, '2. Output (the answer)')}
						<p>
							<strong>The application receives:</strong> <q>{result.value.final}</q>
						</p>
					</div>
				)}
			</div>
		</section>
	);
}
