import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_MAX_BYTES, ENCRYPT_MAX_BYTES, clampStep, defaultInput, envelope, parseContext, utf8Length } from './envelope-encryption.ts';
import type { Envelope, EnvelopeInput, Field } from './envelope-encryption.ts';

function ok(change: Partial<EnvelopeInput> = {}): Envelope {
	const r = envelope({ ...defaultInput(), ...change });
	assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.errors));
	return r.value;
}
function bad(change: Partial<EnvelopeInput>, field: Field, message: RegExp) {
	const r = envelope({ ...defaultInput(), ...change });
	assert.equal(r.ok, false);
	if (r.ok) return;
	assert.match(r.errors[field] ?? '', message);
}

test('the default example: a short invoice with two context pairs and a 256-bit data key', () => {
	const e = ok();
	// 46 ASCII characters and a euro sign of 3 bytes.
	assert.equal(e.messageBytes, 49);
	assert.equal(e.dataKeyBytes, 32);
	assert.equal(e.ciphertextBytes, 65);
	assert.deepEqual(e.pairs, [
		['tenant', 'acme'],
		['purpose', 'invoice'],
	]);
	assert.equal(e.steps.length, 5);
	assert.equal(e.steps[0]!.call, 'GenerateDataKey(KeyId=alias/orders-app, KeySpec=AES_256, EncryptionContext={"tenant": "acme", "purpose": "invoice"})');
	assert.equal(e.directEncryptFits, true);
	assert.match(e.directEncrypt[0]!, /49 bytes, within the 4,096-byte limit/);
});

test('sizes are UTF-8 bytes, not characters', () => {
	assert.equal(utf8Length('abc'), 3);
	assert.equal(utf8Length('é'), 2);
	assert.equal(utf8Length('€'), 3);
	assert.equal(utf8Length('😀'), 4);
	assert.equal(utf8Length('\ud800'), 3);
	for (const s of ['héllo wörld', '日本語', 'a😀b€']) assert.equal(utf8Length(s), new TextEncoder().encode(s).length);
	assert.equal(ok({ message: 'héllo' }).messageBytes, 6);
});

test('KMS sees the key id, context and caller, never the message or its ciphertext, in every step', () => {
	const e = ok({ message: 'secret plan' });
	for (const s of e.steps) {
		const sees = s.kmsSees.join(' ');
		assert.doesNotMatch(sees, /secret plan/);
		assert.doesNotMatch(sees, /ciphertext of the message/);
		assert.match(s.kmsNeverSees.join(' '), /the message "secret plan" \(11 bytes\)/);
	}
	assert.match(e.steps[0]!.kmsSees.join(' '), /alias\/orders-app/);
	assert.match(e.steps[0]!.kmsSees.join(' '), /identity/);
	assert.match(e.steps[3]!.kmsSees.join(' '), /encrypted data key/);
	for (const i of [1, 2, 4]) {
		assert.equal(e.steps[i]!.call, null);
		assert.deepEqual(e.steps[i]!.kmsSees, ['Nothing: this step sends no request to KMS.']);
	}
});

test('what is stored where: the plaintext key is gone after step 3, the encrypted one sits with the ciphertext', () => {
	const e = ok();
	assert.ok(e.steps[0]!.memory.some((m) => m.includes('plaintext data key, 32 bytes')));
	assert.deepEqual(e.steps[0]!.storage, ['nothing yet']);
	assert.ok(!e.steps[2]!.memory.some((m) => m.includes('plaintext data key')));
	const stored = e.steps[2]!.storage.join(' ');
	assert.match(stored, /ciphertext of the message, 65 bytes/);
	assert.match(stored, /encrypted data key/);
	assert.match(stored, /encryption context/);
	assert.ok(!e.steps[4]!.memory.some((m) => m.includes('plaintext data key')));
});

test('without a context no pairs are sent and none need storing', () => {
	const e = ok({ context: '  ' });
	assert.deepEqual(e.pairs, []);
	assert.equal(e.steps[0]!.call, 'GenerateDataKey(KeyId=alias/orders-app, KeySpec=AES_256)');
	assert.equal(e.steps[3]!.call, 'Decrypt(CiphertextBlob=⟨encrypted data key⟩)');
	assert.doesNotMatch(e.steps[2]!.storage.join(' '), /encryption context/);
	assert.match(e.steps[0]!.kmsSees.join(' '), /no encryption context/);
});

test('AES_128 asks for a 16-byte data key', () => {
	const e = ok({ keySpec: 'AES_128' });
	assert.equal(e.dataKeyBytes, 16);
	assert.match(e.steps[0]!.call!, /KeySpec=AES_128/);
});

