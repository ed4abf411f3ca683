// Checks one inbound packet against a security group's inbound rules. Security groups only have allow rules:
// a packet that no rule allows is dropped. They are stateful: the reply to an allowed connection goes out
// without any outbound rule. A rule's source is a CIDR block or another security group; a group reference matches
// a packet whose source instance has that group. Addresses and CIDR blocks are parsed with ipaddr.js.
import ipaddr from 'ipaddr.js';

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** `all` is protocol -1 in the API ("All traffic" in the console). */
export type Protocol = 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'all';
export type PacketProtocol = Exclude<Protocol, 'all'>;

export const PROTOCOL_LABELS: Record<Protocol, string> = {
	tcp: 'TCP',
	udp: 'UDP',
	icmp: 'ICMP (IPv4)',
	icmpv6: 'ICMPv6',
	all: 'All traffic (-1)',
};

/** What the reader types into one row of the rules table: every field is raw text. */
export interface RuleInput {
	protocol: string;
	fromPort: string;
	toPort: string;
	source: string;
}

export interface PacketInput {
	source: string;
	protocol: string;
	port: string;
	/** The security groups of the instance that sent the packet, separated by commas or spaces; optional. */
	sourceGroups?: string;
}

type Address = ipaddr.IPv4 | ipaddr.IPv6;

export interface Rule {
	/** 1-based row number. */
	number: number;
	protocol: Protocol;
	/** Port range for TCP and UDP; undefined where ports do not apply. */
	ports?: [number, number];
	/** The source: a CIDR block, or the ID of a referenced security group. Exactly one is set. */
	cidr?: [Address, number];
	group?: string;
	sourceText: string;
	/** Short description such as "TCP 443 from 0.0.0.0/0". */
	text: string;
}

export interface Packet {
	protocol: PacketProtocol;
	port?: number;
	address: Address;
	addressText: string;
	/** Security group IDs of the sending instance, lower case. */
	groups: string[];
}

export interface Verdict {
	allowed: boolean;
	/** The first rule that allows the packet. */
	rule?: Rule;
	/** Other rules that would also allow it. */
	alsoMatching: number[];
	explanation: string;
	/** For an allowed packet: the reply the security group lets out because it is stateful. */
	response?: string;
	notes: string[];
}

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });
const MAX_FIELD = 200;
const PROTOCOLS: Protocol[] = ['tcp', 'udp', 'icmp', 'icmpv6', 'all'];
const GROUP_ID = /^sg-[0-9a-f]+$/;
const GROUP_EXAMPLE = 'sg-0123456789abcdef0';

export function parsePort(text: string, what: string): Result<number> {
	const value = String(text ?? '').trim();
	if (value === '') return fail(`${what} is empty: enter a port from 0 to 65535.`);
	if (!/^\d+$/.test(value)) return fail(`${what} "${value.slice(0, 20)}" is not a whole number: enter a port from 0 to 65535.`);
	const port = Number(value);
	if (port > 65535) return fail(`${what} ${value.slice(0, 20)} is out of range: ports go from 0 to 65535.`);
	return { ok: true, value: port };
}

function parseProtocol(text: string, where: string): Result<Protocol> {
	const value = String(text ?? '').trim().toLowerCase();
	const normalised = value === '-1' ? 'all' : value;
	if ((PROTOCOLS as string[]).includes(normalised)) return { ok: true, value: normalised as Protocol };
	return fail(`${where}: protocol "${value.slice(0, 20)}" is not one of TCP, UDP, ICMP, ICMPv6 or all traffic.`);
}

/** A single IPv4 (dotted decimal only) or IPv6 address; IPv4-mapped IPv6 addresses are reported by the caller. */
function parseAddress(text: string): Address | undefined {
	if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
	if (text.includes(':') && !text.includes('%') && ipaddr.IPv6.isValid(text)) return ipaddr.IPv6.parse(text);
	return undefined;
}

