import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultConfig, mulberry32, parseValues, parseWeight, resolve, sendQueries, weightedOdds, isIPv4 } from './route53-routing.ts';
import type { Answer, Health, PolicyId, RoutingConfig, WeightedRecord } from './route53-routing.ts';

function answer(policy: PolicyId, config: RoutingConfig = defaultConfig(), location = 'berlin', seed = 1): Answer {
	const r = resolve(policy, config, location, mulberry32(seed));
	assert.ok(r.ok, r.ok ? '' : r.error);
	return r.value;
}
function withConfig(change: (c: RoutingConfig) => void): RoutingConfig {
	const c = defaultConfig();
	change(c);
	return c;
}
const w = (id: string, weight: string, health: Health = 'healthy'): WeightedRecord => ({ id, value: '192.0.2.1', weight, health });
function odds(records: WeightedRecord[]): Record<string, number> {
	const r = weightedOdds(records);
	assert.ok(r.ok, r.ok ? '' : r.error);
	return Object.fromEntries(r.value.odds.map((o) => [o.id, o.probability]));
}

test('mulberry32 is deterministic and in [0, 1)', () => {
	const a = mulberry32(42);
	const b = mulberry32(42);
	const xs = Array.from({ length: 1000 }, () => a());
	assert.deepEqual(xs.slice(0, 5), Array.from({ length: 5 }, () => b()));
	assert.ok(xs.every((x) => x >= 0 && x < 1));
	assert.notDeepEqual(mulberry32(1)(), mulberry32(2)());
});

test('simple: returns every value, in an order that depends on the random source', () => {
	const orders = new Set<string>();
	for (let seed = 1; seed <= 20; seed++) {
		const a = answer('simple', defaultConfig(), 'berlin', seed);
		assert.deepEqual([...a.values].sort(), ['192.0.2.1', '192.0.2.2', '192.0.2.3']);
		orders.add(a.values.join());
	}
	assert.ok(orders.size > 1, 'the order varies');
	assert.match(answer('simple').why.join(' '), /cannot have health checks/);
});

test('simple: a single value is always returned', () => {
	const a = answer('simple', withConfig((c) => (c.simple = ' 198.51.100.7 ')));
	assert.deepEqual(a.values, ['198.51.100.7']);
});

test('weighted: probability is weight / sum of weights', () => {
	assert.deepEqual(odds([w('a', '1'), w('b', '255')]), { a: 1 / 256, b: 255 / 256 });
	assert.deepEqual(odds(defaultConfig().weighted), { stable: 0.7, canary: 0.3, standby: 0 });
});

test('weighted: all weights 0 means equal probability', () => {
	assert.deepEqual(odds([w('a', '0'), w('b', '0'), w('c', '0', 'none')]), { a: 1 / 3, b: 1 / 3, c: 1 / 3 });
});

test('weighted: unhealthy records are excluded', () => {
	assert.deepEqual(odds([w('a', '50', 'unhealthy'), w('b', '25'), w('c', '75', 'none')]), { a: 0, b: 0.25, c: 0.75 });
});

test('weighted: zero-weight records answer only when every non-zero record is unhealthy', () => {
	assert.deepEqual(odds([w('a', '1', 'unhealthy'), w('b', '1', 'unhealthy'), w('c', '0')]), { a: 0, b: 0, c: 1 });
	assert.deepEqual(odds([w('a', '1', 'unhealthy'), w('b', '1'), w('c', '0')]), { a: 0, b: 1, c: 0 });
});

test('weighted: when every record is unhealthy, all are treated as healthy (zero weight still gets nothing)', () => {
	const r = weightedOdds([w('a', '1', 'unhealthy'), w('b', '3', 'unhealthy'), w('c', '0', 'unhealthy')]);
	assert.ok(r.ok);
	assert.deepEqual(Object.fromEntries(r.value.odds.map((o) => [o.id, o.probability])), { a: 0.25, b: 0.75, c: 0 });
	assert.match(r.value.why.join(' '), /treats them all as healthy/);
});