test('the 4 KB rule: 4,096 bytes fit Encrypt, 4,097 do not', () => {
	assert.equal(ok({ message: 'a'.repeat(ENCRYPT_MAX_BYTES) }).directEncryptFits, true);
	const over = ok({ message: 'a'.repeat(ENCRYPT_MAX_BYTES + 1) });
	assert.equal(over.directEncryptFits, false);
	assert.match(over.directEncrypt[0]!, /4,097 bytes: over the 4,096 bytes that KMS Encrypt accepts/);
	// 1,366 euro signs are 4,098 bytes although only 1,366 characters.
	assert.equal(ok({ message: '€'.repeat(1366) }).directEncryptFits, false);
	assert.match(ok().directEncrypt[1]!, /still the better choice/);
});

test('context pairs: separators, spaces, new lines, = inside a value and case-sensitive keys', () => {
	assert.deepEqual(parseContext('a=1,b=2'), { ok: true, value: [['a', '1'], ['b', '2']] });
	assert.deepEqual(parseContext(' a = 1 \n b=2, '), { ok: true, value: [['a', '1'], ['b', '2']] });
	assert.deepEqual(parseContext('path=x=y'), { ok: true, value: [['path', 'x=y']] });
	assert.deepEqual(parseContext('Tenant=a, tenant=b'), { ok: true, value: [['Tenant', 'a'], ['tenant', 'b']] });
	assert.deepEqual(parseContext(undefined), { ok: true, value: [] });
});

test('a message exactly at the demo cap is accepted', () => {
	assert.equal(ok({ message: 'a'.repeat(DEMO_MAX_BYTES) }).messageBytes, DEMO_MAX_BYTES);
});

const BAD: [string, Partial<EnvelopeInput>, Field, RegExp][] = [
	['empty message', { message: '' }, 'message', /Type a message/],
	['message not a string', { message: 42 as unknown as string }, 'message', /Type a message/],
	['message missing', { message: undefined as unknown as string }, 'message', /Type a message/],
	['message one byte over 1 MiB', { message: 'a'.repeat(DEMO_MAX_BYTES + 1) }, 'message', /up to 1,048,576 bytes \(1 MiB\)/],
	['multi-byte message over 1 MiB in UTF-8', { message: '€'.repeat(400_000) }, 'message', /yours is 1,200,000 bytes in UTF-8/],
	['context pair without =', { context: 'tenant' }, 'context', /"tenant" has no = sign/],
	['context with an empty key', { context: '=acme' }, 'context', /no key before the = sign/],
	['context with only =', { context: '=' }, 'context', /no key before the = sign/],
	['context with an empty value', { context: 'tenant=' }, 'context', /Give "tenant" a value/],
	['context with a duplicate key', { context: 'tenant=a, purpose=b, tenant=c' }, 'context', /"tenant" appears twice/],
	['context with too many pairs', { context: Array.from({ length: 11 }, (_, i) => `k${i}=v`).join(',') }, 'context', /at most 10 context pairs; you wrote 11/],
	['context key too long', { context: `${'k'.repeat(101)}=v` }, 'context', /under 101 characters/],
	['context not a string', { context: 7 as unknown as string }, 'context', /key=value pairs/],
	['unknown key spec', { keySpec: 'AES_512' as never }, 'keySpec', /Choose a data key length/],
	['long bad pair is shortened in the message', { context: 'x'.repeat(50) }, 'context', /^"x{20}…" has no = sign/],
];

for (const [name, change, field, message] of BAD) {
	test(`bad input gives a message, never an exception: ${name}`, () => bad(change, field, message));
}

test('every problem is reported at once, and garbage input does not throw', () => {
	const r = envelope({ message: '', context: 'x', keySpec: 'nope' as never });
	assert.equal(r.ok, false);
	if (!r.ok) assert.deepEqual(Object.keys(r.errors).sort(), ['context', 'keySpec', 'message']);
	for (const junk of [null, undefined, 0, 'text', [], {}]) {
		const j = envelope(junk as unknown as EnvelopeInput);
		assert.equal(j.ok, false);
	}
});

test('the step index stays in range', () => {
	assert.equal(clampStep(-3, 5), 0);
	assert.equal(clampStep(9, 5), 4);
	assert.equal(clampStep(2.7, 5), 2);
	assert.equal(clampStep(Number.NaN, 5), 0);
	assert.equal(clampStep('2', 5), 0);
	assert.equal(clampStep(1, 0), 0);
});
