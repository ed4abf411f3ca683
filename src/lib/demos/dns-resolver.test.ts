import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startLookup, normalizeName, parseSeconds, emptyCache, cacheRows, DEMO_ZONES, SCENARIOS } from './dns-resolver.ts';
import type { ZoneData, Lookup, CacheState } from './dns-resolver.ts';

function lookup(name: string, type: 'A' | 'AAAA' = 'A', now = 0, cache: CacheState = emptyCache(), device = 'laptop', data: ZoneData = DEMO_ZONES): Lookup {
	const r = startLookup(data, cache, name, type, now, device);
	assert.ok(r.ok, r.ok ? '' : r.error);
	return r.value;
}
const actors = (l: Lookup) => l.steps.map((s) => s.actor);

test('a cold lookup walks stub, recursive, root, TLD, authoritative, caches and answers', () => {
	const l = lookup('www.example.com');
	assert.deepEqual(actors(l), ['stub', 'recursive', 'root', 'tld', 'authoritative', 'recursive', 'client']);
	assert.equal(l.rcode, 'NOERROR');
	assert.deepEqual(l.answer, [{ name: 'www.example.com', type: 'A', ttl: 300, value: '192.0.2.10' }]);
	assert.equal(l.upstreamQueries, 3);
	assert.match(l.steps[3]!.text, /awsdns/);
	assert.equal(l.steps[4]!.records?.[0]?.ttl, 300);
});

test('AAAA returns the IPv6 documentation address', () => {
	const l = lookup('www.example.com', 'AAAA');
	assert.equal(l.answer[0]!.value, '2001:db8::10');
	assert.equal(l.answer[0]!.type, 'AAAA');
});

test('the same device asking again is answered by its own stub cache', () => {
	const first = lookup('www.example.com');
	const again = lookup('www.example.com', 'A', 10, first.cache);
	assert.deepEqual(actors(again), ['stub']);
	assert.equal(again.steps[0]!.outcome, 'hit');
	assert.equal(again.answer[0]!.ttl, 290, 'TTL counts down while cached');
	assert.equal(again.upstreamQueries, 0);
});

test('another device is answered from the recursive resolver cache without root, TLD or authoritative', () => {
	const first = lookup('www.example.com');
	const other = lookup('www.example.com', 'A', 100, first.cache, 'phone');
	assert.deepEqual(actors(other), ['stub', 'recursive', 'client']);
	assert.equal(other.steps[1]!.outcome, 'hit');
	assert.equal(other.answer[0]!.ttl, 200);
	assert.equal(other.upstreamQueries, 0);
});

test('after the TTL passes the resolver asks the authoritative server again, using the cached referral', () => {
	const first = lookup('www.example.com');
	const later = lookup('www.example.com', 'A', 301, first.cache, 'phone');
	assert.deepEqual(actors(later), ['stub', 'recursive', 'authoritative', 'recursive', 'client']);
	assert.match(later.steps[1]!.text, /expired/);
	assert.equal(later.upstreamQueries, 1);
});

test('once the NS referrals expire too, the lookup walks from the root again', () => {
	const first = lookup('www.example.com');
	const much = lookup('www.example.com', 'A', 172800, first.cache);
	assert.deepEqual(actors(much), ['stub', 'recursive', 'root', 'tld', 'authoritative', 'recursive', 'client']);
});

test('the TTL boundary is exclusive: at exactly now + TTL the entry has expired', () => {
	const first = lookup('www.example.com');
	assert.equal(lookup('www.example.com', 'A', 299, first.cache).steps[0]!.outcome, 'hit');
	assert.equal(lookup('www.example.com', 'A', 300, first.cache).steps[0]!.outcome, 'miss');
});

test('the cache passed in is not modified', () => {
	const cache = emptyCache();
	lookup('www.example.com', 'A', 0, cache);
	assert.deepEqual(cache, emptyCache());
});

test('a CNAME chain needs a second lookup of the target, with its own root and TLD steps', () => {
	const l = lookup('shop.example.com');
	const outcomes = l.steps.map((s) => `${s.actor}:${s.outcome}`);
	assert.deepEqual(outcomes, [
		'stub:miss',
		'recursive:miss',
		'root:referral',
		'tld:referral',
		'authoritative:cname',
		'recursive:stored',
		'recursive:miss',
		'root:referral',
		'tld:referral',
		'authoritative:answer',
		'recursive:stored',
		'client:answer',
	]);
	assert.deepEqual(
		l.answer.map((r) => `${r.name} ${r.type} ${r.value}`),
		['shop.example.com CNAME shops.example.net', 'shops.example.net A 192.0.2.50'],
	);
	assert.equal(l.upstreamQueries, 6);
	assert.match(l.steps[7]!.text, /\.net name servers/);
});

