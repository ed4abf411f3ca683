interface Props {
	href: string;
	/** What is drilled, for screen readers: a row of "Drill" links needs each link to say which. */
	name: string;
}

/** "Drill": a link to an untimed practice set of one domain, task or skill. */
export default function DrillLink({ href, name }: Props) {
	return (
		<a href={href}>
			Drill<span class="sr-only"> {name}</span>
		</a>
	);
}
