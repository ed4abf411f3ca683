/**
 * A model of how Amazon ECR applies a lifecycle policy to a repository's images, following the ECR User Guide
 * ("Lifecycle policies", "Lifecycle policy properties", "Examples of lifecycle policies"):
 *
 * - Rules are applied in rulePriority order, lowest first; priorities are unique, and a rule with tagStatus `any`
 *   must have the highest priority (it is evaluated last).
 * - Every rule first selects the images that match its tagging requirements: `untagged` images have no tag,
 *   `any` is every image, and `tagged` needs a tagPrefixList or a tagPatternList. With several entries in the list,
 *   an image is selected only if every entry matches at least one of its tags (a prefix matches a tag that starts
 *   with it; a pattern matches a whole tag, `*` standing for any run of characters, at most four `*` per pattern).
 * - imageCountMoreThan sorts the selected images from newest to oldest push and marks those after the first N;
 *   sinceImagePushed marks the selected images pushed more than N days ago. Older images always go first.
 * - An image is expired by at most one rule, and an image that matches the tagging requirements of a rule cannot be
 *   expired by a lower-priority rule. A lower-priority rule still counts such images ("identifies them as if they
 *   haven't been expired"), so they take places among the N it keeps: see the guide's "Filtering on multiple rules".
 *
 * Not modelled: the archive storage class and its transition action, sinceImagePulled and sinceImageTransitioned,
 * images referenced by a manifest list, and the up to 24 hours ECR takes to act. Bad input never throws: every
 * problem comes back as a message keyed by the field it is about.
 */

export type TagStatus = 'tagged' | 'untagged' | 'any';
export type ListKind = 'tagPatternList' | 'tagPrefixList';
export type CountType = 'imageCountMoreThan' | 'sinceImagePushed';

export const TAG_STATUSES: readonly TagStatus[] = ['tagged', 'untagged', 'any'];
export const LIST_KINDS: readonly ListKind[] = ['tagPatternList', 'tagPrefixList'];
export const COUNT_TYPES: readonly CountType[] = ['imageCountMoreThan', 'sinceImagePushed'];

/** One row of the images list, as typed: tags separated by commas (none for an untagged image). */
export interface ImageInput {
	tags: string;
	pushedDaysAgo: string;
}

/** One rule, as typed. `list` is only read when tagStatus is `tagged`. */
export interface RuleInput {
	priority: string;
	tagStatus: string;
	listKind: string;
	list: string;
	countType: string;
	countNumber: string;
}

/** Field keys such as `images.0.tags` or `rules.1.priority` (0-based positions in the lists). */
export type FieldKey = string;

export interface Image {
	/** 1-based row number: "Image 3". */
	number: number;
	tags: string[];
	daysAgo: number;
}

export interface Rule {
	/** 1-based row number in the reader's list. */
	row: number;
	priority: number;
	tagStatus: TagStatus;
	listKind?: ListKind;
	list: string[];
	countType: CountType;
	countNumber: number;
}

export interface RuleStep {
	rule: Rule;
	/** What the rule selects and keeps, in words. */
	summary: string;
	/** Image numbers the rule selects, newest first. */
	selected: number[];
	/** Image numbers this rule expires, oldest first. */
	expires: number[];
	/** Images the rule would expire but may not: a higher-priority rule selected them first (image → that rule's priority). */
	protected: { image: number; by: number }[];
}

export type Fate = 'expire' | 'keep';

export interface ImageOutcome {
	image: Image;
	fate: Fate;
	/** Priority of the rule that expires the image, or of the first rule that selects it. */
	rule?: number;
	/** "Expired by rule 1" or "Kept". */
	verdict: string;
	reason: string;
	/** The verdict and the reason in one sentence. */
	why: string;
}

export interface Evaluation {
	steps: RuleStep[];
	/** In the order of the reader's list. */
	images: ImageOutcome[];
	expired: number;
}

