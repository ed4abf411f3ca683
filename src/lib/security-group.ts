// Checks one inbound packet against a security group's inbound rules. Security groups only have allow rules:
// a packet that no rule allows is dropped. They are stateful: the reply to an allowed connection goes out
// without any outbound rule. Addresses and CIDR blocks are parsed with ipaddr.js.
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
}

type Address = ipaddr.IPv4 | ipaddr.IPv6;

export interface Rule {
	/** 1-based row number. */
	number: number;
	protocol: Protocol;
	/** Port range for TCP and UDP; undefined where ports do not apply. */
	ports?: [number, number];
	cidr: [Address, number];
	cidrText: string;
	/** Short description such as "TCP 443 from 0.0.0.0/0". */
	text: string;
}

export interface Packet {
	protocol: PacketProtocol;
	port?: number;
	address: Address;
	addressText: string;
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
		const example = value.includes(':') ? `${value}/128` : `${value}/32`;
		return fail(`${where}: "${value}" has no prefix length. A single address is written with one, for example ${example}.`);
	}
	const addressText = value.slice(0, slash);
	const prefixText = value.slice(slash + 1);
	const address = parseAddress(addressText);
	if (!address) return fail(`${where}: "${addressText}" is not a valid IPv4 or IPv6 address.`);
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
	const cidr = parseCidr(input.source, where);
	if (!cidr.ok) return cidr;
	const cidrText = `${cidr.value[0].toString()}/${cidr.value[1]}`;
	return { ok: true, value: { number, protocol: protocol.value, ports, cidr: cidr.value, cidrText, text: describeRule(protocol.value, ports, cidrText) } };
}

export function parsePacket(input: PacketInput, notes: string[]): Result<Packet> {
	const protocol = parseProtocol(input.protocol, 'Test packet');
	if (!protocol.ok) return protocol;
	if (protocol.value === 'all') return fail('Test packet: choose one protocol (TCP, UDP, ICMP or ICMPv6); "all" only exists in rules.');
	const text = String(input.source ?? '').trim();
	if (text === '') return fail('Test packet: the source address is empty. Enter an IPv4 or IPv6 address such as 203.0.113.10.');
	if (text.length > MAX_FIELD) return fail('Test packet: the source address is too long.');
	if (text.includes('/')) return fail(`Test packet: "${text}" is a range. A packet comes from one address, for example ${text.split('/')[0]}.`);
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
	return { ok: true, value: { protocol: protocol.value, port, address, addressText: address.toString() } };
}

export function ruleAllows(rule: Rule, packet: Packet): boolean {
	const [network, bits] = rule.cidr;
	// ipaddr.js refuses to compare IPv4 with IPv6; in AWS an IPv4 rule never matches an IPv6 packet either.
	if (network.kind() !== packet.address.kind()) return false;
	if (rule.protocol !== 'all' && rule.protocol !== packet.protocol) return false;
	if (rule.ports && packet.port !== undefined && (packet.port < rule.ports[0] || packet.port > rule.ports[1])) return false;
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
		const v4 = rule.value.cidr[0].kind() === 'ipv4';
		if ((rule.value.protocol === 'icmp' && !v4) || (rule.value.protocol === 'icmpv6' && v4)) {
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
				explanation: `Allowed by rule ${rule.number}: ${rule.text}.`,
				response: `Response traffic to ${packet.value.addressText}${port} is allowed automatically: security groups are stateful, so replies to an allowed inbound connection go out whatever the outbound rules say.`,
				notes,
			},
		};
	}
	const otherFamily = rules.some((r) => r.cidr[0].kind() !== packet.value.address.kind() && (r.protocol === 'all' || r.protocol === packet.value.protocol));
	if (otherFamily) {
		notes.push(
			packet.value.address.kind() === 'ipv4'
				? 'An IPv4 address is only checked against IPv4 rules; a rule for ::/0 does not cover it.'
				: 'An IPv6 address is only checked against IPv6 rules; a rule for 0.0.0.0/0 does not cover it.',
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
