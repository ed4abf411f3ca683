/**
 * A pure model of a recursive DNS lookup over a small fake set of zones, for the DNS resolution stepper.
 * Every address is from the documentation ranges (192.0.2.0/24, 198.51.100.0/24, 2001:db8::/32).
 */

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** What the client asks for. CNAME and alias are not query types: they are what the zone holds. */
export type QueryType = 'A' | 'AAAA';
export type RecordType = 'A' | 'AAAA' | 'CNAME';

export interface ZoneRecord {
	type: RecordType;
	ttl: number;
	values: string[];
	/** A Route 53 alias: the name server answers with the target's current addresses and the target's TTL. */
	alias?: { target: string; resource: string };
}

export interface HostedZone {
	name: string;
	provider: string;
	nameServers: string[];
	/** TTL of the NS records the TLD hands out for this zone (the delegation). */
	nsTtl: number;
	/** How long resolvers may cache "no such name" / "no such record" (from the zone's SOA record). */
	negativeTtl: number;
	records: Record<string, ZoneRecord[]>;
}

export interface ZoneData {
	rootServers: string[];
	tlds: Record<string, { servers: string[]; nsTtl: number }>;
	zones: HostedZone[];
}

export interface AnswerRecord {
	name: string;
	type: RecordType;
	ttl: number;
	value: string;
}

export type Rcode = 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL';

interface CachedAnswer {
	expiresAt: number;
	rcode: Rcode;
	records: AnswerRecord[];
}

interface CachedReferral {
	expiresAt: number;
	servers: string[];
}

/** Caches are plain data so the component can keep them in state and tests can build them by hand. */
export interface CacheState {
	/** Each device's own stub-resolver (browser/OS) cache, by device id. */
	stub: Record<string, Record<string, CachedAnswer>>;
	recursive: {
		answers: Record<string, CachedAnswer>;
		/** Name servers learnt from referrals, by zone name ("com", "example.com"). */
		referrals: Record<string, CachedReferral>;
	};
}

export type Actor = 'stub' | 'recursive' | 'root' | 'tld' | 'authoritative' | 'client';
export type Outcome = 'miss' | 'hit' | 'referral' | 'answer' | 'cname' | 'nxdomain' | 'nodata' | 'stored' | 'error';

export interface Step {
	actor: Actor;
	/** Who acts, for the reader ("a.root-servers.net", "Recursive resolver"). */
	who: string;
	outcome: Outcome;
	text: string;
	records?: AnswerRecord[];
}

export interface Lookup {
	name: string;
	type: QueryType;
	steps: Step[];
	rcode: Rcode;
	answer: AnswerRecord[];
	/** Cache after the lookup: the caller keeps it for the next lookup. */
	cache: CacheState;
	/** How many queries left the recursive resolver (0 when its cache answered). */
	upstreamQueries: number;
	/** The NXDOMAIN only means the demo's small made-up DNS has no such name, not that the real one lacks it. */
	outsideDemo: boolean;
}

// Short labels: the select must fit a phone screen. The chapter's demo note says both share one recursive resolver.
export const DEVICES = { laptop: 'Your laptop', phone: 'Your phone' } as const;
export type DeviceId = keyof typeof DEVICES;

/** The four choices offered to the reader: what the query asks and which name shows the behaviour. */
export const SCENARIOS = {
	A: { label: 'A (IPv4 address)', type: 'A', name: 'www.example.com' },
	AAAA: { label: 'AAAA (IPv6 address)', type: 'AAAA', name: 'www.example.com' },
	CNAME: { label: 'CNAME chain (asks for A, gets a CNAME)', type: 'A', name: 'shop.example.com' },
	ALIAS: { label: 'Route 53 alias at the zone apex (asks for A)', type: 'A', name: 'example.com' },
} as const satisfies Record<string, { label: string; type: QueryType; name: string }>;
export type ScenarioId = keyof typeof SCENARIOS;

const ROUTE53_NS = ['ns-381.awsdns-47.com', 'ns-720.awsdns-25.net', 'ns-1432.awsdns-51.org', 'ns-1710.awsdns-21.co.uk'];

