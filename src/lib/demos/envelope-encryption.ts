/**
 * Envelope encryption with AWS KMS as five steps, for the envelope encryption stepper. Nothing is encrypted here:
 * the model only says who holds what at each step, with sizes. The rules it follows, from the KMS API Reference and
 * Developer Guide: GenerateDataKey takes a symmetric KMS key and KeySpec AES_128 or AES_256 (or NumberOfBytes, never
 * both) and returns the data key in plaintext and encrypted under the KMS key (CiphertextBlob); KMS does not store
 * or use data keys; Decrypt of a symmetric ciphertext reads the KMS key from the blob's metadata and needs the same
 * encryption context (an exact, case-sensitive match); Encrypt takes at most 4,096 bytes of plaintext.
 * Bad input never throws: it comes back as a message per field.
 */

export type KeySpec = 'AES_256' | 'AES_128';

export const KEY_SPECS: Record<KeySpec, { label: string; bytes: number }> = {
	AES_256: { label: 'KeySpec AES_256 (256-bit data key)', bytes: 32 },
	AES_128: { label: 'KeySpec AES_128 (128-bit data key)', bytes: 16 },
};

export interface EnvelopeInput {
	/** As typed by the reader. */
	message: string;
	/** key=value pairs separated by commas or new lines; may be empty. */
	context: string;
	keySpec: KeySpec;
}
export type Field = keyof EnvelopeInput;

/** The most plaintext the KMS Encrypt operation accepts. */
export const ENCRYPT_MAX_BYTES = 4096;
/** A cap for this page only (1 MiB), so a pasted file cannot freeze the browser. */
export const DEMO_MAX_BYTES = 1024 * 1024;
/** Caps for this demo's context field, not KMS limits. */
export const MAX_CONTEXT_PAIRS = 10;
export const MAX_CONTEXT_PART = 100;
/** A sample alias; the demo calls no AWS API. */
export const KEY_ID = 'alias/orders-app';
/**
 * The local cipher the demo assumes, AES-GCM: a 12-byte nonce is stored with the ciphertext, and the ciphertext
 * is as long as the message plus a 16-byte authentication tag.
 */
export const GCM_NONCE_BYTES = 12;
export const GCM_TAG_BYTES = 16;

export function defaultInput(): EnvelopeInput {
	return { message: 'Invoice 1042 for ACME: 3 widgets, total 59.97 €', context: 'tenant=acme, purpose=invoice', keySpec: 'AES_256' };
}

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const shown = (t: string) => (t.length > 20 ? `${t.slice(0, 20)}…` : t);
export const fmt = (n: number) => n.toLocaleString('en-US');
export const bytes = (n: number) => `${fmt(n)} ${n === 1 ? 'byte' : 'bytes'}`;

/** UTF-8 length without allocating a copy of a large message. */
export function utf8Length(text: string): number {
	let n = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c < 0x80) n += 1;
		else if (c < 0x800) n += 2;
		else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
			// A surrogate pair is one code point of 4 bytes.
			n += 4;
			i++;
		} else n += 3; // Includes a lone surrogate, which an encoder writes as U+FFFD (3 bytes).
	}
	return n;
}

export function parseMessage(text: unknown): Parsed<{ text: string; bytes: number }> {
	if (typeof text !== 'string' || text === '') return { ok: false, error: 'Type a message to encrypt: at least one character.' };
	// Checking the UTF-16 length first keeps a huge paste from being walked character by character.
	if (text.length > DEMO_MAX_BYTES) return { ok: false, error: `This demo takes messages up to ${bytes(DEMO_MAX_BYTES)} (1 MiB); yours has over ${fmt(DEMO_MAX_BYTES)} characters.` };
	const n = utf8Length(text);
	if (n > DEMO_MAX_BYTES) return { ok: false, error: `This demo takes messages up to ${bytes(DEMO_MAX_BYTES)} (1 MiB); yours is ${bytes(n)} in UTF-8.` };
	return { ok: true, value: { text, bytes: n } };
}

export type ContextPair = [key: string, value: string];

