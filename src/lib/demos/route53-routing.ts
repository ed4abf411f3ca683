/**
 * Which record Amazon Route 53 answers with, for five routing policies, following the rules in the Route 53
 * Developer Guide ("Choosing a routing policy" and "How Amazon Route 53 chooses records when health checking is
 * configured"): records without a health check count as healthy; when no record in the group is healthy, Route 53
 * treats them all as healthy; weight 0 records are used only when no non-zero record can answer.
 * Randomness always comes from the `rng` passed in, so results are reproducible.
 */
import { seededRandom } from '../shuffle.ts';

/** Seeded, so "random" answers are the same on the server, in the browser and in tests. */
export const mulberry32 = seededRandom;

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export type PolicyId = 'simple' | 'weighted' | 'failover' | 'latency' | 'geolocation';
/** `none` means no health check is attached, which Route 53 treats as always healthy. */
export type Health = 'none' | 'healthy' | 'unhealthy';

export const POLICIES: Record<PolicyId, string> = {
	simple: 'Simple',
	weighted: 'Weighted',
	failover: 'Failover',
	latency: 'Latency',
	geolocation: 'Geolocation',
};

export const HEALTH_LABELS: Record<Health, string> = {
	none: 'No health check',
	healthy: 'Health check: healthy',
	unhealthy: 'Health check: unhealthy',
};

export interface WeightedRecord {
	id: string;
	value: string;
	/** As typed by the reader; checked by parseWeight. */
	weight: string;
	health: Health;
}
export interface FailoverRecord {
	value: string;
	health: Health;
}
export interface LatencyRecord {
	region: RegionId;
	value: string;
	health: Health;
	included: boolean;
}
export interface GeoRecord {
	/** Two-letter country code, continent code, or "*" for the default record. */
	location: string;
	value: string;
	health: Health;
	included: boolean;
}

export interface RoutingConfig {
	/** Values of the one simple record, separated by commas or new lines. */
	simple: string;
	weighted: WeightedRecord[];
	failover: { primary: FailoverRecord; secondary: FailoverRecord };
	latency: LatencyRecord[];
	geolocation: GeoRecord[];
}

export const REGIONS = {
	'us-east-1': 'US East (N. Virginia)',
	'eu-central-1': 'Europe (Frankfurt)',
	'ap-northeast-1': 'Asia Pacific (Tokyo)',
	'ap-southeast-2': 'Asia Pacific (Sydney)',
} as const;
export type RegionId = keyof typeof REGIONS;

export const CONTINENTS: Record<string, string> = {
	AF: 'Africa',
	AN: 'Antarctica',
	AS: 'Asia',
	EU: 'Europe',
	NA: 'North America',
	OC: 'Oceania',
	SA: 'South America',
};

interface Location {
	label: string;
	country: string | null;
	countryName: string | null;
	continent: string | null;
	/** Made-up round-trip times in milliseconds to each Region, for the latency policy. */
	latency: Record<RegionId, number> | null;
}

export const LOCATIONS = {
	'new-york': { label: 'New York, United States', country: 'US', countryName: 'United States', continent: 'NA', latency: { 'us-east-1': 12, 'eu-central-1': 90, 'ap-northeast-1': 170, 'ap-southeast-2': 215 } },
	toronto: { label: 'Toronto, Canada', country: 'CA', countryName: 'Canada', continent: 'NA', latency: { 'us-east-1': 22, 'eu-central-1': 100, 'ap-northeast-1': 160, 'ap-southeast-2': 205 } },
	'sao-paulo': { label: 'São Paulo, Brazil', country: 'BR', countryName: 'Brazil', continent: 'SA', latency: { 'us-east-1': 120, 'eu-central-1': 205, 'ap-northeast-1': 265, 'ap-southeast-2': 310 } },
	london: { label: 'London, United Kingdom', country: 'GB', countryName: 'United Kingdom', continent: 'EU', latency: { 'us-east-1': 75, 'eu-central-1': 16, 'ap-northeast-1': 220, 'ap-southeast-2': 265 } },
	berlin: { label: 'Berlin, Germany', country: 'DE', countryName: 'Germany', continent: 'EU', latency: { 'us-east-1': 92, 'eu-central-1': 9, 'ap-northeast-1': 230, 'ap-southeast-2': 280 } },
	mumbai: { label: 'Mumbai, India', country: 'IN', countryName: 'India', continent: 'AS', latency: { 'us-east-1': 190, 'eu-central-1': 118, 'ap-northeast-1': 125, 'ap-southeast-2': 150 } },
	tokyo: { label: 'Tokyo, Japan', country: 'JP', countryName: 'Japan', continent: 'AS', latency: { 'us-east-1': 160, 'eu-central-1': 232, 'ap-northeast-1': 6, 'ap-southeast-2': 110 } },
	sydney: { label: 'Sydney, Australia', country: 'AU', countryName: 'Australia', continent: 'OC', latency: { 'us-east-1': 205, 'eu-central-1': 285, 'ap-northeast-1': 112, 'ap-southeast-2': 5 } },
	unmapped: { label: 'An IP address Route 53 cannot map to a location', country: null, countryName: null, continent: null, latency: null },
} as const satisfies Record<string, Location>;
export type LocationId = keyof typeof LOCATIONS;