test('a cached CNAME and target are both served from cache on the next device', () => {
	const first = lookup('shop.example.com');
	const other = lookup('shop.example.com', 'A', 60, first.cache, 'phone');
	assert.deepEqual(
		other.steps.map((s) => `${s.actor}:${s.outcome}`),
		['stub:miss', 'recursive:hit', 'recursive:hit', 'client:answer'],
	);
});

test('the stub caches a chained answer only for the shortest TTL in it', () => {
	const first = lookup('shop.example.com');
	assert.equal(lookup('shop.example.com', 'A', 119, first.cache).steps[0]!.outcome, 'hit');
	assert.equal(lookup('shop.example.com', 'A', 120, first.cache).steps[0]!.outcome, 'miss');
});

test('a Route 53 alias at the zone apex is answered directly with A records and no extra lookup', () => {
	const l = lookup('example.com');
	assert.deepEqual(actors(l), ['stub', 'recursive', 'root', 'tld', 'authoritative', 'recursive', 'client']);
	assert.ok(l.answer.every((r) => r.type === 'A'));
	assert.deepEqual(l.answer.map((r) => r.value), ['198.51.100.10', '198.51.100.11']);
	assert.match(l.steps[4]!.text, /alias/i);
	assert.match(l.steps[4]!.text, /zone apex/);
	assert.equal(l.answer[0]!.ttl, 60);
});

test('an alias below the apex (CloudFront) does not mention the apex', () => {
	const l = lookup('cdn.example.com');
	assert.equal(l.answer.length, 4);
	assert.doesNotMatch(l.steps[4]!.text, /apex/);
});

test('an unknown name inside a hosted zone gets NXDOMAIN from the authoritative server, cached negatively', () => {
	const l = lookup('nope.example.com');
	assert.equal(l.rcode, 'NXDOMAIN');
	const auth = l.steps.find((s) => s.actor === 'authoritative')!;
	assert.equal(auth.outcome, 'nxdomain');
	const again = lookup('nope.example.com', 'AAAA', 10, l.cache, 'phone');
	assert.deepEqual(actors(again), ['stub', 'recursive', 'client']);
	assert.equal(again.rcode, 'NXDOMAIN');
});

test('a domain outside the demo gets NXDOMAIN from the TLD, an unknown TLD from the root', () => {
	assert.equal(lookup('unregistered-name.com').steps.find((s) => s.outcome === 'nxdomain')!.actor, 'tld');
	assert.equal(lookup('www.example.invalid').steps.find((s) => s.outcome === 'nxdomain')!.actor, 'root');
});

test('names outside the demo data are not declared unregistered on the real internet', () => {
	for (const name of ['amazon.com', 'example.io']) {
		const l = lookup(name);
		assert.equal(l.rcode, 'NXDOMAIN', name);
		assert.equal(l.outsideDemo, true, name);
		const text = l.steps.map((s) => s.text).join(' ');
		assert.doesNotMatch(text, /registered|there is no top-level domain|the name does not exist/i, name);
		assert.match(text, /this demo/i, name);
	}
	// The flag survives a cached answer, and a missing name inside a demo zone is a real NXDOMAIN of the demo's data.
	const first = lookup('amazon.com');
	assert.equal(lookup('amazon.com', 'A', 10, first.cache).outsideDemo, true);
	assert.equal(lookup('amazon.com', 'A', 10, first.cache, 'phone').outsideDemo, true);
	assert.equal(lookup('nope.example.com').outsideDemo, false);
	assert.equal(lookup('www.example.com').outsideDemo, false);
});

test('a zone apex with no A record is NOERROR with no data: the apex always has SOA and NS records', () => {
	const l = lookup('example.net');
	assert.equal(l.rcode, 'NOERROR');
	assert.deepEqual(l.answer, []);
	const auth = l.steps.find((s) => s.actor === 'authoritative')!;
	assert.equal(auth.outcome, 'nodata');
	assert.match(auth.text, /SOA/);
	assert.equal(l.steps.at(-1)!.outcome, 'nodata');
	// Cached as "no A record", not as a name that does not exist: AAAA from the phone still asks.
	const aaaa = lookup('example.net', 'AAAA', 10, l.cache, 'phone');
	assert.equal(aaaa.rcode, 'NOERROR');
	assert.ok(aaaa.steps.some((s) => s.actor === 'authoritative'));
});

test('a name that exists only because names below it do (an empty non-terminal) is NODATA too', () => {
	const data: ZoneData = structuredClone(DEMO_ZONES);
	data.zones[0]!.records['a.b.example.com'] = [{ type: 'A', ttl: 60, values: ['192.0.2.99'] }];
	const l = lookup('b.example.com', 'A', 0, emptyCache(), 'laptop', data);
	assert.equal(l.rcode, 'NOERROR');
	assert.deepEqual(l.answer, []);
});