/** Reads "tenant=acme, purpose=invoice" (commas or new lines); an empty field means no encryption context. */
export function parseContext(text: unknown): Parsed<ContextPair[]> {
	if (text === undefined || text === null) return { ok: true, value: [] };
	if (typeof text !== 'string') return { ok: false, error: 'Write the encryption context as key=value pairs, for example tenant=acme.' };
	const parts = text
		.split(/[,\n]/)
		.map((p) => p.trim())
		.filter((p) => p !== '');
	if (parts.length > MAX_CONTEXT_PAIRS) return { ok: false, error: `This demo takes at most ${MAX_CONTEXT_PAIRS} context pairs; you wrote ${parts.length}.` };
	const pairs: ContextPair[] = [];
	const seen = new Set<string>();
	for (const part of parts) {
		const eq = part.indexOf('=');
		if (eq === -1) return { ok: false, error: `"${shown(part)}" has no = sign: write each pair as key=value, separated by commas.` };
		const key = part.slice(0, eq).trim();
		const value = part.slice(eq + 1).trim();
		if (key === '') return { ok: false, error: `"${shown(part)}" has no key before the = sign.` };
		if (value === '') return { ok: false, error: `Give "${shown(key)}" a value after the = sign.` };
		if (key.length > MAX_CONTEXT_PART || value.length > MAX_CONTEXT_PART) return { ok: false, error: `Keep each key and value under ${MAX_CONTEXT_PART + 1} characters in this demo.` };
		// Keys are case-sensitive, so Tenant and tenant are two different keys.
		if (seen.has(key)) return { ok: false, error: `The key "${shown(key)}" appears twice; an encryption context is a map, so each key can appear only once.` };
		seen.add(key);
		pairs.push([key, value]);
	}
	return { ok: true, value: pairs };
}

export const contextText = (pairs: ContextPair[]) => (pairs.length === 0 ? '(none)' : `{${pairs.map(([k, v]) => `"${k}": "${v}"`).join(', ')}}`);

export const STEP_TITLES = [
	'Ask KMS for a data key',
	'Encrypt the message locally',
	'Discard the plaintext key, store the envelope',
	'To read: ask KMS to decrypt the data key',
	'Decrypt the message locally',
] as const;

export interface Step {
	title: string;
	/** The KMS request of this step, or null when the step runs only in the application. */
	call: string | null;
	what: string[];
	kmsSees: string[];
	kmsNeverSees: string[];
	/** Illustrative placeholders of what the application holds in memory and what is in its storage after the step. */
	memory: string[];
	storage: string[];
}

export interface Envelope {
	messageBytes: number;
	preview: string;
	pairs: ContextPair[];
	dataKeyBytes: number;
	ciphertextBytes: number;
	/** Whether KMS Encrypt alone could take this message. */
	directEncryptFits: boolean;
	directEncrypt: string[];
	steps: Step[];
}

export type EnvelopeResult = { ok: true; value: Envelope } | { ok: false; errors: Partial<Record<Field, string>> };

/** The first characters of the message, as the demo shows it in placeholders. */
export function preview(text: string): string {
	const oneLine = text.replace(/\s+/g, ' ');
	return oneLine.length > 24 ? `${oneLine.slice(0, 24)}…` : oneLine;
}