export type EvaluationResult = { ok: true; value: Evaluation } | { ok: false; errors: Record<FieldKey, string> };

export const MAX_IMAGES = 20;
export const MAX_RULES = 10;
/** Generous for a demo; the point is the rules, not the arithmetic. */
export const MAX_DAYS = 3650;
export const MAX_COUNT = 10_000;
export const MAX_WILDCARDS = 4;
/** Docker's rule for a tag: up to 128 letters, digits, underscores, periods and hyphens, not starting with . or -. */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

const shown = (t: string) => (t.length > 24 ? `${t.slice(0, 24)}…` : t);
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function parseWhole(text: unknown, what: string, min: number, max: number): { ok: true; value: number } | { ok: false; error: string } {
	const t = typeof text === 'string' ? text.trim() : '';
	if (t === '') return { ok: false, error: `Enter ${what}.` };
	if (t.startsWith('-')) return { ok: false, error: `${what[0].toUpperCase()}${what.slice(1)} cannot be negative.` };
	if (!/^\d+$/.test(t)) return { ok: false, error: `"${shown(t)}" is not a whole number.` };
	const n = Number(t);
	if (n < min) return { ok: false, error: min === 1 ? `Enter 1 or more: 0 is not accepted.` : `Enter at least ${min}.` };
	if (n > max) return { ok: false, error: `This demo takes at most ${max.toLocaleString('en-US')}.` };
	return { ok: true, value: n };
}

/** Splits a comma-separated list, dropping empty entries and surrounding spaces. */
export function splitList(text: unknown): string[] {
	return (typeof text === 'string' ? text : '')
		.split(',')
		.map((s) => s.trim())
		.filter((s) => s !== '');
}

/** Whole-tag wildcard match: `*` is any run of characters (also none); everything else is literal and case-sensitive. */
export function patternMatches(pattern: string, tag: string): boolean {
	const source = pattern
		.split('*')
		.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
		.join('.*');
	return new RegExp(`^${source}$`).test(tag);
}

/** Does the image meet the rule's tagging requirements? */
export function selects(rule: Pick<Rule, 'tagStatus' | 'listKind' | 'list'>, image: Pick<Image, 'tags'>): boolean {
	if (rule.tagStatus === 'any') return true;
	if (rule.tagStatus === 'untagged') return image.tags.length === 0;
	if (image.tags.length === 0) return false;
	// Every entry of the list must match at least one of the image's tags.
	return rule.list.every((entry) =>
		image.tags.some((tag) => (rule.listKind === 'tagPrefixList' ? tag.startsWith(entry) : patternMatches(entry, tag))),
	);
}

export const imageLabel = (image: Image) =>
	`Image ${image.number} (${image.tags.length ? image.tags.join(', ') : 'untagged'}, pushed ${plural(image.daysAgo, 'day')} ago)`;

export function describeRule(rule: Rule): string {
	const what =
		rule.tagStatus === 'any'
			? 'every image'
			: rule.tagStatus === 'untagged'
				? 'untagged images'
				: `tagged images matching ${rule.listKind} [${rule.list.join(', ')}]`;
	const keep =
		rule.countType === 'imageCountMoreThan'
			? `keeps the newest ${plural(rule.countNumber, 'image')} and expires the rest`
			: `expires those pushed more than ${plural(rule.countNumber, 'day')} ago`;
	return `Rule ${rule.priority} selects ${what}; it ${keep}.`;
}