test('a name with no record of the asked type gets NOERROR and no data', () => {
	const l = lookup('api.example.com', 'AAAA');
	assert.equal(l.rcode, 'NOERROR');
	assert.deepEqual(l.answer, []);
	assert.equal(l.steps.at(-1)!.outcome, 'nodata');
});

test('names are case-insensitive and may end with the root dot', () => {
	const l = lookup('WWW.Example.COM.');
	assert.equal(l.name, 'www.example.com');
	assert.equal(l.answer[0]!.value, '192.0.2.10');
});

test('a CNAME loop ends in SERVFAIL instead of looping forever', () => {
	const loop: ZoneData = {
		rootServers: ['a.root-servers.net'],
		tlds: { com: { servers: ['a.gtld-servers.net'], nsTtl: 100 } },
		zones: [
			{
				name: 'loop.com',
				provider: 'test',
				nameServers: ['ns1.loop.com'],
				nsTtl: 100,
				negativeTtl: 10,
				records: {
					'a.loop.com': [{ type: 'CNAME', ttl: 10, values: ['b.loop.com'] }],
					'b.loop.com': [{ type: 'CNAME', ttl: 10, values: ['a.loop.com'] }],
				},
			},
		],
	};
	const l = lookup('a.loop.com', 'A', 0, emptyCache(), 'laptop', loop);
	assert.equal(l.rcode, 'SERVFAIL');
	assert.equal(l.steps.at(-1)!.outcome, 'error');
});

test('cacheRows lists live entries with TTL left and drops expired ones', () => {
	const l = lookup('www.example.com');
	const rows = cacheRows(l.cache, 100);
	assert.ok(rows.some((r) => r.entry === 'www.example.com A 192.0.2.10' && r.left === 200));
	assert.ok(rows.some((r) => r.entry === 'com NS (referral)'));
	assert.ok(!cacheRows(l.cache, 400).some((r) => r.entry.startsWith('www.')));
});

test('every scenario resolves with the demo zones', () => {
	for (const s of Object.values(SCENARIOS)) {
		const l = lookup(s.name, s.type);
		assert.equal(l.rcode, 'NOERROR', s.label);
		assert.ok(l.answer.some((r) => r.type === s.type), s.label);
	}
});

test('valid names: 63-character labels and 253 characters in total', () => {
	const label = 'a'.repeat(63);
	assert.ok(normalizeName(`${label}.com`).ok);
	const long = [label, label, label, 'a'.repeat(57), 'com'].join('.');
	assert.equal(long.length, 253);
	assert.ok(normalizeName(long).ok);
	assert.ok(normalizeName('x-1.example.com').ok);
});

const BAD_NAMES: [string, RegExp][] = [
	['', /Enter a domain name/],
	['   ', /Enter a domain name/],
	['localhost', /two labels/],
	['www..example.com', /empty label/],
	['.example.com', /empty label/],
	['-www.example.com', /hyphen/],
	['www-.example.com', /hyphen/],
	['www_1.example.com', /letters, digits and hyphens/],
	['www.exa mple.com', /spaces/],
	['bücher.example.com', /xn--/],
	[`${'a'.repeat(64)}.com`, /63 characters/],
	[[...Array(5)].map(() => 'a'.repeat(60)).join('.'), /253 characters/],
	['x'.repeat(20_001), /too long/],
	['http://www.example.com', /letters, digits and hyphens/],
	['192.0.2.1/24', /letters, digits and hyphens/],
];
for (const [input, message] of BAD_NAMES) {
	test(`rejects the name ${JSON.stringify(input.slice(0, 30))}`, () => {
		const r = startLookup(DEMO_ZONES, emptyCache(), input, 'A', 0);
		assert.equal(r.ok, false);
		if (!r.ok) assert.match(r.error, message);
	});
}

test('rejects a bad query type and a bad clock without throwing', () => {
	const badType = startLookup(DEMO_ZONES, emptyCache(), 'www.example.com', 'MX' as 'A', 0);
	assert.equal(badType.ok, false);
	for (const now of [Number.NaN, -1, Number.POSITIVE_INFINITY]) {
		assert.equal(startLookup(DEMO_ZONES, emptyCache(), 'www.example.com', 'A', now).ok, false);
	}
});

test('parseSeconds accepts whole seconds and rejects everything else', () => {
	assert.deepEqual(parseSeconds(' 301 '), { ok: true, value: 301 });
	for (const bad of ['', 'abc', '1.5', '-5', '0', '1e3', '99999999999', 'NaN']) {
		assert.equal(parseSeconds(bad).ok, false, bad);
	}
});