export const DEMO_ZONES: ZoneData = {
	rootServers: ['a.root-servers.net', 'b.root-servers.net', 'm.root-servers.net'],
	tlds: {
		com: { servers: ['a.gtld-servers.net', 'b.gtld-servers.net'], nsTtl: 172800 },
		net: { servers: ['a.gtld-servers.net', 'c.gtld-servers.net'], nsTtl: 172800 },
		org: { servers: ['a0.org.afilias-nst.info', 'b0.org.afilias-nst.org'], nsTtl: 86400 },
	},
	zones: [
		{
			name: 'example.com',
			provider: 'Amazon Route 53',
			nameServers: ROUTE53_NS,
			nsTtl: 172800,
			negativeTtl: 900,
			records: {
				'example.com': [
					{
						type: 'A',
						ttl: 60,
						values: ['198.51.100.10', '198.51.100.11'],
						alias: { target: 'my-alb-1234567890.us-east-1.elb.amazonaws.com', resource: 'Application Load Balancer' },
					},
					{
						type: 'AAAA',
						ttl: 60,
						values: ['2001:db8:a1b::10', '2001:db8:a1b::11'],
						alias: { target: 'dualstack.my-alb-1234567890.us-east-1.elb.amazonaws.com', resource: 'Application Load Balancer' },
					},
				],
				'www.example.com': [
					{ type: 'A', ttl: 300, values: ['192.0.2.10'] },
					{ type: 'AAAA', ttl: 300, values: ['2001:db8::10'] },
				],
				'api.example.com': [{ type: 'A', ttl: 60, values: ['192.0.2.20'] }],
				'cdn.example.com': [
					{
						type: 'A',
						ttl: 60,
						values: ['198.51.100.20', '198.51.100.21', '198.51.100.22', '198.51.100.23'],
						alias: { target: 'd111111abcdef8.cloudfront.net', resource: 'CloudFront distribution' },
					},
				],
				'shop.example.com': [{ type: 'CNAME', ttl: 300, values: ['shops.example.net'] }],
			},
		},
		{
			name: 'example.net',
			provider: 'another DNS provider',
			nameServers: ['ns1.example.org', 'ns2.example.org'],
			nsTtl: 172800,
			negativeTtl: 600,
			records: {
				'shops.example.net': [
					{ type: 'A', ttl: 120, values: ['192.0.2.50'] },
					{ type: 'AAAA', ttl: 120, values: ['2001:db8::50'] },
				],
			},
		},
	],
};

export function emptyCache(): CacheState {
	return { stub: {}, recursive: { answers: {}, referrals: {} } };
}

const MAX_INPUT = 20_000;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** Checks a host name the way the DNS wants it (RFC 1035 letters-digits-hyphen rule) and lower-cases it. */
export function normalizeName(input: string): Result<string> {
	if (typeof input !== 'string') return { ok: false, error: 'Enter a domain name.' };
	if (input.length > MAX_INPUT) return { ok: false, error: 'That is far too long for a domain name (253 characters at most).' };
	let name = input.trim().toLowerCase();
	if (name.endsWith('.')) name = name.slice(0, -1);
	if (name === '') return { ok: false, error: 'Enter a domain name, for example www.example.com.' };
	if (name.length > 253) return { ok: false, error: `A domain name has at most 253 characters; this one has ${name.length}.` };
	if (/\s/.test(name)) return { ok: false, error: 'A domain name cannot contain spaces.' };
	// Non-ASCII names travel in DNS as punycode (xn--...), so ask for that form.
	if (/[^\x00-\x7f]/.test(name)) return { ok: false, error: 'Use only ASCII letters, digits and hyphens (write international names in their xn-- form).' };
	const labels = name.split('.');
	if (labels.length < 2) return { ok: false, error: 'Enter a name with at least two labels, such as example.com.' };
	for (const label of labels) {
		if (label === '') return { ok: false, error: 'A domain name cannot contain an empty label (two dots in a row, or a leading dot).' };
		if (label.length > 63) return { ok: false, error: `Each label has at most 63 characters; "${label.slice(0, 20)}…" has ${label.length}.` };
		if (label.startsWith('-') || label.endsWith('-')) return { ok: false, error: `The label "${label}" starts or ends with a hyphen, which is not allowed.` };
		if (!LABEL.test(label)) return { ok: false, error: `The label "${label}" may contain only letters, digits and hyphens.` };
	}
	return { ok: true, value: name };
}