/** Parses a rule's source CIDR block such as 203.0.113.0/24 or 2001:db8::/32. */
export function parseCidr(text: string, where: string): Result<[Address, number]> {
	const value = String(text ?? '').trim();
	if (value === '') return fail(`${where}: the source is empty. Enter a CIDR block such as 0.0.0.0/0 or ::/0.`);
	if (value.length > MAX_FIELD) return fail(`${where}: the source is too long to be a CIDR block.`);
	const slash = value.indexOf('/');
	if (slash === -1) {
		// Only suggest a /32 or /128 for something that is an address, so that the suggestion is accepted.
		const single = parseAddress(value);
		if (!single) return fail(`${where}: "${value.slice(0, 40)}" is neither a CIDR block such as 203.0.113.0/24 nor a security group ID such as ${GROUP_EXAMPLE}.`);
		const example = `${single.toString()}/${single.kind() === 'ipv4' ? 32 : 128}`;
		return fail(`${where}: "${value}" has no prefix length. A single address is written with one, for example ${example}.`);
	}
	const addressText = value.slice(0, slash);
	const prefixText = value.slice(slash + 1);
	const address = parseAddress(addressText);
	if (!address) return fail(`${where}: "${addressText.slice(0, 40)}" is not a valid IPv4 or IPv6 address.`);
	const max = address.kind() === 'ipv4' ? 32 : 128;
	if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) {
		return fail(`${where}: the prefix length "/${prefixText}" must be a number from 0 to ${max} for an ${address.kind() === 'ipv4' ? 'IPv4' : 'IPv6'} block.`);
	}
	const bits = Number(prefixText);
	const network = address.kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(value) : ipaddr.IPv6.networkAddressFromCIDR(value);
	if (network.toString() !== address.toString()) {
		return fail(`${where}: ${value} has bits set after the prefix. Did you mean ${network.toString()}/${bits}?`);
	}
	return { ok: true, value: [address, bits] };
}

/** Parses a security group ID such as sg-0123456789abcdef0 (IDs are lower case; the reader's case is forgiven). */
function parseGroupId(text: string): string | undefined {
	const value = text.trim().toLowerCase();
	return GROUP_ID.test(value) ? value : undefined;
}

/** A rule's source: a security group ID when it starts with "sg-", otherwise a CIDR block. */
function parseSource(text: string, where: string): Result<{ cidr?: [Address, number]; group?: string; sourceText: string }> {
	const value = String(text ?? '').trim();
	if (!value.toLowerCase().startsWith('sg-')) {
		const cidr = parseCidr(value, where);
		if (!cidr.ok) return cidr;
		return { ok: true, value: { cidr: cidr.value, sourceText: `${cidr.value[0].toString()}/${cidr.value[1]}` } };
	}
	const slash = value.indexOf('/');
	if (slash !== -1) {
		const bare = parseGroupId(value.slice(0, slash));
		if (bare) return fail(`${where}: "${value.slice(0, 40)}" mixes a security group ID with a prefix length; a security group ID has no prefix length. Did you mean ${bare}?`);
	}
	const group = parseGroupId(value);
	if (!group) {
		return fail(
			`${where}: "${value.slice(0, 40)}" is not a security group ID: write sg- followed by hexadecimal digits, for example ${GROUP_EXAMPLE}.`,
		);
	}
	return { ok: true, value: { group, sourceText: group } };
}

/** The packet's optional list of security groups, separated by commas or spaces. */
function parseGroupList(text: string | undefined): Result<string[]> {
	const value = String(text ?? '').trim();
	if (value === '') return { ok: true, value: [] };
	if (value.length > MAX_FIELD) return fail('Test packet: the list of source security groups is too long.');
	const groups: string[] = [];
	for (const part of value.split(/[\s,]+/)) {
		if (part === '') continue;
		const group = parseGroupId(part);
		if (!group) {
			return fail(`Test packet: "${part.slice(0, 40)}" is not a security group ID. Use IDs such as ${GROUP_EXAMPLE}, or leave the field empty.`);
		}
		groups.push(group);
	}
	return { ok: true, value: groups };
}