export function defaultConfig(): RoutingConfig {
	return {
		simple: '192.0.2.1, 192.0.2.2, 192.0.2.3',
		weighted: [
			{ id: 'stable', value: '192.0.2.11', weight: '70', health: 'healthy' },
			{ id: 'canary', value: '192.0.2.12', weight: '30', health: 'healthy' },
			{ id: 'standby', value: '192.0.2.13', weight: '0', health: 'none' },
		],
		failover: { primary: { value: '192.0.2.21', health: 'healthy' }, secondary: { value: '198.51.100.21', health: 'healthy' } },
		latency: [
			{ region: 'us-east-1', value: '192.0.2.41', health: 'healthy', included: true },
			{ region: 'eu-central-1', value: '192.0.2.42', health: 'healthy', included: true },
			{ region: 'ap-northeast-1', value: '192.0.2.43', health: 'healthy', included: true },
			{ region: 'ap-southeast-2', value: '192.0.2.44', health: 'healthy', included: false },
		],
		geolocation: [
			{ location: 'DE', value: '192.0.2.51', health: 'none', included: true },
			{ location: 'EU', value: '192.0.2.52', health: 'none', included: true },
			{ location: 'NA', value: '192.0.2.53', health: 'none', included: true },
			{ location: 'AS', value: '192.0.2.54', health: 'none', included: true },
			{ location: '*', value: '192.0.2.50', health: 'none', included: true },
		],
	};
}

export interface Answer {
	/** Empty when Route 53 answers NOERROR with no records. */
	values: string[];
	/** The record that answered ("stable", "primary", "eu-central-1", "DE"), or null for no answer. */
	recordId: string | null;
	/** Plain-language reasons, in order. */
	why: string[];
	/** Weighted only: each record's chance of answering, after health checks. */
	odds?: { id: string; probability: number }[];
}

export const MAX_RECORDS = 8;
const MAX_TEXT = 20_000;

export function parseWeight(text: string): Result<number> {
	const t = String(text ?? '').trim();
	if (t === '') return { ok: false, error: 'enter a weight from 0 to 255' };
	if (!/^\d+$/.test(t)) return { ok: false, error: `"${t.slice(0, 20)}" is not a whole number from 0 to 255` };
	const n = Number(t);
	if (n > 255) return { ok: false, error: `${t.length > 10 ? 'that number' : t} is above the maximum weight of 255` };
	return { ok: true, value: n };
}

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
export function isIPv4(text: string): boolean {
	const parts = text.split('.');
	return parts.length === 4 && parts.every((p) => OCTET.test(p));
}

function checkValue(value: string, what: string): string | null {
	const v = String(value ?? '').trim();
	if (v === '') return `${what}: enter an IPv4 address.`;
	if (!isIPv4(v)) return `${what}: "${v.slice(0, 40)}" is not an IPv4 address like 192.0.2.10.`;
	return null;
}

function isHealth(h: unknown): h is Health {
	return h === 'none' || h === 'healthy' || h === 'unhealthy';
}