function buildSteps(msg: { text: string; bytes: number }, pairs: ContextPair[], spec: KeySpec) {
	const keyBytes = KEY_SPECS[spec].bytes;
	const ctBytes = msg.bytes + GCM_TAG_BYTES;
	const ctx = contextText(pairs);
	const ctxArg = pairs.length > 0 ? `, EncryptionContext=${ctx}` : '';
	const p = preview(msg.text);
	const message = `the message "${p}" (${bytes(msg.bytes)})`;
	const identity = 'the caller’s identity (the request is signed with its credentials)';
	const ctxSeen = pairs.length > 0 ? `the encryption context ${ctx}, which is not secret and shows in CloudTrail logs` : 'no encryption context (none was given)';
	const plainKey = `⟨plaintext data key, ${bytes(keyBytes)}⟩`;
	const encKey = '⟨encrypted data key: CiphertextBlob, size set by KMS⟩';
	const cipher = `⟨ciphertext of the message, ${bytes(ctBytes)}⟩ + ⟨nonce, ${bytes(GCM_NONCE_BYTES)}⟩`;
	const storedCtx = pairs.length > 0 ? [`the encryption context ${ctx} (or a way to rebuild it): Decrypt needs it again`] : [];
	const noCall = 'Nothing: this step sends no request to KMS.';
	const steps: Step[] = [
		{
			title: STEP_TITLES[0],
			call: `GenerateDataKey(KeyId=${KEY_ID}, KeySpec=${spec}${ctxArg})`,
			what: [
				`The application asks for a ${keyBytes}-byte data key under the KMS key ${KEY_ID}.`,
				'KMS returns the data key twice: in plaintext (Plaintext) and encrypted under the KMS key (CiphertextBlob). It keeps no copy of either.',
			],
			kmsSees: [`the KMS key id ${KEY_ID} and KeySpec ${spec}`, ctxSeen, identity, 'the data key it generates and returns'],
			kmsNeverSees: [message, 'where the application will store anything'],
			memory: [message, plainKey, encKey],
			storage: ['nothing yet'],
		},
		{
			title: STEP_TITLES[1],
			call: null,
			what: [
				`The application encrypts the message itself, outside KMS, with the plaintext data key and a local cipher such as AES-GCM.`,
				`With AES-GCM the ciphertext is the message’s ${bytes(msg.bytes)} plus a ${bytes(GCM_TAG_BYTES)} authentication tag, and a ${bytes(GCM_NONCE_BYTES)} nonce goes with it.`,
			],
			kmsSees: [noCall],
			kmsNeverSees: [message, `its ciphertext (${bytes(ctBytes)})`, 'the cipher the application uses'],
			memory: [message, plainKey, encKey, cipher],
			storage: ['nothing yet'],
		},
		{
			title: STEP_TITLES[2],
			call: null,
			what: [
				'The application removes the plaintext data key from memory as soon as it is done with it.',
				'It stores the encrypted data key next to the ciphertext: without KMS, the encrypted data key is useless to whoever reads the storage.',
			],
			kmsSees: [noCall],
			kmsNeverSees: [message, `its ciphertext (${bytes(ctBytes)})`, 'where the envelope is stored'],
			memory: ['no data key any more'],
			storage: [cipher, encKey, ...storedCtx],
		},
		{
			title: STEP_TITLES[3],
			call: `Decrypt(CiphertextBlob=⟨encrypted data key⟩${ctxArg})`,
			what: [
				'The application sends only the encrypted data key. For a symmetric KMS key, KMS reads which key to use from the blob’s metadata (naming the key with KeyId is still recommended).',
				pairs.length > 0
					? `The context must match ${ctx} exactly, case included, or KMS refuses with InvalidCiphertextException.`
					: 'No context was used, so none is needed now; with one, Decrypt must send the same pairs (case-sensitive) or fail with InvalidCiphertextException.',
				'KMS returns the plaintext data key.',
			],
			kmsSees: ['the encrypted data key', ctxSeen, identity, 'the plaintext data key it returns'],
			kmsNeverSees: [message, `its ciphertext (${bytes(ctBytes)})`, 'where the envelope is stored'],
			memory: [plainKey],
			storage: [cipher, encKey, ...storedCtx],
		},
		{
			title: STEP_TITLES[4],
			call: null,
			what: [
				'The application decrypts the ciphertext with the plaintext data key, outside KMS; AES-GCM also checks the tag, so a changed ciphertext fails.',
				'Then it removes the plaintext data key from memory again.',
			],
			kmsSees: [noCall],
			kmsNeverSees: [message, `its ciphertext (${bytes(ctBytes)})`],
			memory: [message],
			storage: [cipher, encKey, ...storedCtx],
		},
	];
	return { steps, ctBytes, keyBytes };
}

function directEncrypt(messageBytes: number): string[] {
	if (messageBytes > ENCRYPT_MAX_BYTES) {
		return [
			`Your message is ${bytes(messageBytes)}: over the ${fmt(ENCRYPT_MAX_BYTES)} bytes that KMS Encrypt accepts, so Encrypt would reject it. Envelope encryption is the way to encrypt it under a KMS key.`,
		];
	}
	return [
		`Your message is ${bytes(messageBytes)}, within the ${fmt(ENCRYPT_MAX_BYTES)}-byte limit of KMS Encrypt, so calling Encrypt directly would also work. KMS would then receive the message itself.`,
		'Envelope encryption is still the better choice when the data must not leave the application, when data can grow past 4 KB, or when many items are encrypted: the work happens locally, and a data key can be reused (data key caching) instead of one KMS request per item.',
	];
}

/** Checks every field and returns all problems at once, so each can be shown next to its field. */
export function envelope(input: EnvelopeInput): EnvelopeResult {
	const i = (input && typeof input === 'object' ? input : {}) as Partial<EnvelopeInput>;
	const errors: Partial<Record<Field, string>> = {};
	const msg = parseMessage(i.message);
	const ctx = parseContext(i.context);
	if (!msg.ok) errors.message = msg.error;
	if (!ctx.ok) errors.context = ctx.error;
	if (!Object.hasOwn(KEY_SPECS, String(i.keySpec))) errors.keySpec = 'Choose a data key length.';
	if (!msg.ok || !ctx.ok || errors.keySpec) return { ok: false, errors };
	const built = buildSteps(msg.value, ctx.value, i.keySpec!);
	return {
		ok: true,
		value: {
			messageBytes: msg.value.bytes,
			preview: preview(msg.value.text),
			pairs: ctx.value,
			dataKeyBytes: built.keyBytes,
			ciphertextBytes: built.ctBytes,
			directEncryptFits: msg.value.bytes <= ENCRYPT_MAX_BYTES,
			directEncrypt: directEncrypt(msg.value.bytes),
			steps: built.steps,
		},
	};
}

/** Keeps a step number in range: the stepper never points past its list. */
export function clampStep(n: unknown, count: number): number {
	const v = typeof n === 'number' && Number.isFinite(n) ? Math.trunc(n) : 0;
	return Math.min(Math.max(v, 0), Math.max(count - 1, 0));
}
