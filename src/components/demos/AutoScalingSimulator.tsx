import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import {
	DEFAULT_RAW,
	PRESETS,
	SCALE_IN_PERIODS,
	SCALE_OUT_PERIODS,
	editField,
	niceMax,
	parseInput,
	seriesPath,
	simulate,
	summarize,
	type PresetId,
	type RawInput,
	type SimInput,
	type SimResult,
} from '../../lib/demos/autoscaling-sim.ts';
import NeedsJavaScript from './NeedsJavaScript.tsx';
import './AutoScalingSimulator.css';

type Field = Exclude<keyof RawInput, 'load'>;
const FIELDS: [Field, string][] = [
	['target', 'Target average CPU (%)'],
	['min', 'Minimum capacity'],
	['desired', 'Desired capacity'],
	['max', 'Maximum capacity'],
	['warmup', 'Instance warm-up (seconds)'],
	['capacity', 'Requests/s per instance at 100% CPU'],
];

// Chart layout in SVG user units; the SVG scales to the column width. The stylesheet enlarges the text (in these
// units) as the chart narrows, so the spacing leaves room for labels up to about 25 units high.
const W = 640;
const LEFT = 80;
const PLOT_W = W - LEFT - 16;
const PANEL_H = 80;
const PANEL_TOPS = [40, 170, 300];
const H = 450;

/** Axis labels stay short at any size: 2000 → 2k (niceMax values are 1, 2 or 5 times a power of ten). */
const compact = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));

function Panel(props: { top: number; title: string; yMax: number; unit: string; children: ComponentChildren }) {
	const { top, title, yMax, unit } = props;
	return (
		<g>
			<text x={0} y={top - 10} class="asg-sim__title">
				{title}
			</text>
			<g transform={`translate(${LEFT} ${top})`}>
				<path class="asg-sim__axis" d={`M0 0 V${PANEL_H} H${PLOT_W}`} />
				<text x={-8} y={0} text-anchor="end" dominant-baseline="hanging">
					{compact(yMax)}
					{unit}
				</text>
				<text x={-8} y={PANEL_H} text-anchor="end">
					0
				</text>
				{props.children}
			</g>
		</g>
	);
}

function Chart(props: { input: SimInput; result: SimResult; titleId: string; descId: string; description: string }) {
	const { input, result } = props;
	const rows = result.rows;
	const loadMax = niceMax(Math.max(...rows.map((r) => Math.max(r.load, r.inService * input.capacity))));
	const countMax = niceMax(Math.max(input.max, 1));
	const last = rows.length - 1;
	const targetY = PANEL_H - (input.target / 100) * PANEL_H;
	return (
		<svg class="asg-sim__chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${props.titleId} ${props.descId}`}>
			<title id={props.titleId}>Load, average CPU and instance count per minute</title>
			<desc id={props.descId}>{props.description}</desc>
			<Panel top={PANEL_TOPS[0]!} title="Load (req/s)" yMax={loadMax} unit="">
				<path class="asg-sim__alt" d={seriesPath(rows.map((r) => r.inService * input.capacity), loadMax, PLOT_W, PANEL_H, true)} />
				<path class="asg-sim__main" d={seriesPath(rows.map((r) => r.load), loadMax, PLOT_W, PANEL_H)} />
			</Panel>
			<Panel top={PANEL_TOPS[1]!} title="Average CPU (%)" yMax={100} unit="%">
				<path class="asg-sim__target" d={`M0 ${targetY} H${PLOT_W}`} />
				<path class="asg-sim__main" d={seriesPath(rows.map((r) => r.cpu), 100, PLOT_W, PANEL_H)} />
			</Panel>
			<Panel top={PANEL_TOPS[2]!} title="Instances" yMax={countMax} unit="">
				<path class="asg-sim__alt" d={seriesPath(rows.map((r) => r.inService), countMax, PLOT_W, PANEL_H, true)} />
				<path class="asg-sim__main" d={seriesPath(rows.map((r) => r.desired), countMax, PLOT_W, PANEL_H, true)} />
			</Panel>
			<g transform={`translate(${LEFT} ${PANEL_TOPS[2]! + PANEL_H + 8})`} dominant-baseline="hanging">
				<text x={0} y={0} text-anchor="start">
					0
				</text>
				<text x={PLOT_W / 2} y={0} text-anchor="middle">
					{Math.round(last / 2)}
				</text>
				<text x={PLOT_W} y={0} text-anchor="end">
					{last}
				</text>
				<text x={PLOT_W / 2} y={32} text-anchor="middle">
					Minute
				</text>
			</g>
		</svg>
	);
}

