import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionMatches, evaluate, parsePolicy, resourceMatches, validateAction, validateResourceArn } from './iam-policy.ts';
import type { Decision } from './iam-policy.ts';

const BUCKET = 'arn:aws:s3:::amzn-s3-demo-bucket';

/** `version: null` leaves the Version element out. */
const policy = (statement: unknown, version: string | null = '2012-10-17') =>
	JSON.stringify(version === null ? { Statement: statement } : { Version: version, Statement: statement });

function decision(policies: string[], action: string, resource: string): Decision {
	const result = evaluate(policies, action, resource);
	assert.equal(result.ok, true, result.ok ? '' : result.error);
	return (result as { ok: true; value: Decision }).value;
}

function error(policies: string[], action: string, resource: string): string {
	const result = evaluate(policies, action, resource);
	assert.equal(result.ok, false, 'expected an error');
	return (result as { ok: false; error: string }).error;
}

const readBucket = policy([
	{ Sid: 'ReadObjects', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: [BUCKET, `${BUCKET}/*`] },
]);

test('an Allow statement that matches action and resource allows', () => {
	const d = decision([readBucket], 's3:GetObject', `${BUCKET}/report.csv`);
	assert.equal(d.verdict, 'allowed');
	assert.equal(d.headline, 'Allowed');
	assert.equal(d.decidedBy?.label, 'policy 1, statement "ReadObjects"');
});

test('nothing matching means an implicit deny', () => {
	const d = decision([readBucket], 's3:PutObject', `${BUCKET}/report.csv`);
	assert.equal(d.verdict, 'implicit-deny');
	assert.equal(d.headline, 'Implicitly denied (no statement allows it)');
	assert.equal(d.decidedBy, undefined);
});

test('an explicit Deny in another policy overrides an Allow', () => {
	const deny = policy([{ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 's3:Get*', Resource: `${BUCKET}/*` }]);
	const d = decision([readBucket, deny], 's3:GetObject', `${BUCKET}/secret.txt`);
	assert.equal(d.verdict, 'explicit-deny');
	assert.equal(d.headline, 'Explicitly denied');
	assert.equal(d.decidedBy?.label, 'policy 2, statement 2');
	assert.equal(d.allows.length, 2);
	assert.match(d.explanation, /overrides the Allow in policy 1/);
});

test('Statement may be a single object rather than an array', () => {
	const single = policy({ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: 'arn:aws:dynamodb:us-east-1:123456789012:table/Books' });
	const d = decision([single], 'dynamodb:GetItem', 'arn:aws:dynamodb:us-east-1:123456789012:table/Books');
	assert.equal(d.verdict, 'allowed');
	assert.equal(d.decidedBy?.statement, 1);
});

test('actions match case-insensitively, in the service prefix and the action name', () => {
	assert.equal(actionMatches('s3:getobject', 'S3:GetObject'), true);
	const d = decision([readBucket], 'S3:GETOBJECT', `${BUCKET}/a`);
	assert.equal(d.verdict, 'allowed');
});

test('resources match case-sensitively', () => {
	assert.equal(resourceMatches(`${BUCKET}/Report.csv`, `${BUCKET}/report.csv`), false);
	const d = decision([readBucket], 's3:GetObject', 'arn:aws:s3:::AMZN-S3-DEMO-BUCKET/a');
	assert.equal(d.verdict, 'implicit-deny');
});

test('* and ? wildcards in actions', () => {
	assert.equal(actionMatches('s3:Get*', 's3:GetObjectAcl'), true);
	assert.equal(actionMatches('s3:Get*', 's3:PutObject'), false);
	assert.equal(actionMatches('ec2:?tartInstances', 'ec2:StartInstances'), true);
	assert.equal(actionMatches('ec2:?tartInstances', 'ec2:RestartInstances'), false);
	assert.equal(actionMatches('*', 'iam:CreateUser'), true);
	assert.equal(actionMatches('s3:*', 'S3:anything'), true);
});

