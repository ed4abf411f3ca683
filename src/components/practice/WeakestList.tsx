import type { BreakdownRow } from '../../lib/practice/practice-exam.ts';
import DrillLink from './DrillLink.tsx';

interface Props {
	heading: string;
	rows: BreakdownRow[];
	what: 'task' | 'skill';
	label: (id: string) => string;
	href: (id: string) => string;
}

/** Task statements or skills missed most, each with a drill of its questions. */
export default function WeakestList({ heading, rows, what, label, href }: Props) {
	if (rows.length === 0) return null;
	return (
		<>
			<h3>{heading}</h3>
			<ol>
				{rows.map((r) => (
					<li key={r.id}>
						{r.id} {label(r.id)}: {r.correct} of {r.total} right ({r.percent}%).{' '}
						<DrillLink href={href(r.id)} name={`${what} ${r.id}`} />
					</li>
				))}
			</ol>
		</>
	);
}