/** Parses the simple record's values: at least one, IPv4, no duplicates. */
export function parseValues(text: string): Result<string[]> {
	if (typeof text !== 'string' || text.trim() === '') return { ok: false, error: 'The simple record needs at least one value.' };
	if (text.length > MAX_TEXT) return { ok: false, error: `The value list is too long (${text.length} characters).` };
	const values = text
		.split(/[\s,]+/)
		.map((v) => v.trim())
		.filter((v) => v !== '');
	if (values.length > 100) return { ok: false, error: `${values.length} values is more than this demo accepts (100).` };
	for (const v of values) {
		const problem = checkValue(v, 'Value');
		if (problem) return { ok: false, error: problem };
	}
	const dupe = values.find((v, i) => values.indexOf(v) !== i);
	if (dupe) return { ok: false, error: `The value ${dupe} is listed twice; a record's values must be unique.` };
	return { ok: true, value: values };
}

const healthy = (h: Health) => h !== 'unhealthy';

function shuffle<T>(items: T[], rng: () => number): T[] {
	const out = [...items];
	for (let i = out.length - 1; i > 0; i--) {
		const j = Math.floor(rng() * (i + 1));
		[out[i], out[j]] = [out[j]!, out[i]!];
	}
	return out;
}

function pct(p: number): string {
	return `${Math.round(p * 1000) / 10}%`;
}

/** Each weighted record's chance of answering, with the health-check and weight-0 rules applied. */
export function weightedOdds(records: WeightedRecord[]): Result<{ odds: { id: string; probability: number }[]; why: string[] }> {
	if (!Array.isArray(records) || records.length === 0) return { ok: false, error: 'Add at least one weighted record.' };
	if (records.length > MAX_RECORDS) return { ok: false, error: `This demo takes at most ${MAX_RECORDS} weighted records.` };
	const weights: number[] = [];
	const ids = new Set<string>();
	for (const r of records) {
		const w = parseWeight(r.weight);
		if (!w.ok) return { ok: false, error: `Record ${r.id}: ${w.error}.` };
		const problem = checkValue(r.value, `Record ${r.id}`);
		if (problem) return { ok: false, error: problem };
		if (!isHealth(r.health)) return { ok: false, error: `Record ${r.id}: unknown health status.` };
		if (ids.has(r.id)) return { ok: false, error: `Two records share the ID ${r.id}; each record needs its own ID.` };
		ids.add(r.id);
		weights.push(w.value);
	}
	const why: string[] = [];
	const anyHealthy = records.some((r) => healthy(r.health));
	if (!anyHealthy) why.push('Every record fails its health check, so Route 53 treats them all as healthy rather than answer nothing.');
	else if (records.some((r) => !healthy(r.health))) why.push('Records whose health check fails are left out.');
	const considered = records.map((r, i) => ({ r, w: weights[i]! })).filter(({ r }) => !anyHealthy || healthy(r.health));
	const nonZero = considered.filter((c) => c.w > 0);
	let chosen: { id: string; w: number }[];
	if (nonZero.length > 0) {
		chosen = nonZero.map((c) => ({ id: c.r.id, w: c.w }));
		const sum = chosen.reduce((s, c) => s + c.w, 0);
		why.push(`Each record gets weight ÷ ${sum} (the sum of the weights of the records that can answer).`);
		if (considered.length > nonZero.length) why.push('Records with weight 0 get no traffic while a record with a higher weight can answer.');
		return { ok: true, value: { odds: records.map((r) => ({ id: r.id, probability: (chosen.find((c) => c.id === r.id)?.w ?? 0) / sum })), why } };
	}
	chosen = considered.map((c) => ({ id: c.r.id, w: 1 }));
	why.push(
		records.every((_, i) => weights[i] === 0)
			? 'All weights are 0, so Route 53 picks among the records with equal probability.'
			: 'No record with a weight above 0 is healthy, so Route 53 falls back to the weight 0 records, with equal probability.',
	);
	return { ok: true, value: { odds: records.map((r) => ({ id: r.id, probability: chosen.some((c) => c.id === r.id) ? 1 / chosen.length : 0 })), why } };
}

function pick(odds: { id: string; probability: number }[], rng: () => number): string {
	let x = rng();
	for (const o of odds) {
		if (o.probability <= 0) continue;
		if (x < o.probability) return o.id;
		x -= o.probability;
	}
	// Rounding can leave x a hair above the last share.
	return [...odds].reverse().find((o) => o.probability > 0)!.id;
}

