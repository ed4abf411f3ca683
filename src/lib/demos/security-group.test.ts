import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPacket, parseCidr, parsePort } from './security-group.ts';
import type { PacketInput, RuleInput, Verdict } from './security-group.ts';

const rule = (protocol: string, fromPort: string, toPort: string, source: string): RuleInput => ({ protocol, fromPort, toPort, source });
const packet = (source: string, protocol: string, port = ''): PacketInput => ({ source, protocol, port });

const WEB_RULES: RuleInput[] = [
	rule('tcp', '443', '443', '0.0.0.0/0'),
	rule('tcp', '443', '443', '::/0'),
	rule('tcp', '22', '22', '203.0.113.0/24'),
	rule('udp', '1024', '65535', '198.51.100.7/32'),
];

function verdict(rules: RuleInput[], p: PacketInput): Verdict {
	const result = checkPacket(rules, p);
	assert.equal(result.ok, true, result.ok ? '' : result.error);
	return (result as { ok: true; value: Verdict }).value;
}

function error(rules: RuleInput[], p: PacketInput): string {
	const result = checkPacket(rules, p);
	assert.equal(result.ok, false, 'expected an error');
	return (result as { ok: false; error: string }).error;
}

test('HTTPS from anywhere on IPv4 is allowed by the 0.0.0.0/0 rule, and the reply is allowed because SGs are stateful', () => {
	const v = verdict(WEB_RULES, packet('192.0.2.44', 'tcp', '443'));
	assert.equal(v.allowed, true);
	assert.equal(v.rule?.number, 1);
	assert.match(v.explanation, /rule 1: TCP 443 from 0\.0\.0\.0\/0/);
	assert.match(v.response ?? '', /^Response traffic to 192\.0\.2\.44 \(from port 443\) is allowed automatically/);
});

test('HTTPS from an IPv6 address is allowed by the ::/0 rule, not the IPv4 one', () => {
	const v = verdict(WEB_RULES, packet('2001:db8::10', 'tcp', '443'));
	assert.equal(v.rule?.number, 2);
});

test('an IPv4 address never matches an IPv6 rule, and vice versa', () => {
	const v4 = verdict([rule('tcp', '443', '443', '::/0')], packet('192.0.2.1', 'tcp', '443'));
	assert.equal(v4.allowed, false);
	assert.match(v4.notes.join(' '), /IPv4 address is only checked against IPv4 rules/);
	const v6 = verdict([rule('all', '', '', '0.0.0.0/0')], packet('2001:db8::1', 'tcp', '22'));
	assert.equal(v6.allowed, false);
	assert.match(v6.notes.join(' '), /IPv6 address is only checked against IPv6 rules/);
});

test('SSH is allowed only from inside the /24', () => {
	assert.equal(verdict(WEB_RULES, packet('203.0.113.200', 'tcp', '22')).rule?.number, 3);
	const outside = verdict(WEB_RULES, packet('203.0.114.1', 'tcp', '22'));
	assert.equal(outside.allowed, false);
	assert.match(outside.explanation, /no deny rules: anything that no rule allows is dropped/);
	assert.equal(outside.response, undefined);
});

test('port ranges include both ends', () => {
	assert.equal(verdict(WEB_RULES, packet('198.51.100.7', 'udp', '1024')).allowed, true);
	assert.equal(verdict(WEB_RULES, packet('198.51.100.7', 'udp', '65535')).allowed, true);
	assert.equal(verdict(WEB_RULES, packet('198.51.100.7', 'udp', '1023')).allowed, false);
	assert.equal(verdict(WEB_RULES, packet('198.51.100.7', 'tcp', '2000')).allowed, false);
});

test('"All traffic" (-1) covers every protocol and port, and its port fields are ignored', () => {
	const rules = [rule('-1', 'n/a', '', '10.0.0.0/16')];
	assert.equal(verdict(rules, packet('10.0.3.4', 'udp', '53')).allowed, true);
	assert.equal(verdict(rules, packet('10.0.3.4', 'icmp')).allowed, true);
	assert.match(verdict(rules, packet('10.0.3.4', 'tcp', '0')).explanation, /All traffic from 10\.0\.0\.0\/16/);
});