test('* and ? wildcards in resources, within and across ARN segments', () => {
	assert.equal(resourceMatches(`${BUCKET}/*`, `${BUCKET}/a/b/c.txt`), true);
	assert.equal(resourceMatches(`${BUCKET}/*`, BUCKET), false);
	assert.equal(resourceMatches('arn:aws:iam::*:user/?ob', 'arn:aws:iam::123456789012:user/Bob'), true);
	assert.equal(resourceMatches('arn:aws:iam::*:user/?ob', 'arn:aws:iam::123456789012:user/Bobby'), false);
	// A * that ends a segment may run past the colons.
	assert.equal(resourceMatches('arn:aws:lambda:*', 'arn:aws:lambda:us-east-1:123456789012:function:f'), true);
	// A * in the middle of a segment stays inside it.
	assert.equal(resourceMatches('arn:aws:lambda:us-*1:123456789012:function:f', 'arn:aws:lambda:us-east-1:123456789012:function:f'), true);
	assert.equal(resourceMatches('arn:aws:lambda:u*1:123456789012:function:f', 'arn:aws:lambda:us:x-1:123456789012:function:f'), false);
	// Special characters in an ARN are literal, not regex syntax.
	assert.equal(resourceMatches('arn:aws:s3:::bucket/a.b', 'arn:aws:s3:::bucket/aXb'), false);
	assert.equal(resourceMatches('*', '*'), true);
});

test('NotAction allows everything except the listed actions', () => {
	const p = policy([{ Sid: 'AllButIam', Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }]);
	assert.equal(decision([p], 's3:GetObject', `${BUCKET}/a`).verdict, 'allowed');
	assert.equal(decision([p], 'iam:CreateUser', 'arn:aws:iam::123456789012:user/Bob').verdict, 'implicit-deny');
});

test('NotResource with Deny protects everything except the listed resources', () => {
	const p = policy([
		{ Effect: 'Allow', Action: 's3:*', Resource: '*' },
		{ Sid: 'OnlyThisBucket', Effect: 'Deny', Action: 's3:*', NotResource: [BUCKET, `${BUCKET}/*`] },
	]);
	assert.equal(decision([p], 's3:GetObject', `${BUCKET}/a`).verdict, 'allowed');
	const other = decision([p], 's3:GetObject', 'arn:aws:s3:::other-bucket/a');
	assert.equal(other.verdict, 'explicit-deny');
	assert.equal(other.decidedBy?.sid, 'OnlyThisBucket');
});

test('a statement with a Condition is reported and treated as not matching', () => {
	const p = policy([
		{ Sid: 'ReadFromVpc', Effect: 'Allow', Action: 's3:GetObject', Resource: `${BUCKET}/*`, Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } } },
	]);
	const d = decision([p], 's3:GetObject', `${BUCKET}/a`);
	assert.equal(d.verdict, 'implicit-deny');
	assert.equal(d.conditionSkipped.length, 1);
	assert.match(d.conditionNotes[0], /statement "ReadFromVpc" \(Allow\) has a Condition that this demo does not evaluate/);
});

test('a conditional Deny does not override an Allow here, and is reported', () => {
	const p = policy([
		{ Effect: 'Allow', Action: 's3:*', Resource: '*' },
		{ Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } },
	]);
	const d = decision([p], 's3:GetObject', `${BUCKET}/a`);
	assert.equal(d.verdict, 'allowed');
	assert.equal(d.conditionSkipped[0].label, 'policy 1, statement 2');
});

test('a missing Version is a warning, and 2008-10-17 notes that policy variables are unsupported', () => {
	const noVersion = decision([policy([{ Effect: 'Allow', Action: '*', Resource: '*' }], null)], 's3:GetObject', '*');
	assert.match(noVersion.warnings[0], /no Version/);
	const old = decision([policy([{ Effect: 'Allow', Action: '*', Resource: '*' }], '2008-10-17')], 's3:GetObject', '*');
	assert.match(old.warnings[0], /policy variables/);
});

test('a request for resource * matches only statements that cover *', () => {
	const p = policy([{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }]);
	assert.equal(decision([p], 's3:ListAllMyBuckets', '*').verdict, 'allowed');
	assert.equal(decision([readBucket], 's3:ListBucket', '*').verdict, 'implicit-deny');
});

