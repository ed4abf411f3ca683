/**
 * A keyword and regular-expression model of how an Amazon Bedrock guardrail treats one exchange, following the
 * Bedrock User Guide ("How Amazon Bedrock Guardrails works", "Remove PII from conversations by using sensitive
 * information filters") and the API reference of the guardrail policies:
 *
 * - The prompt (input) is checked first. If a policy blocks it, the application gets the guardrail's blocked-input
 *   message and the model is never called; otherwise the model gets the prompt, masked where a filter anonymizes.
 * - The model's answer (output) is then checked the same way: blocked means the blocked-output message replaces it,
 *   masked means each match is replaced by its type in braces, such as {EMAIL}.
 * - Denied topics, word filters (custom words and the managed profanity list) and prompt attacks block. A sensitive
 *   information entity or regex has its own action: BLOCK, ANONYMIZE (mask) or NONE (only reported). A block by any
 *   policy wins over masking. Prompt attacks are looked for in the input only.
 *
 * Real guardrails detect topics, prompt attacks and PII with machine-learning models that read context; this model
 * only matches the keywords and patterns given here, so it shows the order and the actions, not what the service
 * would detect. Bad input never throws: every problem comes back as a message keyed by its field.
 */

export type Action = 'OFF' | 'NONE' | 'BLOCK' | 'ANONYMIZE';
export const ACTIONS: readonly Action[] = ['OFF', 'NONE', 'BLOCK', 'ANONYMIZE'];
export const ACTION_LABELS: Record<Action, string> = {
	OFF: 'Off',
	NONE: 'NONE (detect only)',
	BLOCK: 'BLOCK',
	ANONYMIZE: 'ANONYMIZE (mask)',
};

export type EntityType = 'EMAIL' | 'PHONE' | 'US_SOCIAL_SECURITY_NUMBER' | 'AWS_ACCESS_KEY';
export const ENTITY_TYPES: readonly EntityType[] = ['EMAIL', 'PHONE', 'US_SOCIAL_SECURITY_NUMBER', 'AWS_ACCESS_KEY'];

/** What this model takes for each entity: plain patterns, where the service reads context. */
const ENTITY_PATTERNS: Record<EntityType, RegExp> = {
	EMAIL: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
	// US-style numbers with separators: 206-555-0100, (206) 555-0100, +1 206 555 0100.
	PHONE: /(?<![\w+])(?:\+1[ .-]?)?(?:\(\d{3}\) ?|\d{3}[ .-])\d{3}[ .-]\d{4}(?!\w)/g,
	US_SOCIAL_SECURITY_NUMBER: /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/g,
	AWS_ACCESS_KEY: /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g,
};

/** A few mild stand-ins for AWS's managed profanity list, which is much longer and not published. */
export const PROFANITY_SAMPLE = ['damn', 'crap', 'bloody', 'bugger'];

/** Phrases this model takes for a prompt attack (jailbreak or prompt injection). */
const PROMPT_ATTACKS: RegExp[] = [
	/\b(?:ignore|disregard|forget)\s+(?:all\s+|any\s+|the\s+|your\s+)?(?:previous|prior|above|earlier|system)\s+(?:instructions|prompts?|rules)\b/i,
	/\b(?:reveal|show|print|repeat)\s+(?:me\s+)?(?:your|the)\s+(?:system\s+prompt|hidden\s+instructions|instructions)\b/i,
	/\bpretend\s+(?:that\s+)?you\s+(?:are|have)\s+no\s+(?:rules|restrictions|guidelines)\b/i,
	/\b(?:developer\s+mode|jailbreak|DAN\s+mode)\b/i,
];

export interface TopicInput {
	name: string;
	/** Keywords and short phrases, separated by commas. */
	keywords: string;
}

export interface GuardrailInput {
	topics: TopicInput[];
	/** Custom words and phrases, separated by commas. */
	words: string;
	profanity: boolean;
	entities: Record<EntityType, string>;
	regexName: string;
	regexPattern: string;
	regexAction: string;
	promptAttack: boolean;
	blockedInputMessage: string;
	blockedOutputMessage: string;
	prompt: string;
	answer: string;
}

export type Stage = 'input' | 'output';
export type Policy = 'Denied topic' | 'Word filter' | 'Profanity filter' | 'Sensitive information' | 'Regex' | 'Prompt attack';

export interface Detection {
	policy: Policy;
	/** The topic's name, the entity type or the regex name; the word itself for word filters. */
	name: string;
	match: string;
	action: Exclude<Action, 'OFF'>;
	start: number;
	end: number;
}

export interface StageResult {
	stage: Stage;
	detections: Detection[];
	outcome: 'blocked' | 'masked' | 'passed';
	/** What leaves this stage: the blocked message, the masked text or the text unchanged. */
	text: string;
}

export interface Check {
	input: StageResult;
	/** Undefined when the input was blocked: the model is never called, so there is no answer to check. */
	output?: StageResult;
	modelCalled: boolean;
	/** What the model receives (undefined if it is not called). */
	modelPrompt?: string;
	/** What the application gets back. */
	final: string;
}