test('ICMP needs no port, and ICMPv6 is separate from ICMP', () => {
	const rules = [rule('icmp', '', '', '0.0.0.0/0'), rule('icmpv6', '', '', '::/0')];
	const v4 = verdict(rules, packet('192.0.2.9', 'icmp', 'ignored'));
	assert.equal(v4.rule?.number, 1);
	assert.match(v4.response ?? '', /^Response traffic to 192\.0\.2\.9 is allowed/);
	assert.equal(verdict(rules, packet('2001:db8::9', 'icmpv6')).rule?.number, 2);
	assert.equal(verdict([rule('icmp', '', '', '0.0.0.0/0')], packet('192.0.2.9', 'tcp', '80')).allowed, false);
});

test('an ICMP rule with an IPv6 source is flagged as never matching', () => {
	const v = verdict([rule('icmp', '', '', '::/0')], packet('192.0.2.1', 'tcp', '80'));
	assert.match(v.notes[0], /Rule 1 can never match/);
});

test('an IPv4-mapped IPv6 address is checked as the IPv4 address it carries', () => {
	const v = verdict(WEB_RULES, packet('::ffff:203.0.113.5', 'tcp', '22'));
	assert.equal(v.rule?.number, 3);
	assert.match(v.notes[0], /IPv4-mapped IPv6 address/);
	assert.match(v.response ?? '', /to 203\.0\.113\.5/);
});

test('/0 blocks match everything of their family; /32 and /128 match one address', () => {
	assert.equal(verdict([rule('tcp', '0', '65535', '0.0.0.0/0')], packet('255.255.255.255', 'tcp', '0')).allowed, true);
	assert.equal(verdict([rule('tcp', '80', '80', '2001:db8::1/128')], packet('2001:db8::1', 'tcp', '80')).allowed, true);
	assert.equal(verdict([rule('tcp', '80', '80', '2001:db8::1/128')], packet('2001:db8::2', 'tcp', '80')).allowed, false);
	assert.equal(verdict([rule('tcp', '80', '80', '192.0.2.1/32')], packet('192.0.2.1', 'tcp', '80')).allowed, true);
});

test('when several rules allow a packet, the first is named and the others listed', () => {
	const v = verdict([rule('tcp', '80', '80', '0.0.0.0/0'), rule('all', '', '', '0.0.0.0/0')], packet('192.0.2.1', 'tcp', '80'));
	assert.equal(v.rule?.number, 1);
	assert.deepEqual(v.alsoMatching, [2]);
});

test('an empty rule list drops everything', () => {
	const v = verdict([], packet('192.0.2.1', 'tcp', '443'));
	assert.equal(v.allowed, false);
	assert.match(v.explanation, /no inbound rules/);
});

test('protocols and ports are read leniently where harmless', () => {
	assert.deepEqual(parsePort(' 080 ', 'Port'), { ok: true, value: 80 });
	assert.equal(verdict([rule('TCP', '443', '443', ' 0.0.0.0/0 ')], packet(' 192.0.2.1 ', 'Tcp', '443')).allowed, true);
});

// Bad inputs: each must come back as a readable error, never an exception.
const good = packet('192.0.2.1', 'tcp', '443');

test('bad input: port that is not a number, negative, NaN or out of range', () => {
	assert.match(error([rule('tcp', 'abc', '80', '0.0.0.0/0')], good), /Rule 1: the "from" port "abc" is not a whole number/);
	assert.match(error([rule('tcp', '80', 'NaN', '0.0.0.0/0')], good), /"to" port "NaN" is not a whole number/);
	assert.match(error([rule('tcp', '-1', '80', '0.0.0.0/0')], good), /not a whole number/);
	assert.match(error([rule('tcp', '80', '65536', '0.0.0.0/0')], good), /out of range/);
	assert.match(error([rule('tcp', '8.5', '9', '0.0.0.0/0')], good), /not a whole number/);
});

test('bad input: empty port and from > to', () => {
	assert.match(error([rule('udp', '', '53', '0.0.0.0/0')], good), /"from" port is empty/);
	assert.match(error([rule('tcp', '8080', '80', '0.0.0.0/0')], good), /"from" port 8080 is greater than the "to" port 80/);
});