test('statements without a Sid are named by their position', () => {
	const p = policy([{ Effect: 'Deny', Action: 'ec2:*', Resource: '*' }, { Effect: 'Deny', Action: 's3:*', Resource: '*' }]);
	const d = decision([readBucket, p], 's3:GetObject', `${BUCKET}/a`);
	assert.equal(d.decidedBy?.label, 'policy 2, statement 2');
});

test('valid request inputs are accepted and trimmed', () => {
	assert.deepEqual(validateAction('  s3:GetObject '), { ok: true, value: 's3:GetObject' });
	assert.equal(validateResourceArn('arn:aws:iam::aws:policy/ReadOnlyAccess').ok, true);
	assert.equal(validateResourceArn('arn:aws-cn:s3:::bucket').ok, true);
	assert.equal(validateResourceArn('arn:aws:lambda:us-east-1:123456789012:function:my-fn:1').ok, true);
	assert.equal(parsePolicy(readBucket, 1).ok, true);
});

// Bad inputs: each must come back as a readable error, never an exception.
const goodAction = 's3:GetObject';
const goodArn = `${BUCKET}/a`;

test('bad input: invalid JSON', () => {
	assert.match(error(['{"Version": "2012-10-17",'], goodAction, goodArn), /Policy 1 is not valid JSON/);
});

test('bad input: empty policy text and no policies at all', () => {
	assert.match(error(['   '], goodAction, goodArn), /Policy 1 is empty/);
	assert.match(error([], goodAction, goodArn), /Add at least one policy/);
});

test('bad input: a huge paste over 20,000 characters', () => {
	const huge = policy([{ Effect: 'Allow', Action: '*', Resource: '*', Sid: 'x'.repeat(20_001) }]);
	assert.match(error([huge], goodAction, goodArn), /accepts up to 20,000/);
});

test('bad input: JSON that is not an object, or has no Statement', () => {
	assert.match(error(['[1, 2]'], goodAction, goodArn), /must be a JSON object/);
	assert.match(error(['"text"'], goodAction, goodArn), /must be a JSON object/);
	assert.match(error(['{"Version": "2012-10-17"}'], goodAction, goodArn), /no "Statement"/);
	assert.match(error([policy([])], goodAction, goodArn), /empty array/);
});

test('bad input: wrongly cased or unknown elements', () => {
	assert.match(error(['{"Version": "2012-10-17", "statement": []}'], goodAction, goodArn), /Did you mean "Statement"/);
	assert.match(error([policy([{ Effect: 'Allow', Action: '*', Resource: '*', Foo: 1 }])], goodAction, goodArn), /unknown element "Foo"/);
});

test('bad input: Effect other than Allow/Deny', () => {
	assert.match(error([policy([{ Effect: 'allow', Action: '*', Resource: '*' }])], goodAction, goodArn), /exactly "Allow" or "Deny"/);
	assert.match(error([policy([{ Action: '*', Resource: '*' }])], goodAction, goodArn), /Effect is missing/);
});

test('bad input: both or neither of Action/NotAction and Resource/NotResource', () => {
	assert.match(error([policy([{ Effect: 'Allow', Action: '*', NotAction: 's3:*', Resource: '*' }])], goodAction, goodArn), /exactly one of Action or NotAction/);
	assert.match(error([policy([{ Effect: 'Allow', Action: '*' }])], goodAction, goodArn), /exactly one of Resource or NotResource/);
});

