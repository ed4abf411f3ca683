import NeedsJavaScript from './NeedsJavaScript.tsx';
import { fixFieldsMessage, useDemoForm } from './useDemoForm.tsx';
import {
	CONSISTENCIES,
	WRITE_TYPES,
	calculate,
	defaultInput,
	fmt,
	type Consistency,
	type WriteType,
} from '../../lib/demos/dynamodb-capacity.ts';

export default function DynamoDbCapacityCalculator() {
	const { id, input, set, result, errors, field } = useDemoForm(defaultInput, calculate, {
		size: 8,
		decimal: ['itemSizeKb'],
	});

	return (
		<section data-demo="dynamodb-capacity-calculator" class="demo" aria-labelledby={`${id}-h`}>
			<h3 id={`${id}-h`}>DynamoDB capacity calculator</h3>
			<NeedsJavaScript />
			<p class="demo__note">Enter an item size and a request rate to see the units DynamoDB needs, with each rounding step.</p>
			<div class="demo__row demo__row--top">
				{field('itemSizeKb', 'Item size (KB)', 'Decimals allowed, up to 400.')}
				{field('readsPerSecond', 'Reads per second', 'A whole number.')}
				{field('writesPerSecond', 'Writes per second', 'A whole number.')}
			</div>
			<div class="demo__row">
				<div>
					<label for={`${id}-consistency`}>Read consistency</label>
					<select id={`${id}-consistency`} value={input.consistency} onChange={(e) => set('consistency', e.currentTarget.value as Consistency)}>
						{(Object.keys(CONSISTENCIES) as Consistency[]).map((c) => (
							<option key={c} value={c}>
								{CONSISTENCIES[c]}
							</option>
						))}
					</select>
				</div>
				<div>
					<label for={`${id}-writeType`}>Write type</label>
					<select id={`${id}-writeType`} value={input.writeType} onChange={(e) => set('writeType', e.currentTarget.value as WriteType)}>
						{(Object.keys(WRITE_TYPES) as WriteType[]).map((w) => (
							<option key={w} value={w}>
								{WRITE_TYPES[w]}
							</option>
						))}
					</select>
				</div>
			</div>
			<div aria-live="polite">
				{!result.ok ? (
					<p class="demo__error">{fixFieldsMessage(errors, 'see the capacity')}</p>
				) : (
					<div class="demo__result">
						<p>
							<strong>
								{result.value.provisioned}
							</strong>
						</p>
						<p>
							On-demand: {fmt(result.value.rru)} read request units and {fmt(result.value.wru)} write request units per second
						</p>
						<p class="demo__steps-title" id={`${id}-reads`}>
							Reads
						</p>
						<ol aria-labelledby={`${id}-reads`}>
							{result.value.readSteps.map((s, i) => (
								<li key={i}>{s}</li>
							))}
						</ol>
						<p class="demo__steps-title" id={`${id}-writes`}>
							Writes
						</p>
						<ol aria-labelledby={`${id}-writes`}>
							{result.value.writeSteps.map((s, i) => (
								<li key={i}>{s}</li>
							))}
						</ol>
					</div>
				)}
			</div>
		</section>
	);
}
