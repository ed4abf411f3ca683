import NeedsJavaScript from './NeedsJavaScript.tsx';
import { useId, useRef, useState } from 'preact/hooks';
import { checkPacket, PROTOCOL_LABELS } from '../../lib/demos/security-group.ts';
import type { PacketInput, Protocol, RuleInput } from '../../lib/demos/security-group.ts';

interface Row extends RuleInput {
	key: number;
}

const RULE_PROTOCOLS: Protocol[] = ['tcp', 'udp', 'icmp', 'icmpv6', 'all'];
const PACKET_PROTOCOLS: Protocol[] = ['tcp', 'udp', 'icmp', 'icmpv6'];
const hasPorts = (protocol: string) => protocol === 'tcp' || protocol === 'udp';

const DEFAULT_ROWS: Row[] = [
	{ key: 1, protocol: 'tcp', fromPort: '443', toPort: '443', source: '0.0.0.0/0' },
	{ key: 2, protocol: 'tcp', fromPort: '443', toPort: '443', source: '::/0' },
	{ key: 3, protocol: 'tcp', fromPort: '22', toPort: '22', source: '203.0.113.0/24' },
];

/** Generous, and well under the default quota of inbound rules per security group. */
const MAX_ROWS = 20;

export default function SecurityGroupChecker() {
	const id = useId();
	const [rows, setRows] = useState<Row[]>(DEFAULT_ROWS);
	const [nextKey, setNextKey] = useState(4);
	const [packet, setPacket] = useState<PacketInput>({ source: '198.51.100.25', protocol: 'tcp', port: '443', sourceGroups: '' });
	const addButton = useRef<HTMLButtonElement>(null);

	const result = checkPacket(rows, packet);
	const verdict = result.ok ? result.value : undefined;

	const edit = (key: number, field: keyof RuleInput, value: string) =>
		setRows(rows.map((r) => (r.key === key ? { ...r, [field]: value } : r)));
	const add = () => {
		setRows([...rows, { key: nextKey, protocol: 'tcp', fromPort: '80', toPort: '80', source: '0.0.0.0/0' }]);
		setNextKey(nextKey + 1);
	};
	const remove = (key: number) => {
		setRows(rows.filter((r) => r.key !== key));
		setTimeout(() => addButton.current?.focus());
	};
	const field = (name: string, key?: number) => `${id}-${name}${key === undefined ? '' : `-${key}`}`;

	return (
		<section class="demo" data-demo="security-group-checker" aria-labelledby={field('title')}>
			<h3 id={field('title')}>Try it: security group inbound rules</h3>
			<NeedsJavaScript />
			<p class="demo__note">
				Security groups only have allow rules: a packet that no rule allows is dropped. A rule's source is a CIDR block or
				another security group's ID (such as sg-0123456789abcdef0), which matches packets from instances in that group: give
				the test packet's groups to try it. ICMP rules here allow every ICMP type; real rules can narrow them to one type and
				code.
			</p>
			{rows.map((row, i) => (
				<fieldset key={row.key}>
					<legend>Rule {i + 1}</legend>
					<div class="demo__row">
						<div>
							<label for={field('protocol', row.key)}>Protocol</label>
							<select id={field('protocol', row.key)} value={row.protocol} onChange={(e) => edit(row.key, 'protocol', e.currentTarget.value)}>
								{RULE_PROTOCOLS.map((p) => (
									<option key={p} value={p}>
										{PROTOCOL_LABELS[p]}
									</option>
								))}
							</select>
						</div>
						{hasPorts(row.protocol) ? (
							<>
								<div>
									<label for={field('from', row.key)}>From port</label>
									<input id={field('from', row.key)} type="text" inputMode="numeric" size={6} value={row.fromPort} onInput={(e) => edit(row.key, 'fromPort', e.currentTarget.value)} />
								</div>
								<div>
									<label for={field('to', row.key)}>To port</label>
									<input id={field('to', row.key)} type="text" inputMode="numeric" size={6} value={row.toPort} onInput={(e) => edit(row.key, 'toPort', e.currentTarget.value)} />
								</div>
							</>
						) : (
							<p class="demo__note">Ports: not applicable ({row.protocol === 'all' ? 'all protocols and ports' : 'all ICMP types'})</p>
						)}
						<div>
							<label for={field('source', row.key)}>Source (CIDR or group ID)</label>
							<input id={field('source', row.key)} type="text" size={22} spellcheck={false} value={row.source} onInput={(e) => edit(row.key, 'source', e.currentTarget.value)} />
						</div>
						<button type="button" aria-label={`Remove rule ${i + 1}`} onClick={() => remove(row.key)}>
							Remove
						</button>
					</div>
				</fieldset>
			))}
			{rows.length < MAX_ROWS && (
				<button type="button" ref={addButton} onClick={add}>
					Add rule
				</button>
			)}
			<fieldset>
				<legend>Test packet (inbound)</legend>
				<div class="demo__row">
					<div>
						<label for={field('packet-source')}>Source address</label>
						<input id={field('packet-source')} type="text" size={22} spellcheck={false} value={packet.source} onInput={(e) => setPacket({ ...packet, source: e.currentTarget.value })} />
					</div>
					<div>
						<label for={field('packet-protocol')}>Packet protocol</label>
						<select id={field('packet-protocol')} value={packet.protocol} onChange={(e) => setPacket({ ...packet, protocol: e.currentTarget.value })}>
							{PACKET_PROTOCOLS.map((p) => (
								<option key={p} value={p}>
									{PROTOCOL_LABELS[p]}
								</option>
							))}
						</select>
					</div>
					{hasPorts(packet.protocol) && (
						<div>
							<label for={field('packet-port')}>Destination port</label>
							<input id={field('packet-port')} type="text" inputMode="numeric" size={6} value={packet.port} onInput={(e) => setPacket({ ...packet, port: e.currentTarget.value })} />
						</div>
					)}
					<div>
						<label for={field('packet-groups')}>Security groups of the sending instance (optional)</label>
						<input
							id={field('packet-groups')}
							type="text"
							size={30}
							spellcheck={false}
							value={packet.sourceGroups}
							onInput={(e) => setPacket({ ...packet, sourceGroups: e.currentTarget.value })}
						/>
					</div>
				</div>
			</fieldset>
			<div aria-live="polite">
				{!result.ok && <p class="demo__error">{result.error}</p>}
				{verdict && (
					<div class="demo__result" data-verdict={verdict.allowed ? 'allow' : 'deny'}>
						<p>
							<strong>{verdict.allowed ? 'Allowed' : 'Denied (dropped)'}</strong>
						</p>
						<p>{verdict.explanation}</p>
						{verdict.alsoMatching.length > 0 && (
							<p>
								Also allowed by {verdict.alsoMatching.length > 1 ? 'rules' : 'rule'} {verdict.alsoMatching.join(', ')}.
							</p>
						)}
						{verdict.response && <p>{verdict.response}</p>}
					</div>
				)}
				{verdict && verdict.notes.length > 0 && (
					<ul class="demo__note">
						{verdict.notes.map((n) => (
							<li key={n}>{n}</li>
						))}
					</ul>
				)}
			</div>
		</section>
	);
}