export default function AutoScalingSimulator() {
	const id = useId();
	const [raw, setRaw] = useState<RawInput>(DEFAULT_RAW);
	const [preset, setPreset] = useState<PresetId | 'custom'>('spike');
	// Set when an edit of the limits also moved the desired capacity, so the reader sees why that field changed.
	const [note, setNote] = useState<string | undefined>(undefined);

	const parsed = parseInput(raw);
	const sim = parsed.ok ? simulate(parsed.value) : parsed;
	const error = !parsed.ok ? parsed.error : !sim.ok ? sim.error : '';
	const result = parsed.ok && sim.ok ? { input: parsed.value, result: sim.value } : null;
	const description = result ? summarize(result.input, result.result) : '';

	const set = (field: keyof RawInput, value: string) => {
		const edit = editField(raw, field, value);
		setRaw(edit.raw);
		setNote(edit.note);
	};

	return (
		<section data-demo="autoscaling-simulator" class="demo asg-sim" aria-labelledby={`${id}-h`}>
			<h3 id={`${id}-h`}>Auto Scaling simulator</h3>
			<NeedsJavaScript />
			<p class="demo__note">
				A target tracking policy on average CPU, minute by minute. It scales out after {SCALE_OUT_PERIODS} minutes above the
				target, in proportion to the overshoot, and scales in one instance at a time after {SCALE_IN_PERIODS} minutes below
				90% of the target. Instances in warm-up are not counted (in this model they also take no load yet).
			</p>
			<div>
				<label for={`${id}-preset`}>Load pattern</label>
				<select
					id={`${id}-preset`}
					value={preset}
					onChange={(e) => {
						const p = e.currentTarget.value as PresetId | 'custom';
						setPreset(p);
						if (p !== 'custom') set('load', PRESETS[p].load.join(', '));
					}}
				>
					{(Object.keys(PRESETS) as PresetId[]).map((p) => (
						<option key={p} value={p}>
							{PRESETS[p].label}
						</option>
					))}
					<option value="custom">Custom list</option>
				</select>
			</div>
			<div>
				<label for={`${id}-load`}>Load: requests per second for each minute (comma-separated, up to 240 values)</label>
				<textarea
					id={`${id}-load`}
					rows={3}
					value={raw.load}
					spellcheck={false}
					aria-describedby={error ? `${id}-err` : undefined}
					onInput={(e) => {
						setPreset('custom');
						set('load', e.currentTarget.value);
					}}
				/>
			</div>
			<div class="asg-sim__fields">
				{FIELDS.map(([field, label]) => (
					<div key={field}>
						<label for={`${id}-${field}`}>{label}</label>
						<input
							id={`${id}-${field}`}
							type="text"
							inputMode="decimal"
							value={raw[field]}
							aria-describedby={error ? `${id}-err` : undefined}
							onInput={(e) => set(field, e.currentTarget.value)}
						/>
					</div>
				))}
			</div>
			<div aria-live="polite">
				{error ? (
					<p class="demo__error" id={`${id}-err`}>
						{error}
					</p>
				) : (
					<p class="demo__result">{description}</p>
				)}
				{note && <p class="demo__note">{note}</p>}
			</div>
			{result && (
				<>
					<Chart input={result.input} result={result.result} titleId={`${id}-t`} descId={`${id}-d`} description={description} />
					<p class="demo__note">
						Solid lines: demand, average CPU and desired capacity. Dashed lines: what the counted instances can serve, and how
						many instances are counted (warmed up). Dotted line: the {result.input.target}% target.
					</p>
					<details>
						<summary>Minute-by-minute table</summary>
						{/* Focusable so keyboard users can scroll it sideways on a narrow screen. */}
						<div class="asg-sim__scroll" role="region" aria-label="Minute-by-minute table" tabIndex={0}>
							<p class="demo__note asg-sim__scroll-hint">Scroll sideways to see every column.</p>
							<table class="asg-sim__table">
								<caption class="demo__note">Simulated values for each minute</caption>
								<thead>
									<tr>
										<th scope="col">Minute</th>
										<th scope="col">Load (req/s)</th>
										<th scope="col">Average CPU (%)</th>
										<th scope="col">Counted instances</th>
										<th scope="col">Warming up</th>
										<th scope="col">Desired capacity</th>
									</tr>
								</thead>
								<tbody>
									{result.result.rows.map((r) => (
										<tr key={r.minute}>
											<td>{r.minute}</td>
											<td>{r.load}</td>
											<td>{r.cpu}</td>
											<td>{r.inService}</td>
											<td>{r.warming}</td>
											<td>{r.desired}</td>
										</tr>
									))}
								</tbody>
							</table>
						</div>
					</details>
					<h4 id={`${id}-ev`}>Scaling events</h4>
					{result.result.events.length > 0 ? (
						<ol aria-labelledby={`${id}-ev`}>
							{result.result.events.map((e, i) => (
								<li key={i}>
									<strong>
										Minute {e.minute}:{' '}
										{e.kind === 'out'
											? `scale out from ${e.from} to ${e.to} instances`
											: e.kind === 'in'
												? `scale in from ${e.from} to ${e.to} instances`
												: `at maximum (${e.to} instances)`}
									</strong>
									. {e.reason}
								</li>
							))}
						</ol>
					) : (
						<p>No scaling: the metric never stayed outside the band long enough.</p>
					)}
				</>
			)}
		</section>
	);
}