function parseImages(inputs: unknown, errors: Record<FieldKey, string>): Image[] {
	const list = Array.isArray(inputs) ? (inputs as Partial<ImageInput>[]) : [];
	const images: Image[] = [];
	const owner = new Map<string, number>();
	list.slice(0, MAX_IMAGES).forEach((input, i) => {
		const where = `images.${i}`;
		const tags = splitList(input?.tags);
		let tagsOk = true;
		const seen = new Set<string>();
		for (const tag of tags) {
			if (!TAG.test(tag)) {
				errors[`${where}.tags`] =
					tag.length > 128
						? 'A tag is at most 128 characters.'
						: `"${shown(tag)}" is not a valid tag: use letters, digits, _ . and -, not starting with . or -.`;
				tagsOk = false;
				break;
			}
			if (seen.has(tag)) {
				errors[`${where}.tags`] = `The tag ${tag} is listed twice.`;
				tagsOk = false;
				break;
			}
			seen.add(tag);
			const other = owner.get(tag);
			if (other !== undefined) {
				errors[`${where}.tags`] = `Image ${other} already has the tag ${tag}: in a repository a tag names one image.`;
				tagsOk = false;
				break;
			}
		}
		if (tagsOk) for (const tag of tags) owner.set(tag, i + 1);
		const days = parseWhole(input?.pushedDaysAgo, 'the number of days since the push', 0, MAX_DAYS);
		if (!days.ok) errors[`${where}.pushedDaysAgo`] = days.error;
		images.push({ number: i + 1, tags, daysAgo: days.ok ? days.value : 0 });
	});
	return images;
}

function parseRules(inputs: unknown, errors: Record<FieldKey, string>): Rule[] {
	const list = Array.isArray(inputs) ? (inputs as Partial<RuleInput>[]) : [];
	const rules: Rule[] = [];
	list.slice(0, MAX_RULES).forEach((input, i) => {
		const where = `rules.${i}`;
		const priority = parseWhole(input?.priority, 'a rulePriority', 1, 1000);
		if (!priority.ok) errors[`${where}.priority`] = priority.error;
		const tagStatus = String(input?.tagStatus) as TagStatus;
		if (!TAG_STATUSES.includes(tagStatus)) errors[`${where}.tagStatus`] = 'Choose tagged, untagged or any.';
		const countType = String(input?.countType) as CountType;
		if (!COUNT_TYPES.includes(countType)) errors[`${where}.countType`] = 'Choose imageCountMoreThan or sinceImagePushed.';
		const count = parseWhole(input?.countNumber, 'a countNumber', 1, MAX_COUNT);
		if (!count.ok) errors[`${where}.countNumber`] = count.error;
		let listKind: ListKind | undefined;
		let entries: string[] = [];
		if (tagStatus === 'tagged') {
			listKind = String(input?.listKind) as ListKind;
			if (!LIST_KINDS.includes(listKind)) errors[`${where}.listKind`] = 'Choose tagPatternList or tagPrefixList.';
			entries = splitList(input?.list);
			const listError = checkList(listKind, entries);
			if (listError) errors[`${where}.list`] = listError;
		}
		rules.push({
			row: i + 1,
			priority: priority.ok ? priority.value : 0,
			tagStatus,
			listKind,
			list: entries,
			countType,
			countNumber: count.ok ? count.value : 0,
		});
	});
	checkPolicy(rules, errors);
	return rules;
}

function checkList(kind: ListKind, entries: string[]): string | undefined {
	if (entries.length === 0) return `A tagged rule needs a ${kind}: enter at least one ${kind === 'tagPatternList' ? 'pattern, such as v*' : 'prefix, such as v'}.`;
	if (new Set(entries).size !== entries.length) return 'An entry is listed twice.';
	for (const entry of entries) {
		if (kind === 'tagPrefixList' && entry.includes('*')) return `A prefix is plain text: "${shown(entry)}" has a *. Use tagPatternList for wildcards.`;
		if (kind === 'tagPatternList' && entry.split('*').length - 1 > MAX_WILDCARDS) return `"${shown(entry)}" has more than ${MAX_WILDCARDS} wildcards (*): ECR allows at most ${MAX_WILDCARDS} per pattern.`;
		if (!/^[A-Za-z0-9_.*-]{1,128}$/.test(entry)) return `"${shown(entry)}" can never match a tag: tags use only letters, digits, _ . and -.`;
	}
	return undefined;
}

