import Field, { type Described } from './Field.tsx';
import NeedsJavaScript from './NeedsJavaScript.tsx';
import type { ComponentChildren } from 'preact';
import { useId, useRef, useState } from 'preact/hooks';
import { COUNT_TYPES, LIST_KINDS, MAX_IMAGES, MAX_RULES, TAG_STATUSES, defaultImages, defaultRules, evaluate, imageLabel, nextPriority } from '../../lib/demos/ecr-lifecycle.ts';
import type { ImageInput, RuleInput } from '../../lib/demos/ecr-lifecycle.ts';

// Extra `key` fields give list rows a stable identity for Preact; the evaluator ignores them.
type Keyed<T> = T & { key: number };

const startImages = (): Keyed<ImageInput>[] => defaultImages().map((image, i) => ({ ...image, key: i + 1 }));
const startRules = (): Keyed<RuleInput>[] => defaultRules().map((rule, i) => ({ ...rule, key: 100 + i }));

export default function EcrLifecycleEvaluator() {
	const id = useId();
	const [images, setImages] = useState(startImages);
	const [rules, setRules] = useState(startRules);
	const [nextKey, setNextKey] = useState(200);
	const addImageButton = useRef<HTMLButtonElement>(null);
	const addRuleButton = useRef<HTMLButtonElement>(null);

	const result = evaluate(images, rules);
	const errors: Record<string, string> = result.ok ? {} : result.errors;
	const f = (name: string, key?: number) => `${id}-${name}${key === undefined ? '' : `-${key}`}`;
	const newKey = () => {
		setNextKey(nextKey + 1);
		return nextKey;
	};

	const field = (fid: string, errorKey: string, label: string, control: (described: Described) => ComponentChildren, hint?: string) => (
		<Field id={fid} label={label} error={errors[errorKey]} hint={hint}>
			{control}
		</Field>
	);

	const editImage = (key: number, patch: Partial<ImageInput>) => setImages(images.map((im) => (im.key === key ? { ...im, ...patch } : im)));
	const editRule = (key: number, patch: Partial<RuleInput>) => setRules(rules.map((r) => (r.key === key ? { ...r, ...patch } : r)));
	const expiredList = result.ok ? result.value.images.filter((o) => o.fate === 'expire').map((o) => o.image.number) : [];

	return (
		<section class="demo" data-demo="ecr-lifecycle-evaluator" aria-labelledby={f('title')}>
			<h4 id={f('title')}>ECR lifecycle policy evaluator</h4>
			<NeedsJavaScript />
			<p class="demo__note">
				A model of ECR's documented lifecycle rules, not the service: edit the images and the rules to see which images expire and
				which rule expires them. Push dates are whole days ago; leave the tags empty for an untagged image. Only the{' '}
				<code>expire</code> action is modelled: the newer <code>transition</code> to the archive storage class and the{' '}
				<code>sinceImagePulled</code> count type exist but are not part of this demo. A real policy acts within 24 hours.
			</p>

			<h5>Images in the repository</h5>
			<div class="demo__grid">
				{images.map((image, i) => (
					<fieldset key={image.key}>
						<legend>Image {i + 1}</legend>
						<div class="demo__row demo__row--top">
							{field(
								f('tags', image.key),
								`images.${i}.tags`,
								'Tags (comma-separated)',
								(d) => (
									<input
										id={f('tags', image.key)}
										type="text"
										size={18}
										spellcheck={false}
										autoComplete="off"
										value={image.tags}
										{...d}
										onInput={(e) => editImage(image.key, { tags: e.currentTarget.value })}
									/>
								),
							)}
							{field(f('days', image.key), `images.${i}.pushedDaysAgo`, 'Pushed (days ago)', (d) => (
								<input
									id={f('days', image.key)}
									type="text"
									inputMode="numeric"
									size={5}
									autoComplete="off"
									value={image.pushedDaysAgo}
									{...d}
									onInput={(e) => editImage(image.key, { pushedDaysAgo: e.currentTarget.value })}
								/>
							))}
							<button
								type="button"
								class="demo__row-button"
								aria-label={`Remove image ${i + 1}`}
								onClick={() => {
									setImages(images.filter((im) => im.key !== image.key));
									setTimeout(() => addImageButton.current?.focus());
								}}
							>
								Remove
							</button>
						</div>
					</fieldset>
				))}
			</div>
			{images.length < MAX_IMAGES && (
				<button type="button" ref={addImageButton} onClick={() => setImages([...images, { key: newKey(), tags: '', pushedDaysAgo: '0' }])}>
					Add image
				</button>
			)}

			<h5>Lifecycle policy rules</h5>
			{rules.map((rule, i) => (
				<fieldset key={rule.key}>
					<legend>Rule {i + 1}</legend>
					<div class="demo__row demo__row--top">
						{field(f('priority', rule.key), `rules.${i}.priority`, 'rulePriority', (d) => (
							<input
								id={f('priority', rule.key)}
								type="text"
								inputMode="numeric"
								size={4}
								autoComplete="off"
								value={rule.priority}
								{...d}
								onInput={(e) => editRule(rule.key, { priority: e.currentTarget.value })}
							/>
						))}
						{field(f('status', rule.key), `rules.${i}.tagStatus`, 'tagStatus', (d) => (
							<select id={f('status', rule.key)} value={rule.tagStatus} {...d} onChange={(e) => editRule(rule.key, { tagStatus: e.currentTarget.value })}>
								{TAG_STATUSES.map((s) => (
									<option key={s} value={s}>
										{s}
									</option>
								))}
							</select>
						))}
						{rule.tagStatus === 'tagged' && (
							<>
								{field(f('kind', rule.key), `rules.${i}.listKind`, 'Match tags by', (d) => (
									<select id={f('kind', rule.key)} value={rule.listKind} {...d} onChange={(e) => editRule(rule.key, { listKind: e.currentTarget.value })}>
										{LIST_KINDS.map((k) => (
											<option key={k} value={k}>
												{k}
											</option>
										))}
									</select>
								))}
								{field(
									f('list', rule.key),
									`rules.${i}.list`,
									rule.listKind === 'tagPrefixList' ? 'Prefixes (comma-separated)' : 'Patterns (comma-separated)',
									(d) => (
										<input
											id={f('list', rule.key)}
											type="text"
											size={14}
											spellcheck={false}
											autoComplete="off"
											value={rule.list}
											{...d}
											onInput={(e) => editRule(rule.key, { list: e.currentTarget.value })}
										/>
									),
									rule.listKind === 'tagPrefixList' ? 'Every prefix must start some tag.' : 'Every pattern must match some tag; * is a wildcard.',
								)}
							</>
						)}
						{field(f('count-type', rule.key), `rules.${i}.countType`, 'countType', (d) => (
							<select id={f('count-type', rule.key)} value={rule.countType} {...d} onChange={(e) => editRule(rule.key, { countType: e.currentTarget.value })}>
								{COUNT_TYPES.map((c) => (
									<option key={c} value={c}>
										{c}
									</option>
								))}
							</select>
						))}
						{field(
							f('count', rule.key),
							`rules.${i}.countNumber`,
							rule.countType === 'sinceImagePushed' ? 'countNumber (days)' : 'countNumber (images kept)',
							(d) => (
								<input
									id={f('count', rule.key)}
									type="text"
									inputMode="numeric"
									size={5}
									autoComplete="off"
									value={rule.countNumber}
									{...d}
									onInput={(e) => editRule(rule.key, { countNumber: e.currentTarget.value })}
								/>
							),
						)}
						<button
							type="button"
							class="demo__row-button"
							aria-label={`Remove rule ${i + 1}`}
							onClick={() => {
								setRules(rules.filter((r) => r.key !== rule.key));
								setTimeout(() => addRuleButton.current?.focus());
							}}
						>
							Remove
						</button>
					</div>
				</fieldset>
			))}
			{rules.length < MAX_RULES && (
				<button
					type="button"
					ref={addRuleButton}
					onClick={() =>
						setRules([
							...rules,
							{ key: newKey(), priority: nextPriority(rules), tagStatus: 'tagged', listKind: 'tagPrefixList', list: 'sha-', countType: 'imageCountMoreThan', countNumber: '1' },
						])
					}
				>
					Add rule
				</button>
			)}

			<h5>Result</h5>
			<div aria-live="polite">
				{!result.ok ? (
					<p class="demo__error">Fix the {Object.keys(errors).length > 1 ? 'fields' : 'field'} marked above to see which images expire.</p>
				) : (
					<div class="demo__result" data-verdict={result.value.expired ? 'deny' : 'allow'}>
						<p>
							<strong>
								{result.value.expired} of {result.value.images.length} images expire
								{expiredList.length ? `: ${expiredList.map((n) => `image ${n}`).join(', ')}` : ''}.
							</strong>
						</p>
						<p class="demo__steps-title" id={f('order')}>
							Rules in evaluation order (lowest rulePriority first)
						</p>
						<ol aria-labelledby={f('order')}>
							{result.value.steps.map((step) => (
								<li key={step.rule.row}>
									{step.summary} It selects {step.selected.length ? step.selected.map((n) => `image ${n}`).join(', ') : 'no image'} (newest first) and
									expires {step.expires.length ? step.expires.map((n) => `image ${n}`).join(', ') : 'none'}.
									{step.protected.length > 0 &&
										` It would also expire ${step.protected.map((p) => `image ${p.image}`).join(', ')}, but a higher-priority rule selected ${step.protected.length > 1 ? 'them' : 'it'} first.`}
								</li>
							))}
						</ol>
						<p class="demo__steps-title" id={f('fates')}>
							Each image
						</p>
						<ul aria-labelledby={f('fates')}>
							{result.value.images.map((o) => (
								<li key={o.image.number}>
									{imageLabel(o.image)}: <strong>{o.verdict}</strong>: {o.reason}
								</li>
							))}
						</ul>
					</div>
				)}
			</div>
			{/* On a phone the list of rows runs far below the result: this line stays in view while they are on screen. */}
			<p class="demo__sticky">
				{result.ok ? (
					<>
						<strong>Expire:</strong> {expiredList.length ? expiredList.map((n) => `image ${n}`).join(', ') : 'no image'}
					</>
				) : (
					<>
						<strong>No result:</strong> fix the field marked with a message.
					</>
				)}
			</p>
		</section>
	);
}