test('bad input: malformed CIDR blocks', () => {
	assert.match(error([rule('tcp', '22', '22', '')], good), /source is empty/);
	assert.match(error([rule('tcp', '22', '22', '203.0.113.7')], good), /no prefix length.*203\.0\.113\.7\/32/);
	assert.match(error([rule('tcp', '22', '22', '2001:db8::7')], good), /2001:db8::7\/128/);
	assert.match(error([rule('tcp', '22', '22', '300.1.1.1/32')], good), /not a valid IPv4 or IPv6 address/);
	assert.match(error([rule('tcp', '22', '22', '10.0.0.0/33')], good), /from 0 to 32/);
	assert.match(error([rule('tcp', '22', '22', '2001:db8::/129')], good), /from 0 to 128/);
	assert.match(error([rule('tcp', '22', '22', '10.0.0.0/abc')], good), /prefix length/);
	assert.match(error([rule('tcp', '22', '22', '10.0.0.5/24')], good), /Did you mean 10\.0\.0\.0\/24\?/);
	assert.match(error([rule('tcp', '22', '22', '0x0a.0.0.0/8')], good), /not a valid/);
	assert.match(error([rule('tcp', '22', '22', 'fe80::1%eth0/64')], good), /not a valid/);
	assert.match(error([rule('tcp', '22', '22', `${'1'.repeat(300)}/8`)], good), /too long/);
});

test('bad input: unknown protocol in a rule or the packet', () => {
	assert.match(error([rule('sctp', '1', '2', '0.0.0.0/0')], good), /Rule 1: protocol "sctp"/);
	assert.match(error([], packet('192.0.2.1', 'gre', '1')), /Test packet: protocol "gre"/);
	assert.match(error([], packet('192.0.2.1', 'all', '1')), /choose one protocol/);
});

test('bad input: malformed packet source address', () => {
	assert.match(error(WEB_RULES, packet('', 'tcp', '80')), /source address is empty/);
	assert.match(error(WEB_RULES, packet('192.0.2.0/24', 'tcp', '80')), /is a range/);
	assert.match(error(WEB_RULES, packet('192.0.2', 'tcp', '80')), /not a valid IPv4 or IPv6 address/);
	assert.match(error(WEB_RULES, packet('example.com', 'tcp', '80')), /not a valid/);
});

test('bad input: packet port missing or out of range', () => {
	assert.match(error(WEB_RULES, packet('192.0.2.1', 'tcp', '')), /destination port is empty/);
	assert.match(error(WEB_RULES, packet('192.0.2.1', 'udp', '70000')), /out of range/);
});

test('bad input: ICMP with an IPv6 source, ICMPv6 with an IPv4 source', () => {
	assert.match(error(WEB_RULES, packet('2001:db8::1', 'icmp')), /Choose ICMPv6/);
	assert.match(error(WEB_RULES, packet('192.0.2.1', 'icmpv6')), /Choose ICMP for an IPv4/);
});

test('bad input: errors name the row, and odd values never throw', () => {
	assert.match(error([WEB_RULES[0], rule('tcp', 'x', '1', '0.0.0.0/0')], good), /^Rule 2:/);
	assert.doesNotThrow(() => checkPacket([undefined as unknown as RuleInput], good));
	assert.doesNotThrow(() => checkPacket(null as unknown as RuleInput[], undefined as unknown as PacketInput));
	assert.equal(checkPacket(WEB_RULES, undefined as unknown as PacketInput).ok, false);
	assert.equal(parseCidr(undefined as unknown as string, 'Rule 1').ok, false);
});

// Security group references: a rule's source can be another group instead of an address range.
const fromGroup = (source: string, protocol: string, port: string, sourceGroups: string): PacketInput => ({ source, protocol, port, sourceGroups });

test('a rule whose source is a security group allows a packet from an instance in that group', () => {
	const rules = [rule('tcp', '5432', '5432', 'sg-0123456789abcdef0')];
	const v = verdict(rules, fromGroup('10.0.1.25', 'tcp', '5432', 'sg-0123456789abcdef0'));
	assert.equal(v.allowed, true);
	assert.match(v.explanation, /rule 1: TCP 5432 from sg-0123456789abcdef0/);
	assert.match(v.explanation, /source instance is in sg-0123456789abcdef0/);
	// An instance can have several groups; any one of them is enough.
	assert.equal(verdict(rules, fromGroup('10.0.1.25', 'tcp', '5432', 'sg-0aaaaaaaaaaaaaaaa, SG-0123456789ABCDEF0')).allowed, true);
});

test('a group reference does not match a packet from outside that group, whatever its address', () => {
	const rules = [rule('tcp', '5432', '5432', 'sg-0123456789abcdef0')];
	assert.equal(verdict(rules, fromGroup('10.0.1.25', 'tcp', '5432', '')).allowed, false);
	assert.equal(verdict(rules, fromGroup('10.0.1.25', 'tcp', '5432', 'sg-0fedcba9876543210')).allowed, false);
	assert.equal(verdict(rules, fromGroup('10.0.1.25', 'tcp', '22', 'sg-0123456789abcdef0')).allowed, false);
	// The packet field is optional: old callers without it still work.
	assert.equal(verdict(rules, packet('10.0.1.25', 'tcp', '5432')).allowed, false);
});