/** Parses the "advance clock" field: whole seconds from 1 to 10,000,000. */
export function parseSeconds(input: string): Result<number> {
	const text = String(input ?? '').trim();
	if (text === '') return { ok: false, error: 'Enter a number of seconds.' };
	if (!/^\d+$/.test(text)) return { ok: false, error: 'Enter whole seconds, for example 301.' };
	const n = Number(text);
	if (n < 1 || n > 10_000_000) return { ok: false, error: 'Enter between 1 and 10,000,000 seconds.' };
	return { ok: true, value: n };
}

function cloneCache(c: CacheState): CacheState {
	const stub: CacheState['stub'] = {};
	for (const [device, entries] of Object.entries(c.stub)) stub[device] = { ...entries };
	return { stub, recursive: { answers: { ...c.recursive.answers }, referrals: { ...c.recursive.referrals } } };
}

function findZone(data: ZoneData, name: string): HostedZone | undefined {
	let best: HostedZone | undefined;
	for (const zone of data.zones) {
		if ((name === zone.name || name.endsWith('.' + zone.name)) && (!best || zone.name.length > best.name.length)) best = zone;
	}
	return best;
}

const remaining = (records: AnswerRecord[], expiresAt: number, now: number) =>
	records.map((r) => ({ ...r, ttl: Math.max(0, Math.min(r.ttl, expiresAt - now)) }));

const list = (records: AnswerRecord[]) => records.map((r) => `${r.name} ${r.type} ${r.value}`).join(', ');

const MAX_CNAME_HOPS = 8;

/**
 * Walks one lookup of `name`/`type` from `device` at clock `now` (seconds), returning the steps to show and the caches
 * afterwards. Referrals are cached too, so once the TLD and zone name servers are known the resolver skips the root.
 */
export function startLookup(
	data: ZoneData,
	cacheState: CacheState,
	rawName: string,
	type: QueryType,
	now: number,
	device: string = 'laptop',
): Result<Lookup> {
	const named = normalizeName(rawName);
	if (!named.ok) return named;
	if (type !== 'A' && type !== 'AAAA') return { ok: false, error: 'Choose A or AAAA as the query type.' };
	if (!Number.isFinite(now) || now < 0) return { ok: false, error: 'The clock must be a number of seconds, 0 or more.' };
	const name = named.value;
	const cache = cloneCache(cacheState);
	const steps: Step[] = [];
	const key = `${name}|${type}`;
	const deviceLabel = DEVICES[device as DeviceId] ?? device;

	const stubCache = (cache.stub[device] ??= {});
	const own = stubCache[key];
	if (own && own.expiresAt > now) {
		const records = remaining(own.records, own.expiresAt, now);
		steps.push({
			actor: 'stub',
			who: deviceLabel,
			outcome: 'hit',
			text:
				own.rcode === 'NOERROR' && records.length > 0
					? `Found ${name} ${type} in this device's own cache (${own.expiresAt - now} s left). No query leaves the device.`
					: `Remembers that ${name} ${type} had no answer (${own.rcode}) for ${own.expiresAt - now} more seconds. No query leaves the device.`,
			records,
		});
		return { ok: true, value: { name, type, steps, rcode: own.rcode, answer: records, cache, upstreamQueries: 0, outsideDemo: own.rcode === 'NXDOMAIN' && !findZone(data, lastName(own.records, name)) } };
	}
	steps.push({
		actor: 'stub',
		who: deviceLabel,
		outcome: 'miss',
		text: `${name} ${type} is not in this device's cache${own ? ' (the entry has expired)' : ''}, so it sends the query to the recursive resolver.`,
	});

	const answer: AnswerRecord[] = [];
	let rcode: Rcode = 'NOERROR';
	let upstream = 0;
	let current = name;
	let negTtl = 0;
	const seen = new Set<string>();

	for (let hop = 0; ; hop++) {
		if (hop >= MAX_CNAME_HOPS || seen.has(current)) {
			rcode = 'SERVFAIL';
			steps.push({ actor: 'recursive', who: 'Recursive resolver', outcome: 'error', text: `The CNAME chain loops or is too long at ${current}; the resolver gives up with SERVFAIL.` });
			break;
		}
		seen.add(current);
		const r = resolveOne(data, cache, current, type, now, steps);
		upstream += r.upstream;
		answer.push(...r.records);
		rcode = r.rcode;
		negTtl = r.negTtl ?? 0;
		if (r.next === undefined) break;
		current = r.next;
	}

	const hasAddress = answer.some((r) => r.type === type);
	const final = hasAddress ? Math.min(...answer.map((r) => r.ttl)) : negTtl;
	const outsideDemo = rcode === 'NXDOMAIN' && !findZone(data, current);
	const sentence =
		rcode === 'NOERROR' && hasAddress
			? `Receives ${list(answer)}. The application can connect now; the device caches the answer for ${final} s.`
			: rcode === 'NOERROR'
				? `Receives NOERROR with no ${type} record: the name exists but has no address of that type.`
				: outsideDemo
					? `Receives this demo's NXDOMAIN: ${current} is not in its made-up zones. A real resolver would go on to the real name servers.`
					: rcode === 'NXDOMAIN'
						? `Receives NXDOMAIN: the zone has no such name, so the browser shows a "site can't be reached" error.`
						: 'Receives SERVFAIL: the lookup failed.';
	steps.push({
		actor: 'client',
		who: deviceLabel,
		outcome: rcode === 'NOERROR' && hasAddress ? 'answer' : rcode === 'NOERROR' ? 'nodata' : rcode === 'NXDOMAIN' ? 'nxdomain' : 'error',
		text: sentence,
		records: answer,
	});
	if (rcode !== 'SERVFAIL') stubCache[key] = { expiresAt: now + final, rcode, records: answer };
	return { ok: true, value: { name, type, steps, rcode, answer, cache, upstreamQueries: upstream, outsideDemo } };
}

