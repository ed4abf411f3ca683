/**
 * Said only when scripting is off: the demo then shows its server-rendered example and ignores edits.
 * It is always rendered and shown by a `scripting: none` media query (demos.css), so server and client
 * markup match and nothing changes at hydration.
 */
export default function NeedsJavaScript() {
	return (
		<p class="demo__needs-js">
			This demo needs JavaScript, which is turned off. What you see is a static example for the inputs shown: editing them
			changes nothing.
		</p>
	);
}