export type CheckResult = { ok: true; value: Check } | { ok: false; errors: Record<string, string> };

export const MAX_TOPICS = 5;
/** The API allows up to 5 example phrases per topic; this model uses them as keywords. */
export const MAX_KEYWORDS = 5;
export const MAX_WORDS = 50;
export const MAX_TEXT = 2000;
const TOPIC_NAME = /^[0-9a-zA-Z\-_ !?.]{1,100}$/;

/** Splits a comma-separated list, dropping empty entries and surrounding spaces. */
export function splitList(text: unknown): string[] {
	return (typeof text === 'string' ? text : '')
		.split(',')
		.map((s) => s.trim())
		.filter((s) => s !== '');
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A case-insensitive match of a whole word or phrase (any run of spaces between its words). */
export function phraseRegExp(phrase: string): RegExp {
	const body = phrase.trim().split(/\s+/).map(escape).join('\\s+');
	return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, 'giu');
}

function allMatches(re: RegExp, text: string): { match: string; start: number; end: number }[] {
	const found: { match: string; start: number; end: number }[] = [];
	const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
	for (const m of text.matchAll(global)) {
		if (m[0] === '') continue;
		found.push({ match: m[0], start: m.index, end: m.index + m[0].length });
	}
	return found;
}

interface Config {
	topics: { name: string; keywords: string[] }[];
	words: string[];
	profanity: boolean;
	entities: [EntityType, Exclude<Action, 'OFF'>][];
	regex?: { name: string; re: RegExp; action: Exclude<Action, 'OFF'> };
	promptAttack: boolean;
	blockedInputMessage: string;
	blockedOutputMessage: string;
}

function parse(input: Partial<GuardrailInput>, errors: Record<string, string>): Config {
	const topicInputs = Array.isArray(input.topics) ? input.topics.slice(0, MAX_TOPICS) : [];
	const topics: Config['topics'] = [];
	const names = new Set<string>();
	topicInputs.forEach((t, i) => {
		const name = str(t?.name).trim();
		const keywords = splitList(t?.keywords);
		if (name === '') errors[`topics.${i}.name`] = 'Name the topic, for example Investment advice.';
		else if (!TOPIC_NAME.test(name))
			errors[`topics.${i}.name`] = name.length > 100 ? 'A topic name is at most 100 characters.' : 'A topic name uses letters, digits, spaces and - _ ! ? . only.';
		else if (names.has(name.toLowerCase())) errors[`topics.${i}.name`] = `Another topic is already named ${name}.`;
		names.add(name.toLowerCase());
		if (keywords.length === 0) errors[`topics.${i}.keywords`] = 'Give at least one keyword or phrase for this model to match.';
		else if (keywords.length > MAX_KEYWORDS) errors[`topics.${i}.keywords`] = `At most ${MAX_KEYWORDS}, as a topic has at most 5 example phrases.`;
		else if (keywords.some((k) => k.length > 100)) errors[`topics.${i}.keywords`] = 'Each phrase is at most 100 characters.';
		topics.push({ name, keywords });
	});

	const words = splitList(input.words);
	if (words.length > MAX_WORDS) errors.words = `This demo takes at most ${MAX_WORDS} words.`;
	else if (words.some((w) => w.length > 100)) errors.words = 'Each word or phrase is at most 100 characters.';

	const entityInputs = (input.entities && typeof input.entities === 'object' ? input.entities : {}) as Record<string, unknown>;
	const entities: Config['entities'] = [];
	for (const type of ENTITY_TYPES) {
		const action = String(entityInputs[type] ?? 'OFF') as Action;
		if (!ACTIONS.includes(action)) errors[`entities.${type}`] = 'Choose Off, NONE, BLOCK or ANONYMIZE.';
		else if (action !== 'OFF') entities.push([type, action]);
	}

	let regex: Config['regex'];
	const regexAction = String(input.regexAction ?? 'OFF') as Action;
	if (!ACTIONS.includes(regexAction)) errors.regexAction = 'Choose Off, NONE, BLOCK or ANONYMIZE.';
	else if (regexAction !== 'OFF') {
		const name = str(input.regexName).trim();
		const pattern = str(input.regexPattern);
		if (name === '') errors.regexName = 'Name the regex, for example employee-id: masked text shows the name.';
		else if (name.length > 100) errors.regexName = 'A regex name is at most 100 characters.';
		if (pattern.trim() === '') errors.regexPattern = 'Enter a pattern, for example EMP-[0-9]{6}.';
		else if (pattern.length > 500) errors.regexPattern = 'A pattern is at most 500 characters.';
		else {
			try {
				const re = new RegExp(pattern, 'g');
				if (re.test('')) errors.regexPattern = 'This pattern also matches empty text: make it match at least one character.';
				else if (!errors.regexName) regex = { name, re, action: regexAction };
			} catch (e) {
				errors.regexPattern = `Not a valid regular expression: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}.`;
			}
		}
	}

	const message = (key: 'blockedInputMessage' | 'blockedOutputMessage', what: string) => {
		const text = str(input[key]).trim();
		if (text === '') errors[key] = `Every guardrail needs a ${what} message.`;
		else if (text.length > 500) errors[key] = 'A blocked message is at most 500 characters.';
		return text;
	};

	return {
		topics,
		words,
		profanity: input.profanity === true,
		entities,
		regex,
		promptAttack: input.promptAttack === true,
		blockedInputMessage: message('blockedInputMessage', 'blocked-input'),
		blockedOutputMessage: message('blockedOutputMessage', 'blocked-output'),
	};
}