test('weighted: a record without a health check counts as healthy', () => {
	assert.deepEqual(odds([w('a', '10', 'unhealthy'), w('b', '0', 'none')]), { a: 0, b: 1 });
});

test('weighted: one query picks one record and reports its odds', () => {
	const a = answer('weighted');
	assert.equal(a.values.length, 1);
	assert.ok(['stable', 'canary'].includes(a.recordId!));
	assert.equal(a.odds?.length, 3);
});

test('weighted: 1,000 seeded queries follow the weights and are reproducible', () => {
	const run = () => sendQueries('weighted', defaultConfig(), 'berlin', 1000, mulberry32(7));
	const d = run();
	assert.ok(d.ok);
	assert.deepEqual(d, run());
	const { stable = 0, canary = 0, standby = 0 } = d.value.counts;
	assert.equal(stable + canary + standby, 1000);
	assert.equal(standby, 0);
	assert.ok(Math.abs(stable - 700) < 60, `stable ${stable}`);
	assert.ok(Math.abs(canary - 300) < 60, `canary ${canary}`);
});

test('weighted: a weight of 255 against 1 gives almost all traffic', () => {
	const d = sendQueries('weighted', withConfig((c) => (c.weighted = [w('big', '255'), w('tiny', '1')])), 'berlin', 10_000, mulberry32(3));
	assert.ok(d.ok);
	assert.ok((d.value.counts.tiny ?? 0) < 100);
	assert.ok((d.value.counts.tiny ?? 0) > 10);
});

test('failover: healthy primary answers', () => {
	assert.equal(answer('failover').recordId, 'primary');
});

test('failover: unhealthy primary fails over to the secondary', () => {
	const a = answer('failover', withConfig((c) => (c.failover.primary.health = 'unhealthy')));
	assert.equal(a.recordId, 'secondary');
	assert.deepEqual(a.values, ['198.51.100.21']);
});

test('failover: a secondary without a health check answers when the primary fails', () => {
	const a = answer('failover', withConfig((c) => ((c.failover.primary.health = 'unhealthy'), (c.failover.secondary.health = 'none'))));
	assert.equal(a.recordId, 'secondary');
});

test('failover: both unhealthy returns the primary', () => {
	const a = answer('failover', withConfig((c) => ((c.failover.primary.health = 'unhealthy'), (c.failover.secondary.health = 'unhealthy'))));
	assert.equal(a.recordId, 'primary');
});

test('failover: a primary without a health check never fails over', () => {
	const a = answer('failover', withConfig((c) => (c.failover.primary.health = 'none')));
	assert.equal(a.recordId, 'primary');
	assert.match(a.why[0]!, /never fails over/);
});

test('latency: the lowest-latency Region for the client answers', () => {
	assert.equal(answer('latency', defaultConfig(), 'berlin').recordId, 'eu-central-1');
	assert.equal(answer('latency', defaultConfig(), 'new-york').recordId, 'us-east-1');
	assert.equal(answer('latency', defaultConfig(), 'tokyo').recordId, 'ap-northeast-1');
	// Sydney's own Region is not included by default, so Tokyo is the closest included one.
	assert.equal(answer('latency', defaultConfig(), 'sydney').recordId, 'ap-northeast-1');
	const withSydney = withConfig((c) => (c.latency[3]!.included = true));
	assert.equal(answer('latency', withSydney, 'sydney').recordId, 'ap-southeast-2');
});

test('latency: an unhealthy closest Region is skipped for the next closest', () => {
	const a = answer('latency', withConfig((c) => (c.latency[1]!.health = 'unhealthy')), 'berlin');
	assert.equal(a.recordId, 'us-east-1');
	assert.match(a.why.join(' '), /eu-central-1 has lower latency but fails/);
});

test('latency: all unhealthy falls back to the lowest latency', () => {
	const a = answer('latency', withConfig((c) => c.latency.forEach((r) => (r.health = 'unhealthy'))), 'berlin');
	assert.equal(a.recordId, 'eu-central-1');
});