function describeRule(protocol: Protocol, ports: [number, number] | undefined, cidrText: string): string {
	let what: string;
	if (protocol === 'all') what = 'All traffic';
	else if (protocol === 'icmp') what = 'All ICMP (IPv4)';
	else if (protocol === 'icmpv6') what = 'All ICMPv6';
	else {
		const [from, to] = ports ?? [0, 65535];
		what = `${PROTOCOL_LABELS[protocol]} ${from === to ? from : `${from}-${to}`}`;
	}
	return `${what} from ${cidrText}`;
}

export function parseRule(input: RuleInput, number: number): Result<Rule> {
	const where = `Rule ${number}`;
	const protocol = parseProtocol(input.protocol, where);
	if (!protocol.ok) return protocol;
	let ports: [number, number] | undefined;
	if (protocol.value === 'tcp' || protocol.value === 'udp') {
		const from = parsePort(input.fromPort, `${where}: the "from" port`);
		if (!from.ok) return from;
		const to = parsePort(input.toPort, `${where}: the "to" port`);
		if (!to.ok) return to;
		if (from.value > to.value) return fail(`${where}: the "from" port ${from.value} is greater than the "to" port ${to.value}.`);
		ports = [from.value, to.value];
	}
	const source = parseSource(input.source, where);
	if (!source.ok) return source;
	const { sourceText } = source.value;
	return { ok: true, value: { number, protocol: protocol.value, ports, ...source.value, text: describeRule(protocol.value, ports, sourceText) } };
}

export function parsePacket(input: PacketInput, notes: string[]): Result<Packet> {
	const protocol = parseProtocol(input.protocol, 'Test packet');
	if (!protocol.ok) return protocol;
	if (protocol.value === 'all') return fail('Test packet: choose one protocol (TCP, UDP, ICMP or ICMPv6); "all" only exists in rules.');
	const text = String(input.source ?? '').trim();
	if (text === '') return fail('Test packet: the source address is empty. Enter an IPv4 or IPv6 address such as 203.0.113.10.');
	if (text.length > MAX_FIELD) return fail('Test packet: the source address is too long.');
	if (text.includes('/')) {
		// Suggest the address before the slash only when it is one, so that following the hint works.
		const before = parseAddress(text.split('/')[0]!);
		const hint = before ? `, for example ${before.toString()}` : '';
		return fail(`Test packet: "${text.slice(0, 40)}" is a range. A packet comes from one address${hint}.`);
	}
	let address = parseAddress(text);
	if (!address) return fail(`Test packet: "${text}" is not a valid IPv4 or IPv6 address.`);
	if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) {
		address = (address as ipaddr.IPv6).toIPv4Address();
		notes.push(
			`${text} is an IPv4-mapped IPv6 address: on the network it is an IPv4 packet from ${address.toString()}, so it is checked against the IPv4 rules.`,
		);
	}
	const v4 = address.kind() === 'ipv4';
	if (protocol.value === 'icmp' && !v4) return fail('Test packet: IPv6 uses ICMPv6, not ICMP. Choose ICMPv6 for an IPv6 source.');
	if (protocol.value === 'icmpv6' && v4) return fail('Test packet: ICMPv6 is for IPv6. Choose ICMP for an IPv4 source.');
	let port: number | undefined;
	if (protocol.value === 'tcp' || protocol.value === 'udp') {
		const parsed = parsePort(input.port, 'Test packet: the destination port');
		if (!parsed.ok) return parsed;
		port = parsed.value;
	}
	const groups = parseGroupList(input.sourceGroups);
	if (!groups.ok) return groups;
	return { ok: true, value: { protocol: protocol.value, port, address, addressText: address.toString(), groups: groups.value } };
}

/** Whether the rule's protocol and ports cover the packet, whatever its source. */
function protocolAndPortMatch(rule: Rule, packet: Packet): boolean {
	if (rule.protocol !== 'all' && rule.protocol !== packet.protocol) return false;
	return !(rule.ports && packet.port !== undefined && (packet.port < rule.ports[0] || packet.port > rule.ports[1]));
}