/** Rules that are about the policy as a whole: ECR refuses such a policy. */
function checkPolicy(rules: Rule[], errors: Record<FieldKey, string>) {
	const seen = new Map<number, number>();
	rules.forEach((rule, i) => {
		if (!rule.priority) return;
		const first = seen.get(rule.priority);
		if (first !== undefined) errors[`rules.${i}.priority`] = `Rule ${first + 1} already has rulePriority ${rule.priority}: each rule needs a unique value.`;
		else seen.set(rule.priority, i);
	});
	const highest = Math.max(0, ...rules.map((r) => r.priority));
	rules.forEach((rule, i) => {
		if (rule.tagStatus === 'any' && rule.priority && rule.priority < highest && !errors[`rules.${i}.priority`]) {
			errors[`rules.${i}.priority`] = `A rule with tagStatus any must have the highest rulePriority (it is evaluated last); ${highest} is higher.`;
		}
	});
	const untagged = rules.findIndex((r) => r.tagStatus === 'untagged');
	rules.forEach((rule, i) => {
		if (rule.tagStatus === 'untagged' && i !== untagged) errors[`rules.${i}.tagStatus`] = `Rule ${untagged + 1} already selects untagged images: only one rule may.`;
	});
	const lists = new Map<string, number>();
	rules.forEach((rule, i) => {
		if (rule.tagStatus !== 'tagged' || rule.list.length === 0 || errors[`rules.${i}.list`]) return;
		const key = `${rule.listKind}:${[...rule.list].sort().join(',')}`;
		const first = lists.get(key);
		if (first !== undefined) errors[`rules.${i}.list`] = `Rule ${first + 1} has the same ${rule.listKind}: each rule needs its own set of tags.`;
		else lists.set(key, i);
	});
}

/** Newest first; images pushed the same number of days ago count in list order, a later row as pushed later. */
const newestFirst = (a: Image, b: Image) => a.daysAgo - b.daysAgo || b.number - a.number;

export function evaluate(imageInputs: unknown, ruleInputs: unknown): EvaluationResult {
	const errors: Record<FieldKey, string> = {};
	const images = parseImages(imageInputs, errors);
	const rules = parseRules(ruleInputs, errors);
	if (Object.keys(errors).length > 0) return { ok: false, errors };

	const ordered = [...rules].sort((a, b) => a.priority - b.priority);
	/** image number → priority of the first (highest-priority) rule whose tagging requirements it meets */
	const claimedBy = new Map<number, number>();
	const expiredBy = new Map<number, number>();
	const keptWhy = new Map<number, string>();
	const steps: RuleStep[] = [];

	for (const rule of ordered) {
		const selected = images.filter((image) => selects(rule, image)).sort(newestFirst);
		const over =
			rule.countType === 'imageCountMoreThan' ? selected.slice(rule.countNumber) : selected.filter((image) => image.daysAgo > rule.countNumber);
		const step: RuleStep = { rule, summary: describeRule(rule), selected: selected.map((i) => i.number), expires: [], protected: [] };
		for (const image of [...over].reverse()) {
			const owner = claimedBy.get(image.number);
			if (owner === undefined) {
				expiredBy.set(image.number, rule.priority);
				step.expires.push(image.number);
			} else {
				step.protected.push({ image: image.number, by: owner });
			}
		}
		selected.forEach((image, index) => {
			if (claimedBy.has(image.number)) return;
			claimedBy.set(image.number, rule.priority);
			if (expiredBy.get(image.number) === rule.priority) return;
			keptWhy.set(
				image.number,
				rule.countType === 'imageCountMoreThan'
					? `rule ${rule.priority} selects it first and it is ${ordinal(index + 1)} newest of ${plural(selected.length, 'image')} it selects, within the ${rule.countNumber} it keeps.`
					: `rule ${rule.priority} selects it first and it was pushed ${plural(image.daysAgo, 'day')} ago, not more than ${rule.countNumber}.`,
			);
		});
		steps.push(step);
	}

	const outcomes: ImageOutcome[] = images.map((image) => {
		const by = expiredBy.get(image.number);
		if (by !== undefined) {
			const rule = ordered.find((r) => r.priority === by)!;
			const step = steps.find((s) => s.rule === rule)!;
			const place = step.selected.indexOf(image.number) + 1;
			return outcome(
				image,
				'expire',
				by,
				`Expired by rule ${by}`,
				rule.countType === 'imageCountMoreThan'
					? `it is ${ordinal(place)} newest of ${plural(step.selected.length, 'image')} the rule selects, and the rule keeps ${rule.countNumber}.`
					: `pushed ${plural(image.daysAgo, 'day')} ago, more than ${rule.countNumber}.`,
			);
		}
		const owner = claimedBy.get(image.number);
		if (owner === undefined) return outcome(image, 'keep', undefined, 'Kept', 'no rule selects it.');
		const wouldExpire = steps.filter((s) => s.protected.some((p) => p.image === image.number)).map((s) => s.rule.priority);
		const extra = wouldExpire.length
			? ` Rule ${wouldExpire.join(' and rule ')} would expire it, but a lower-priority rule cannot expire an image that matches the tags of a higher-priority rule.`
			: '';
		return outcome(image, 'keep', owner, 'Kept', `${keptWhy.get(image.number)}${extra}`);
	});

	return { ok: true, value: { steps, images: outcomes, expired: expiredBy.size } };
}