test('bad input: a malformed security group ID, in a rule or in the packet', () => {
	assert.match(error([rule('tcp', '22', '22', 'sg-xyz')], good), /Rule 1: "sg-xyz" is not a security group ID/);
	assert.match(error([rule('tcp', '22', '22', 'sg-0123456789abcdef0/32')], good), /Rule 1: .*security group ID.*no prefix length/);
	assert.match(error([], fromGroup('192.0.2.1', 'tcp', '443', 'web-servers')), /Test packet: "web-servers" is not a security group ID/);
});

/** Every value an error message proposes ("for example X", "Did you mean X?", "such as X or Y"). */
function suggestions(message: string): string[] {
	const found: string[] = [];
	for (const m of message.matchAll(/(?:for example|such as|Did you mean) ([^\s,?]+?)(?: or ([^\s,?]+?))?[.?]?(?=[\s,]|$)/g)) {
		found.push(m[1]!);
		if (m[2]) found.push(m[2]);
	}
	return found;
}

test('every value the checker suggests for a rule source is accepted', () => {
	const bad = ['', '203.0.113.7', '2001:db8::7', 'sg-0123456789abcdef0/32', 'sg-xyz', 'sg', 'web-servers', '300.1.1.1', 'hello', '10.0.0.5/24', '2001:db8::5/32', '10.0.0.0/33', '0x0a.0.0.0/8', 'fe80::1%eth0/64'];
	let checked = 0;
	for (const source of bad) {
		const message = error([rule('tcp', '22', '22', source)], good);
		for (const suggestion of suggestions(message)) {
			checked++;
			const result = checkPacket([rule('tcp', '22', '22', suggestion)], good);
			assert.equal(result.ok, true, `"${source}" → suggested "${suggestion}" → ${result.ok ? '' : result.error}`);
		}
	}
	assert.ok(checked >= 6, `only ${checked} suggestions were checked`);
});

test('every value the checker suggests for the test packet is accepted', () => {
	const bad = ['', '192.0.2.0/24', '300.0.0.0/8', 'hello/8', '2001:db8::/64', 'example.com'];
	let checked = 0;
	for (const source of bad) {
		const message = error(WEB_RULES, packet(source, 'tcp', '443'));
		for (const suggestion of suggestions(message)) {
			checked++;
			const result = checkPacket(WEB_RULES, packet(suggestion, 'tcp', '443'));
			assert.equal(result.ok, true, `"${source}" → suggested "${suggestion}" → ${result.ok ? '' : result.error}`);
		}
	}
	const groups = error([], fromGroup('192.0.2.1', 'tcp', '443', 'sg-nothex'));
	for (const suggestion of suggestions(groups)) {
		checked++;
		assert.equal(checkPacket([], fromGroup('192.0.2.1', 'tcp', '443', suggestion)).ok, true, suggestion);
	}
	assert.ok(checked >= 3, `only ${checked} suggestions were checked`);
});

test('the note about the other address family appears only when a rule for the other family\'s "anywhere" would have matched', () => {
	// SSH from an IPv4 address: the IPv6 rule is for port 443, so it is irrelevant and not mentioned.
	const ssh = verdict(WEB_RULES, packet('198.51.100.25', 'tcp', '22'));
	assert.equal(ssh.allowed, false);
	assert.deepEqual(ssh.notes, []);
	// A narrow IPv4 range could never hold an IPv6 address anyway: no note either.
	assert.deepEqual(verdict(WEB_RULES, packet('2001:db8::5', 'tcp', '22')).notes, []);
	// HTTPS from IPv6 with only the 0.0.0.0/0 rule: that is the confusing case, named by rule.
	const v6 = verdict([WEB_RULES[0]!, WEB_RULES[2]!], packet('2001:db8::5', 'tcp', '443'));
	assert.equal(v6.allowed, false);
	assert.equal(v6.notes.length, 1);
	assert.match(v6.notes[0]!, /^Rule 1 allows TCP 443 from 0\.0\.0\.0\/0, which covers every IPv4 address but no IPv6 address/);
	assert.match(v6.notes[0]!, /add a rule for ::\/0/);
});