function detect(config: Config, text: string, stage: Stage): Detection[] {
	const found: Detection[] = [];
	for (const topic of config.topics) {
		for (const keyword of topic.keywords) {
			for (const m of allMatches(phraseRegExp(keyword), text)) found.push({ policy: 'Denied topic', name: topic.name, action: 'BLOCK', ...m });
		}
	}
	for (const word of config.words) {
		for (const m of allMatches(phraseRegExp(word), text)) found.push({ policy: 'Word filter', name: word, action: 'BLOCK', ...m });
	}
	if (config.profanity) {
		for (const word of PROFANITY_SAMPLE) {
			for (const m of allMatches(phraseRegExp(word), text)) found.push({ policy: 'Profanity filter', name: 'PROFANITY', action: 'BLOCK', ...m });
		}
	}
	for (const [type, action] of config.entities) {
		for (const m of allMatches(ENTITY_PATTERNS[type], text)) found.push({ policy: 'Sensitive information', name: type, action, ...m });
	}
	if (config.regex) {
		for (const m of allMatches(config.regex.re, text)) found.push({ policy: 'Regex', name: config.regex.name, action: config.regex.action, ...m });
	}
	if (config.promptAttack && stage === 'input') {
		for (const re of PROMPT_ATTACKS) {
			for (const m of allMatches(re, text)) found.push({ policy: 'Prompt attack', name: 'PROMPT_ATTACK', action: 'BLOCK', ...m });
		}
	}
	return found.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** Replaces each match to anonymize by its name in braces; of two overlapping matches the earlier (then longer) wins. */
export function mask(text: string, detections: readonly Detection[]): string {
	let out = '';
	let at = 0;
	for (const d of [...detections].filter((x) => x.action === 'ANONYMIZE').sort((a, b) => a.start - b.start || b.end - a.end)) {
		if (d.start < at) continue;
		out += `${text.slice(at, d.start)}{${d.name}}`;
		at = d.end;
	}
	return out + text.slice(at);
}

function runStage(config: Config, text: string, stage: Stage): StageResult {
	const detections = detect(config, text, stage);
	if (detections.some((d) => d.action === 'BLOCK')) {
		return { stage, detections, outcome: 'blocked', text: stage === 'input' ? config.blockedInputMessage : config.blockedOutputMessage };
	}
	if (detections.some((d) => d.action === 'ANONYMIZE')) return { stage, detections, outcome: 'masked', text: mask(text, detections) };
	return { stage, detections, outcome: 'passed', text };
}

export function check(raw: unknown): CheckResult {
	const input = (raw && typeof raw === 'object' ? raw : {}) as Partial<GuardrailInput>;
	const errors: Record<string, string> = {};
	const config = parse(input, errors);
	const prompt = str(input.prompt);
	const answer = str(input.answer);
	for (const [key, text, what] of [
		['prompt', prompt, 'a prompt'],
		['answer', answer, "the model's answer"],
	] as const) {
		if (text.trim() === '') errors[key] = `Enter ${what} to check.`;
		else if (text.length > MAX_TEXT) errors[key] = `This demo checks at most ${MAX_TEXT.toLocaleString('en-US')} characters.`;
	}
	if (Object.keys(errors).length > 0) return { ok: false, errors };

	const first = runStage(config, prompt, 'input');
	if (first.outcome === 'blocked') return { ok: true, value: { input: first, modelCalled: false, final: first.text } };
	const second = runStage(config, answer, 'output');
	return { ok: true, value: { input: first, output: second, modelCalled: true, modelPrompt: first.text, final: second.text } };
}

export function defaultInput(): GuardrailInput {
	return {
		topics: [{ name: 'Investment advice', keywords: 'stocks, shares, crypto, invest' }],
		words: 'Project Falcon',
		profanity: true,
		entities: { EMAIL: 'ANONYMIZE', PHONE: 'ANONYMIZE', US_SOCIAL_SECURITY_NUMBER: 'BLOCK', AWS_ACCESS_KEY: 'BLOCK' },
		regexName: 'employee-id',
		regexPattern: 'EMP-[0-9]{6}',
		regexAction: 'ANONYMIZE',
		promptAttack: true,
		blockedInputMessage: "Sorry, I can't help with that request.",
		blockedOutputMessage: "Sorry, I can't share that answer.",
		prompt: "My order hasn't arrived. Email me at jane@example.com or call 206-555-0100.",
		answer: 'Sorry about that! Agent EMP-123456 will write to jane@example.com within a day.',
	};
}