const outcome = (image: Image, fate: Fate, rule: number | undefined, verdict: string, reason: string): ImageOutcome => ({
	image,
	fate,
	rule,
	verdict,
	reason,
	why: `${verdict}: ${reason}`,
});

export function ordinal(n: number): string {
	if (n === 1) return 'the';
	const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
	return `the ${n}${suffix}`;
}

/** The example the demo starts with: the chapter's policy, with small numbers so that every rule has work to do. */
export function defaultImages(): ImageInput[] {
	return [
		{ tags: 'v1.0.0', pushedDaysAgo: '120' },
		{ tags: 'v1.1.0', pushedDaysAgo: '70' },
		{ tags: 'v1.2.0', pushedDaysAgo: '40' },
		{ tags: '', pushedDaysAgo: '12' },
		{ tags: 'sha-3f2a1c', pushedDaysAgo: '45' },
		{ tags: 'v1.3.0, latest', pushedDaysAgo: '5' },
		{ tags: '', pushedDaysAgo: '3' },
		{ tags: 'sha-9b8e7d', pushedDaysAgo: '8' },
	];
}

export function defaultRules(): RuleInput[] {
	return [
		{ priority: '1', tagStatus: 'tagged', listKind: 'tagPatternList', list: 'v*', countType: 'imageCountMoreThan', countNumber: '2' },
		{ priority: '2', tagStatus: 'untagged', listKind: 'tagPatternList', list: '', countType: 'sinceImagePushed', countNumber: '7' },
		{ priority: '10', tagStatus: 'any', listKind: 'tagPatternList', list: '', countType: 'sinceImagePushed', countNumber: '30' },
	];
}

/**
 * A free rulePriority for a new rule: one more than the highest rule that is not `any`, when that stays below an
 * `any` rule (which must stay last); otherwise one more than the highest of all.
 */
export function nextPriority(rules: readonly Pick<RuleInput, 'priority' | 'tagStatus'>[]): string {
	const numbers = (list: readonly Pick<RuleInput, 'priority' | 'tagStatus'>[]) =>
		list.map((r) => Number(String(r.priority).trim())).filter((n) => Number.isInteger(n) && n > 0);
	const all = numbers(rules);
	const below = Math.max(0, ...numbers(rules.filter((r) => r.tagStatus !== 'any'))) + 1;
	const lastAny = Math.min(Infinity, ...numbers(rules.filter((r) => r.tagStatus === 'any')));
	return String(below < lastAny && !all.includes(below) ? below : Math.max(0, ...all) + 1);
}