/** The name a cached chain ended on: the last CNAME target, or the name asked. */
function lastName(records: AnswerRecord[], name: string): string {
	const cname = records.filter((r) => r.type === 'CNAME').at(-1);
	return cname ? cname.value : name;
}

interface OneResult {
	rcode: Rcode;
	records: AnswerRecord[];
	/** Set when the answer was a CNAME: the name the resolver must look up next. */
	next?: string;
	upstream: number;
	/** For an empty answer: how long it may be cached. */
	negTtl?: number;
}

/** Resolves one name (one link of a CNAME chain) at the recursive resolver, adding its steps. */
function resolveOne(data: ZoneData, cache: CacheState, name: string, type: QueryType, now: number, steps: Step[]): OneResult {
	const rc = cache.recursive;
	const who = 'Recursive resolver';
	const negative = rc.answers[`${name}|NX`];
	if (negative && negative.expiresAt > now) {
		steps.push({ actor: 'recursive', who, outcome: 'hit', text: `Has a cached NXDOMAIN for ${name} (${negative.expiresAt - now} s left): answers at once without asking any name server.` });
		return { rcode: 'NXDOMAIN', records: [], upstream: 0, negTtl: negative.expiresAt - now };
	}
	for (const k of [`${name}|${type}`, `${name}|CNAME`]) {
		const hit = rc.answers[k];
		if (hit && hit.expiresAt > now) {
			const records = remaining(hit.records, hit.expiresAt, now);
			const isCname = records[0]?.type === 'CNAME';
			steps.push({
				actor: 'recursive',
				who,
				outcome: 'hit',
				text:
					records.length === 0
						? `Has a cached "no ${type} record" answer for ${name} (${hit.expiresAt - now} s left). Root, TLD and authoritative servers are not contacted.`
						: `Cache hit: ${list(records)} with ${hit.expiresAt - now} s of TTL left. Root, TLD and authoritative servers are not contacted.${isCname ? ' It still needs the CNAME target.' : ''}`,
				records,
			});
			return { rcode: 'NOERROR', records, next: isCname ? records[0]!.value : undefined, upstream: 0, negTtl: hit.expiresAt - now };
		}
	}
	const expired = rc.answers[`${name}|${type}`] ?? rc.answers[`${name}|CNAME`];
	const labels = name.split('.');
	const tld = labels[labels.length - 1]!;
	const zone = findZone(data, name);
	const zoneRef = zone ? rc.referrals[zone.name] : undefined;
	const tldRef = rc.referrals[tld];
	let upstream = 0;

	if (zone && zoneRef && zoneRef.expiresAt > now) {
		steps.push({
			actor: 'recursive',
			who,
			outcome: 'miss',
			text: `No valid cached ${type} record for ${name}${expired ? ' (it expired)' : ''}, but the name servers of ${zone.name} are still cached from an earlier referral (${zoneRef.expiresAt - now} s left), so it skips the root and .${tld} servers.`,
		});
	} else {
		const tldData = data.tlds[tld];
		if (tldRef && tldRef.expiresAt > now && tldData) {
			steps.push({
				actor: 'recursive',
				who,
				outcome: 'miss',
				text: `No valid cached ${type} record for ${name}${expired ? ' (it expired)' : ''}. It still knows the .${tld} name servers (${tldRef.expiresAt - now} s left), so it skips the root.`,
			});
		} else {
			steps.push({
				actor: 'recursive',
				who,
				outcome: 'miss',
				text: `No valid cached ${type} record for ${name}${expired ? ' (it expired)' : ''}. It starts at the top: a root server, whose addresses it ships with (root hints).`,
			});
			upstream++;
			const root = data.rootServers[0] ?? 'a root server';
			if (!tldData) {
				steps.push({
					actor: 'root',
					who: root,
					outcome: 'nxdomain',
					text: `Answers NXDOMAIN in this demo: its small root zone lists only ${Object.keys(data.tlds).map((t) => `.${t}`).join(', ')}, so .${tld} is not part of this demo.`,
				});
				storeNegative(cache, name, now, 86400, steps, 'NXDOMAIN');
				return { rcode: 'NXDOMAIN', records: [], upstream, negTtl: 86400 };
			}
			steps.push({
				actor: 'root',
				who: root,
				outcome: 'referral',
				text: `Does not know ${name}, but refers the resolver to the .${tld} name servers: ${tldData.servers.join(', ')} (NS TTL ${tldData.nsTtl} s).`,
			});
			rc.referrals[tld] = { expiresAt: now + tldData.nsTtl, servers: tldData.servers };
		}
		upstream++;
		const tldServer = tldData.servers[0]!;
		if (!zone) {
			steps.push({
				actor: 'tld',
				who: tldServer,
				outcome: 'nxdomain',
				text: `Answers NXDOMAIN in this demo: its made-up .${tld} zone delegates only ${data.zones.map((z) => z.name).join(' and ')}, so ${name} is outside this demo's small world (which says nothing about the real ${name}).`,
			});
			storeNegative(cache, name, now, 900, steps, 'NXDOMAIN');
			return { rcode: 'NXDOMAIN', records: [], upstream, negTtl: 900 };
		}
		steps.push({
			actor: 'tld',
			who: tldServer,
			outcome: 'referral',
			text: `Refers the resolver to the authoritative name servers of ${zone.name} (${zone.provider}): ${zone.nameServers.join(', ')} (NS TTL ${zone.nsTtl} s).`,
		});
		rc.referrals[zone.name] = { expiresAt: now + zone.nsTtl, servers: zone.nameServers };
	}

	upstream++;
	const auth = zone.nameServers[0]!;
	const records = zone.records[name] ?? [];
	// A name exists if it holds records, is the zone apex (which always has SOA and NS records) or has names below it.
	const exists = records.length > 0 || name === zone.name || Object.keys(zone.records).some((n) => n.endsWith('.' + name));
	if (!exists) {
		steps.push({ actor: 'authoritative', who: auth, outcome: 'nxdomain', text: `Answers NXDOMAIN: ${zone.name} has no record named ${name}. Resolvers may cache this for ${zone.negativeTtl} s (the zone's SOA setting).` });
		storeNegative(cache, name, now, zone.negativeTtl, steps, 'NXDOMAIN');
		return { rcode: 'NXDOMAIN', records: [], upstream, negTtl: zone.negativeTtl };
	}
	const cname = records.find((r) => r.type === 'CNAME');
	if (cname) {
		const target = cname.values[0]!;
		const rec: AnswerRecord[] = [{ name, type: 'CNAME', ttl: cname.ttl, value: target }];
		steps.push({
			actor: 'authoritative',
			who: auth,
			outcome: 'cname',
			text: `Answers with a CNAME: ${name} is an alias name for ${target} (TTL ${cname.ttl} s). That is not an address, so the resolver must now look up ${target} ${type} as well.`,
			records: rec,
		});
		store(cache, `${name}|CNAME`, rec, now, steps);
		return { rcode: 'NOERROR', records: rec, next: target, upstream };
	}
	const match = records.find((r) => r.type === type);
	if (!match) {
		const why =
			name === zone.name
				? `${name} is the zone apex, which always holds the zone's SOA and NS records`
				: records.length > 0
					? `${name} exists (it has ${[...new Set(records.map((r) => r.type))].join(' and ')} records)`
					: `${name} exists because names below it do`;
		steps.push({ actor: 'authoritative', who: auth, outcome: 'nodata', text: `Answers NOERROR with no records (NODATA): ${why}, but it has no ${type} record.` });
		cache.recursive.answers[`${name}|${type}`] = { expiresAt: now + zone.negativeTtl, rcode: 'NOERROR', records: [] };
		steps.push({ actor: 'recursive', who: 'Recursive resolver', outcome: 'stored', text: `Caches the empty answer for ${zone.negativeTtl} s (negative caching).` });
		return { rcode: 'NOERROR', records: [], upstream, negTtl: zone.negativeTtl };
	}
	const rec: AnswerRecord[] = match.values.map((value) => ({ name, type, ttl: match.ttl, value }));
	const apex = name === zone.name;
	steps.push({
		actor: 'authoritative',
		who: auth,
		outcome: 'answer',
		text: match.alias
			? `Route 53 alias record: answers ${name} ${type} directly with the current addresses of the ${match.alias.resource} ${match.alias.target}, using the target's TTL (${match.ttl} s). The resolver sees plain ${type} records, so no extra lookup is needed${apex ? ', and unlike a CNAME it works at the zone apex' : ''}.`
			: `Authoritative answer: ${list(rec)}, TTL ${match.ttl} s.`,
		records: rec,
	});
	store(cache, `${name}|${type}`, rec, now, steps);
	return { rcode: 'NOERROR', records: rec, upstream };
}