export function ruleAllows(rule: Rule, packet: Packet): boolean {
	if (!protocolAndPortMatch(rule, packet)) return false;
	if (rule.group !== undefined) return packet.groups.includes(rule.group);
	const [network, bits] = rule.cidr!;
	// ipaddr.js refuses to compare IPv4 with IPv6; in AWS an IPv4 rule never matches an IPv6 packet either.
	if (network.kind() !== packet.address.kind()) return false;
	return packet.address.match(network, bits);
}

function describePacket(packet: Packet): string {
	const proto = PROTOCOL_LABELS[packet.protocol];
	return packet.port === undefined ? `${proto} from ${packet.addressText}` : `${proto} port ${packet.port} from ${packet.addressText}`;
}

/** Checks a packet against the inbound rules. Never throws: bad input comes back as `{ ok: false }`. */
export function checkPacket(ruleInputs: RuleInput[], packetInput: PacketInput): Result<Verdict> {
	if (!Array.isArray(ruleInputs)) return fail('The rules are missing.');
	const rules: Rule[] = [];
	const notes: string[] = [];
	for (let i = 0; i < ruleInputs.length; i++) {
		const rule = parseRule(ruleInputs[i] ?? ({} as RuleInput), i + 1);
		if (!rule.ok) return rule;
		const v4 = rule.value.cidr?.[0].kind() === 'ipv4';
		if (rule.value.cidr && ((rule.value.protocol === 'icmp' && !v4) || (rule.value.protocol === 'icmpv6' && v4))) {
			notes.push(`Rule ${i + 1} can never match: ${rule.value.protocol === 'icmp' ? 'ICMP is IPv4-only; use ICMPv6 for IPv6 sources' : 'ICMPv6 is IPv6-only; use ICMP for IPv4 sources'}.`);
		}
		rules.push(rule.value);
	}
	const packet = parsePacket(packetInput ?? ({} as PacketInput), notes);
	if (!packet.ok) return packet;

	const matching = rules.filter((r) => ruleAllows(r, packet.value));
	const what = describePacket(packet.value);
	if (matching.length > 0) {
		const [rule, ...others] = matching;
		const port = packet.value.port === undefined ? '' : ` (from port ${packet.value.port})`;
		return {
			ok: true,
			value: {
				allowed: true,
				rule,
				alsoMatching: others.map((r) => r.number),
				explanation: `Allowed by rule ${rule.number}: ${rule.text}${rule.group ? ` (the source instance is in ${rule.group})` : ''}.`,
				response: `Response traffic to ${packet.value.addressText}${port} is allowed automatically: security groups are stateful, so replies to an allowed inbound connection go out whatever the outbound rules say.`,
				notes,
			},
		};
	}
	// Readers often take 0.0.0.0/0 (or ::/0) for "anywhere"; say why it missed, but only when it is the rule that
	// would otherwise have let this packet in.
	const family = packet.value.address.kind();
	for (const r of rules) {
		if (!r.cidr || r.cidr[1] !== 0 || r.cidr[0].kind() === family || !protocolAndPortMatch(r, packet.value)) continue;
		notes.push(
			family === 'ipv4'
				? `Rule ${r.number} allows ${r.text}, which covers every IPv6 address but no IPv4 address: an IPv4 address is only checked against IPv4 rules. For IPv4 clients, add a rule for 0.0.0.0/0.`
				: `Rule ${r.number} allows ${r.text}, which covers every IPv4 address but no IPv6 address: an IPv6 address is only checked against IPv6 rules. For IPv6 clients, add a rule for ::/0.`,
		);
	}
	const none = rules.length === 0 ? 'The group has no inbound rules, so nothing is allowed in.' : `No inbound rule allows ${what}.`;
	return {
		ok: true,
		value: {
			allowed: false,
			alsoMatching: [],
			explanation: `${none} Security groups have no deny rules: anything that no rule allows is dropped.`,
			notes,
		},
	};
}