test('geolocation: the most specific match wins (country over continent over default)', () => {
	assert.equal(answer('geolocation', defaultConfig(), 'berlin').recordId, 'DE');
	assert.equal(answer('geolocation', defaultConfig(), 'london').recordId, 'EU');
	assert.equal(answer('geolocation', defaultConfig(), 'toronto').recordId, 'NA');
	assert.equal(answer('geolocation', defaultConfig(), 'sydney').recordId, '*');
	assert.equal(answer('geolocation', defaultConfig(), 'unmapped').recordId, '*');
});

test('geolocation: no match and no default gives NOERROR with no records', () => {
	const noDefault = withConfig((c) => (c.geolocation[4]!.included = false));
	const a = answer('geolocation', noDefault, 'sydney');
	assert.deepEqual(a.values, []);
	assert.equal(a.recordId, null);
	assert.match(a.why.join(' '), /NOERROR with no records/);
	assert.equal(answer('geolocation', noDefault, 'unmapped').recordId, null);
	assert.equal(answer('geolocation', noDefault, 'berlin').recordId, 'DE');
});

test('geolocation: an unhealthy country record falls back to the continent, then the default', () => {
	const c = withConfig((c) => (c.geolocation[0]!.health = 'unhealthy'));
	assert.equal(answer('geolocation', c, 'berlin').recordId, 'EU');
	c.geolocation[1]!.health = 'unhealthy';
	assert.equal(answer('geolocation', c, 'berlin').recordId, '*');
});

test('geolocation: matching records unhealthy and no default gives no answer; all unhealthy treats all as healthy', () => {
	const c = withConfig((c) => {
		c.geolocation[4]!.included = false;
		c.geolocation[0]!.health = 'unhealthy';
		c.geolocation[1]!.health = 'unhealthy';
	});
	assert.equal(answer('geolocation', c, 'berlin').recordId, null);
	c.geolocation.forEach((r) => (r.health = 'unhealthy'));
	assert.equal(answer('geolocation', c, 'berlin').recordId, 'DE');
});

test('geolocation: each unhealthy record names the next record that covers the client; the Default record has none after it', () => {
	const c = withConfig((c) => {
		c.geolocation[0]!.health = 'unhealthy';
		c.geolocation[1]!.health = 'unhealthy';
	});
	const berlin = answer('geolocation', c, 'berlin').why.join(' ');
	assert.match(berlin, /Germany \(country\) record fails its health check, so Route 53 moves on to the Europe \(continent\) record/);
	assert.match(berlin, /Europe \(continent\) record fails its health check, so Route 53 moves on to the Default record/);
	const sydney = withConfig((c) => (c.geolocation[4]!.health = 'unhealthy'));
	const why = answer('geolocation', sydney, 'sydney').why.join(' ');
	assert.doesNotMatch(why, /larger area/);
	assert.match(why, /The Default record fails its health check.*last record that can answer/);
	assert.match(why, /records for other locations/);
});

test('sendQueries counts empty answers as "none"', () => {
	const noDefault = withConfig((c) => (c.geolocation[4]!.included = false));
	const d = sendQueries('geolocation', noDefault, 'sydney', 10, mulberry32(1));
	assert.deepEqual(d, { ok: true, value: { total: 10, counts: { none: 10 } } });
});

test('parseWeight accepts 0–255 whole numbers only', () => {
	assert.deepEqual(parseWeight(' 0 '), { ok: true, value: 0 });
	assert.deepEqual(parseWeight('255'), { ok: true, value: 255 });
	for (const bad of ['', '256', '-1', '1.5', 'abc', '1e2', '0x10', 'NaN', '9'.repeat(400)]) assert.equal(parseWeight(bad).ok, false, bad);
});