function store(cache: CacheState, key: string, records: AnswerRecord[], now: number, steps: Step[]) {
	const ttl = Math.min(...records.map((r) => r.ttl));
	cache.recursive.answers[key] = { expiresAt: now + ttl, rcode: 'NOERROR', records };
	steps.push({
		actor: 'recursive',
		who: 'Recursive resolver',
		outcome: 'stored',
		text: `Caches ${list(records)} for ${ttl} s (until the clock reads ${now + ttl} s), so the next asker gets it without a walk.`,
	});
}

function storeNegative(cache: CacheState, name: string, now: number, ttl: number, steps: Step[], rcode: Rcode) {
	cache.recursive.answers[`${name}|NX`] = { expiresAt: now + ttl, rcode, records: [] };
	steps.push({ actor: 'recursive', who: 'Recursive resolver', outcome: 'stored', text: `Caches the NXDOMAIN for ${ttl} s (negative caching).` });
}

/** The recursive resolver's cache as rows for display, with TTL left at `now`; expired entries are left out. */
export function cacheRows(cache: CacheState, now: number): { entry: string; left: number }[] {
	const rows: { entry: string; left: number }[] = [];
	for (const [zone, ref] of Object.entries(cache.recursive.referrals)) {
		if (ref.expiresAt > now) rows.push({ entry: `${zone === '' ? '.' : zone} NS (referral)`, left: ref.expiresAt - now });
	}
	for (const [key, hit] of Object.entries(cache.recursive.answers)) {
		if (hit.expiresAt <= now) continue;
		const [name, kind] = key.split('|');
		const what = kind === 'NX' ? 'NXDOMAIN' : hit.records.length === 0 ? `${kind} (no record)` : `${kind} ${hit.records.map((r) => r.value).join(', ')}`;
		rows.push({ entry: `${name} ${what}`, left: hit.expiresAt - now });
	}
	return rows.sort((a, b) => a.entry.localeCompare(b.entry));
}