test('bad input: Principal in an identity-based policy', () => {
	assert.match(error([policy([{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }])], goodAction, goodArn), /identity-based policies don't use/);
});

test('bad input: malformed action and resource patterns in a policy', () => {
	assert.match(error([policy([{ Effect: 'Allow', Action: 's3GetObject', Resource: '*' }])], goodAction, goodArn), /must look like "service:Action"/);
	assert.match(error([policy([{ Effect: 'Allow', Action: [], Resource: '*' }])], goodAction, goodArn), /non-empty array of strings/);
	assert.match(error([policy([{ Effect: 'Allow', Action: '*', Resource: 'my-bucket' }])], goodAction, goodArn), /six colon-separated parts/);
	assert.match(error([policy([{ Effect: 'Allow', Action: '*', Resource: [1] }])], goodAction, goodArn), /string or a non-empty array/);
});

test('bad input: unsupported Version value and a Condition that is not an object', () => {
	assert.match(error([policy([{ Effect: 'Allow', Action: '*', Resource: '*' }], '2020-01-01')], goodAction, goodArn), /Version must be "2012-10-17"/);
	assert.match(error([policy([{ Effect: 'Allow', Action: '*', Resource: '*', Condition: 'x' }])], goodAction, goodArn), /Condition must be a JSON object/);
});

test('bad input: an error in the second policy names policy 2', () => {
	assert.match(error([readBucket, '{'], goodAction, goodArn), /^Policy 2 is not valid JSON/);
});

test('bad input: malformed request action', () => {
	assert.match(error([readBucket], '', goodArn), /Enter an action/);
	assert.match(error([readBucket], 'GetObject', goodArn), /not an action/);
	assert.match(error([readBucket], 's3:Get*', goodArn), /wildcards/);
	assert.match(error([readBucket], 's3:Get Object', goodArn), /not an action/);
});

test('bad input: malformed request ARN', () => {
	assert.match(error([readBucket], goodAction, ''), /Enter a resource ARN/);
	assert.match(error([readBucket], goodAction, 'amzn-s3-demo-bucket/a'), /not an ARN/);
	assert.match(error([readBucket], goodAction, 'arn:aws:s3:::'), /no resource part/);
	assert.match(error([readBucket], goodAction, 'arn:aws:ec2:us-east-1:12345:instance/i-1'), /12-digit account/);
	assert.match(error([readBucket], goodAction, 'arn:azure:s3:::bucket/a'), /partition/);
	assert.match(error([readBucket], goodAction, `${BUCKET}/*`), /wildcards belong in policies/);
	assert.match(error([readBucket], goodAction, `arn:aws:s3:::${'a'.repeat(2100)}`), /at most 2048/);
});

test('bad input: non-string values never throw', () => {
	assert.doesNotThrow(() => evaluate([readBucket], undefined as unknown as string, null as unknown as string));
	assert.equal(evaluate([readBucket], undefined as unknown as string, goodArn).ok, false);
	assert.equal(parsePolicy(42 as unknown as string, 1).ok, false);
});

test('bad input: a Sid with characters other than ASCII letters and digits names the statement and the character', () => {
	const stmt = (Sid: string) => ({ Sid, Effect: 'Allow', Action: '*', Resource: '*' });
	assert.match(error([policy([stmt('Read-All')])], goodAction, goodArn), /^Policy 1, statement 1: Sid "Read-All" may only contain .*A–Z.*a–z.*0–9.*"-"/);
	assert.match(error([policy([stmt('Read All')])], goodAction, goodArn), /statement 1: Sid "Read All" .*a space/);
	assert.match(error([policy([stmt('Lecture1'), stmt('Écrire')])], goodAction, goodArn), /^Policy 1, statement 2: Sid "Écrire" .*"É"/);
	assert.match(error([policy(stmt('read_all'))], goodAction, goodArn), /^Policy 1, statement: Sid "read_all"/);
	assert.equal(evaluate([policy([stmt('ReadAll2026')])], goodAction, goodArn).ok, true);
});

test('bad input: the same Sid twice in one policy names both statements; across policies it is fine', () => {
	const stmt = (Sid: string) => ({ Sid, Effect: 'Allow', Action: '*', Resource: '*' });
	assert.match(
		error([policy([stmt('ReadAll'), stmt('Other'), stmt('ReadAll')])], goodAction, goodArn),
		/^Policy 1, statement 3: Sid "ReadAll" is already used by statement 1; each Sid must be unique within a policy\./,
	);
	assert.match(error([readBucket, policy([stmt('A'), stmt('A')])], goodAction, goodArn), /^Policy 2, statement 2: Sid "A"/);
	assert.equal(evaluate([policy([stmt('ReadAll')]), policy([stmt('ReadAll')])], goodAction, goodArn).ok, true);
});