test('isIPv4 checks dotted quads', () => {
	assert.ok(isIPv4('192.0.2.1'));
	assert.ok(isIPv4('255.255.255.255'));
	for (const bad of ['256.0.0.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', 'a.b.c.d', '', '2001:db8::1']) assert.equal(isIPv4(bad), false, bad);
});

test('parseValues splits on commas, spaces and new lines', () => {
	assert.deepEqual(parseValues('192.0.2.1,192.0.2.2\n 192.0.2.3'), { ok: true, value: ['192.0.2.1', '192.0.2.2', '192.0.2.3'] });
});

const BAD: [string, PolicyId, (c: RoutingConfig) => void, RegExp, string?][] = [
	['empty simple record', 'simple', (c) => (c.simple = '  '), /at least one value/],
	['bad simple value', 'simple', (c) => (c.simple = '192.0.2.1, example.com'), /not an IPv4 address/],
	['duplicate simple value', 'simple', (c) => (c.simple = '192.0.2.1, 192.0.2.1'), /listed twice/],
	['huge paste', 'simple', (c) => (c.simple = '1'.repeat(20_001)), /too long/],
	['too many values', 'simple', (c) => (c.simple = Array.from({ length: 101 }, (_, i) => `192.0.${Math.floor(i / 250)}.${i % 250}`).join(',')), /more than this demo accepts/],
	['weight above 255', 'weighted', (c) => (c.weighted[0]!.weight = '256'), /above the maximum weight of 255/],
	['negative weight', 'weighted', (c) => (c.weighted[0]!.weight = '-1'), /not a whole number/],
	['decimal weight', 'weighted', (c) => (c.weighted[1]!.weight = '2.5'), /not a whole number/],
	['empty weight', 'weighted', (c) => (c.weighted[1]!.weight = ''), /enter a weight/],
	['no weighted records', 'weighted', (c) => (c.weighted = []), /at least one weighted record/],
	['too many weighted records', 'weighted', (c) => (c.weighted = Array.from({ length: 9 }, (_, i) => w(`r${i}`, '1'))), /at most 8/],
	['duplicate record ids', 'weighted', (c) => (c.weighted = [w('a', '1'), w('a', '2')]), /share the ID/],
	['bad weighted value', 'weighted', (c) => (c.weighted[0]!.value = '300.1.1.1'), /not an IPv4/],
	['bad health status', 'weighted', (c) => (c.weighted[0]!.health = 'sick' as Health), /unknown health/],
	['empty failover value', 'failover', (c) => (c.failover.secondary.value = ''), /Secondary: enter an IPv4/],
	['no latency records', 'latency', (c) => c.latency.forEach((r) => (r.included = false)), /at least one latency record/],
	['latency from an unmapped address', 'latency', () => {}, /choose a city/, 'unmapped'],
	['unknown location', 'geolocation', () => {}, /Choose where the client is/, 'atlantis'],
	['prototype key as location', 'latency', () => {}, /Choose where the client is/, 'constructor'],
	['no geolocation records', 'geolocation', (c) => c.geolocation.forEach((r) => (r.included = false)), /at least one geolocation record/],
	['duplicate geolocation', 'geolocation', (c) => (c.geolocation[1]!.location = 'DE'), /a location can have only one record/],
];
for (const [name, policy, change, message, location] of BAD) {
	test(`rejects ${name}`, () => {
		const r = resolve(policy, withConfig(change), location ?? 'berlin', mulberry32(1));
		assert.equal(r.ok, false);
		if (!r.ok) assert.match(r.error, message);
	});
}

test('rejects an unknown policy, a missing config and bad query counts without throwing', () => {
	assert.equal(resolve('round-robin' as PolicyId, defaultConfig(), 'berlin', mulberry32(1)).ok, false);
	assert.equal(resolve('simple', null as unknown as RoutingConfig, 'berlin', mulberry32(1)).ok, false);
	for (const n of [0, -5, 1.5, Number.NaN, 100_001]) assert.equal(sendQueries('weighted', defaultConfig(), 'berlin', n, mulberry32(1)).ok, false, String(n));
});
