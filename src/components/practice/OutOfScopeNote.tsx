/** Above a practice question whose topic left the exam: it stays for learning, and says why it is not exam material. */
export default function OutOfScopeNote({ reason }: { reason: string }) {
	return (
		<p class="practice__out-of-scope">
			<strong>Not on the current exam.</strong> {reason}
		</p>
	);
}