function isLocation(id: string): id is LocationId {
	return Object.hasOwn(LOCATIONS, id);
}

function describeGeo(code: string): string {
	if (code === '*') return 'Default';
	if (CONTINENTS[code]) return `${CONTINENTS[code]} (continent)`;
	const loc = Object.values(LOCATIONS).find((l) => l.country === code);
	return `${loc?.countryName ?? code} (country)`;
}
export const geoLabel = describeGeo;

/** Answers one query for `policy` from a client at `location`. Never throws; bad input gives `ok: false`. */
export function resolve(policy: PolicyId, config: RoutingConfig, location: string, rng: () => number): Result<Answer> {
	if (!config || typeof config !== 'object') return { ok: false, error: 'No records to route.' };
	switch (policy) {
		case 'simple': {
			const values = parseValues(config.simple);
			if (!values.ok) return values;
			const order = shuffle(values.value, rng);
			return {
				ok: true,
				value: {
					values: order,
					recordId: 'simple',
					why: [
						values.value.length > 1
							? `A simple record returns all ${values.value.length} of its values, in random order; the client usually tries the first.`
							: 'A simple record with one value always returns that value.',
						'Simple records cannot have health checks, so an address is returned even if its server is down.',
					],
				},
			};
		}
		case 'weighted': {
			const odds = weightedOdds(config.weighted);
			if (!odds.ok) return odds;
			const id = pick(odds.value.odds, rng);
			const record = config.weighted.find((r) => r.id === id)!;
			return {
				ok: true,
				value: {
					values: [record.value.trim()],
					recordId: id,
					why: [...odds.value.why, `This query drew ${id} (${pct(odds.value.odds.find((o) => o.id === id)!.probability)} chance).`],
					odds: odds.value.odds,
				},
			};
		}
		case 'failover': {
			const f = config.failover;
			if (!f?.primary || !f.secondary) return { ok: false, error: 'Failover needs a primary and a secondary record.' };
			for (const [role, r] of [['Primary', f.primary], ['Secondary', f.secondary]] as const) {
				const problem = checkValue(r.value, role);
				if (problem) return { ok: false, error: problem };
				if (!isHealth(r.health)) return { ok: false, error: `${role}: unknown health status.` };
			}
			const answer = (role: 'primary' | 'secondary', why: string[]): Result<Answer> => ({ ok: true, value: { values: [f[role].value.trim()], recordId: role, why } });
			if (healthy(f.primary.health)) {
				return answer('primary', [
					f.primary.health === 'none'
						? 'The primary has no health check, so Route 53 always considers it healthy and never fails over. Attach a health check to the primary.'
						: 'The primary passes its health check, so Route 53 answers with the primary, whatever the state of the secondary.',
				]);
			}
			if (healthy(f.secondary.health)) {
				return answer('secondary', [
					'The primary fails its health check.',
					f.secondary.health === 'none'
						? 'The secondary has no health check, so Route 53 considers it healthy and answers with it.'
						: 'The secondary is healthy, so Route 53 answers with the secondary.',
				]);
			}
			return answer('primary', ['Both records fail their health checks.', 'With no healthy record, Route 53 treats both as healthy and answers with the primary.']);
		}
		case 'latency': {
			if (!isLocation(location)) return { ok: false, error: 'Choose where the client is.' };
			const loc: Location = LOCATIONS[location];
			if (!loc.latency) return { ok: false, error: 'Latency routing needs a client location with latency data; choose a city.' };
			const records = (config.latency ?? []).filter((r) => r.included);
			if (records.length === 0) return { ok: false, error: 'Include at least one latency record.' };
			for (const r of records) {
				const problem = checkValue(r.value, `Record in ${r.region}`);
				if (problem) return { ok: false, error: problem };
				if (!Object.hasOwn(REGIONS, r.region)) return { ok: false, error: `Unknown Region ${r.region}.` };
				if (!isHealth(r.health)) return { ok: false, error: `Record in ${r.region}: unknown health status.` };
			}
			const table = loc.latency;
			const sorted = [...records].sort((a, b) => table[a.region] - table[b.region]);
			const why = [`Latency from ${loc.label}: ${sorted.map((r) => `${r.region} ${table[r.region]} ms`).join(', ')}.`];
			let winner = sorted.find((r) => healthy(r.health));
			for (const r of sorted) {
				if (r === winner) break;
				why.push(`${r.region} has lower latency but fails its health check, so Route 53 skips it.`);
			}
			if (!winner) {
				winner = sorted[0]!;
				why.length = 1;
				why.push('Every record fails its health check, so Route 53 treats them all as healthy and uses the lowest latency.');
			}
			why.push(`Answer: the record in ${winner.region} (${REGIONS[winner.region]}), ${table[winner.region]} ms.`);
			return { ok: true, value: { values: [winner.value.trim()], recordId: winner.region, why } };
		}
		case 'geolocation': {
			if (!isLocation(location)) return { ok: false, error: 'Choose where the client is.' };
			const loc: Location = LOCATIONS[location];
			const records = (config.geolocation ?? []).filter((r) => r.included);
			if (records.length === 0) return { ok: false, error: 'Include at least one geolocation record.' };
			const seen = new Set<string>();
			for (const r of records) {
				const problem = checkValue(r.value, `Record for ${describeGeo(r.location)}`);
				if (problem) return { ok: false, error: problem };
				if (!isHealth(r.health)) return { ok: false, error: `Record for ${describeGeo(r.location)}: unknown health status.` };
				if (seen.has(r.location)) return { ok: false, error: `Two records for ${describeGeo(r.location)}: a location can have only one record.` };
				seen.add(r.location);
			}
			const where = loc.country ? `${loc.countryName}, ${CONTINENTS[loc.continent!]}` : 'an unknown location';
			// Smallest region first: country, then continent, then the default record.
			const chain = [loc.country, loc.continent, '*']
				.filter((code): code is string => code !== null)
				.map((code) => records.find((r) => r.location === code))
				.filter((r): r is GeoRecord => r !== undefined);
			const why = [`The query comes from ${where}.`];
			if (chain.length === 0) {
				why.push('No record covers this location and there is no default record, so Route 53 answers NOERROR with no records (a "no answer" response).');
				return { ok: true, value: { values: [], recordId: null, why } };
			}
			why.push(`Matching records, most specific first: ${chain.map((r) => describeGeo(r.location)).join(', ')}.`);
			let winner = chain.find((r) => healthy(r.health));
			for (const [i, r] of chain.entries()) {
				if (r === winner) break;
				const next = chain[i + 1];
				why.push(
					next
						? `The ${describeGeo(r.location)} record fails its health check, so Route 53 moves on to the ${describeGeo(next.location)} record, the next one that covers this location.`
						: r.location === '*'
							? 'The Default record fails its health check. It is the last record that can answer this query: nothing comes after Default, and records for other locations never answer queries from here.'
							: `The ${describeGeo(r.location)} record fails its health check, and no other record (not even a Default record) covers this location.`,
				);
			}
			if (!winner) {
				if (records.some((r) => healthy(r.health))) {
					why.push('No record that covers this location is healthy, so Route 53 answers NOERROR with no records.');
					return { ok: true, value: { values: [], recordId: null, why } };
				}
				winner = chain[0]!;
				// The fallback lines above no longer apply once every record counts as healthy.
				why.length = 2;
				why.push('Every record fails its health check, so Route 53 treats them all as healthy.');
			}
			why.push(`Answer: the ${describeGeo(winner.location)} record.`);
			return { ok: true, value: { values: [winner.value.trim()], recordId: winner.location, why } };
		}
		default:
			return { ok: false, error: 'Choose a routing policy.' };
	}
}

export interface Distribution {
	total: number;
	/** Answers per record id; "none" counts empty answers. */
	counts: Record<string, number>;
}

/** Sends `n` queries (1 to 100,000) through `resolve` and counts which record answered each. */
export function sendQueries(policy: PolicyId, config: RoutingConfig, location: string, n: number, rng: () => number): Result<Distribution> {
	if (!Number.isInteger(n) || n < 1 || n > 100_000) return { ok: false, error: 'Send between 1 and 100,000 queries.' };
	const counts: Record<string, number> = {};
	for (let i = 0; i < n; i++) {
		const r = resolve(policy, config, location, rng);
		if (!r.ok) return r;
		const key = r.value.recordId ?? 'none';
		counts[key] = (counts[key] ?? 0) + 1;
	}
	return { ok: true, value: { total: n, counts } };
}
