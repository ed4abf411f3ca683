import NeedsJavaScript from './NeedsJavaScript.tsx';
import { useId, useRef, useState } from 'preact/hooks';
import { evaluate } from '../../lib/demos/iam-policy.ts';

const READ_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ReadReports",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:ListBucket"],
      "Resource": [
        "arn:aws:s3:::amzn-s3-demo-bucket",
        "arn:aws:s3:::amzn-s3-demo-bucket/*"
      ]
    }
  ]
}`;

const DENY_POLICY = `{
  "Version": "2012-10-17",
  "Statement": {
    "Sid": "ProtectSecrets",
    "Effect": "Deny",
    "Action": "s3:*",
    "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/secret/*"
  }
}`;

const NEW_POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:PutObject",
      "Resource": "arn:aws:s3:::amzn-s3-demo-bucket/uploads/*"
    }
  ]
}`;

/** IAM's default quota of managed policies per user or role is 10, so more would not be realistic. */
const MAX_POLICIES = 10;

interface PolicyBox {
	key: number;
	text: string;
}

export default function PolicyEvaluator() {
	const id = useId();
	const [policies, setPolicies] = useState<PolicyBox[]>([
		{ key: 1, text: READ_POLICY },
		{ key: 2, text: DENY_POLICY },
	]);
	const [nextKey, setNextKey] = useState(3);
	const [action, setAction] = useState('s3:GetObject');
	const [resource, setResource] = useState('arn:aws:s3:::amzn-s3-demo-bucket/reports/2026.csv');
	const addButton = useRef<HTMLButtonElement>(null);

	const result = evaluate(
		policies.map((p) => p.text),
		action,
		resource,
	);

	const update = (key: number, text: string) => setPolicies(policies.map((p) => (p.key === key ? { key, text } : p)));
	const add = () => {
		setPolicies([...policies, { key: nextKey, text: NEW_POLICY }]);
		setNextKey(nextKey + 1);
	};
	const remove = (key: number) => {
		setPolicies(policies.filter((p) => p.key !== key));
		// The pressed button disappears with its policy; keep keyboard focus inside the demo.
		setTimeout(() => addButton.current?.focus());
	};

	const decision = result.ok ? result.value : undefined;
	return (
		<section class="demo" data-demo="policy-evaluator" aria-labelledby={`${id}-title`}>
			<h3 id={`${id}-title`}>Try it: IAM policy evaluator</h3>
			<NeedsJavaScript />
			<p class="demo__note">
				Evaluates identity-based policies attached to one principal, for a request in the same account: an explicit Deny wins,
				then any Allow, otherwise the request is implicitly denied. Conditions are out of scope: a statement with a{' '}
				<code>Condition</code> block is treated as not matching, and the result says so.
			</p>
			{policies.map((p, i) => (
				<div key={p.key}>
					<label for={`${id}-policy-${p.key}`}>Policy {i + 1} (JSON)</label>
					<textarea
						id={`${id}-policy-${p.key}`}
						rows={10}
						spellcheck={false}
						value={p.text}
						onInput={(e) => update(p.key, e.currentTarget.value)}
					/>
					{policies.length > 1 && (
						<button type="button" aria-label={`Remove policy ${i + 1}`} onClick={() => remove(p.key)}>
							Remove
						</button>
					)}
				</div>
			))}
			{policies.length < MAX_POLICIES && (
				<button type="button" ref={addButton} onClick={add}>
					Add policy
				</button>
			)}
			<div class="demo__row">
				<div>
					<label for={`${id}-action`}>Action</label>
					<input id={`${id}-action`} type="text" size={24} spellcheck={false} value={action} onInput={(e) => setAction(e.currentTarget.value)} />
				</div>
				<div style="flex: 1 1 20rem">
					<label for={`${id}-resource`}>Resource ARN</label>
					<input
						id={`${id}-resource`}
						type="text"
						spellcheck={false}
						style="width: 100%"
						value={resource}
						onInput={(e) => setResource(e.currentTarget.value)}
					/>
				</div>
			</div>
			<div aria-live="polite">
				{!result.ok && <p class="demo__error">{result.error}</p>}
				{decision && (
					<div class="demo__result" data-verdict={decision.verdict === 'allowed' ? 'allow' : 'deny'}>
						<p>
							<strong>{decision.headline}</strong>
						</p>
						{decision.decidedBy && <p>Decided by {decision.decidedBy.label}.</p>}
						<p>{decision.explanation}</p>
						{decision.conditionNotes.length > 0 && (
							<ul>
								{decision.conditionNotes.map((note) => (
									<li key={note}>{note}</li>
								))}
							</ul>
						)}
					</div>
				)}
				{decision && decision.warnings.length > 0 && (
					<ul class="demo__note">
						{decision.warnings.map((w) => (
							<li key={w}>{w}</li>
						))}
					</ul>
				)}
			</div>
		</section>
	);
}
