import ConfirmAction from './ConfirmAction.tsx';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import {
	DATA_CHANGED,
	applyImport,
	buildExport,
	exportFileName,
	parseImport,
	readSiteEntries,
	type ImportPlan,
	type ListableAccess,
} from '../../lib/practice/stored-data.ts';
import { dateTimeText } from '../../lib/practice/dates.ts';
import './PracticeQuiz.css';
import './Review.css';

const storage: ListableAccess = () => window.localStorage;

type Message = { kind: 'done' | 'error'; text: string } | null;

/** Export to a file and import from one: progress, quiz drafts, the review queue and anything else the site stores. */
export default function YourData() {
	return (
		<div class="practice__quiz review-tool">
			<Data />
		</div>
	);
}

function Data() {
	const [ready, setReady] = useState(false);
	const [plan, setPlan] = useState<ImportPlan | null>(null);
	const [message, setMessage] = useState<Message>(null);
	const [focus, setFocus] = useState<'file' | null>(null);
	const fileRef = useRef<HTMLInputElement>(null);
	const id = `your-data-${useId()}`;

	useEffect(() => setReady(true), []);
	useEffect(() => {
		if (focus === 'file') fileRef.current?.focus();
		if (focus) setFocus(null);
	}, [focus]);

	if (!ready) {
		return (
			<p class="demo__needs-js">
				Export and import need JavaScript, which is turned off: your progress is kept in this browser's storage, which
				only scripts can read.
			</p>
		);
	}

	const exportData = () => {
		setPlan(null);
		let entries: Record<string, string>;
		try {
			const store = storage();
			if (!store) throw new Error('no storage');
			entries = readSiteEntries(store);
		} catch {
			setMessage({ kind: 'error', text: 'This browser does not let the site read its stored data, so there is nothing to export.' });
			return;
		}
		const now = Date.now();
		const { file, skipped } = buildExport(entries, now);
		const url = URL.createObjectURL(new Blob([JSON.stringify(file, null, '\t')], { type: 'application/json' }));
		const link = document.createElement('a');
		link.href = url;
		link.download = exportFileName(now);
		link.click();
		// The download has started; the blob is no longer needed once the click has been handled.
		setTimeout(() => URL.revokeObjectURL(url), 1_000);
		const count = Object.keys(file.data).length;
		setMessage({
			kind: 'done',
			text:
				(count === 0 ? 'Nothing is stored yet, so the file holds no data.' : `Saved ${count} ${count === 1 ? 'item' : 'items'} to ${link.download}.`) +
				(skipped.length ? ` Left out (not readable): ${skipped.join(', ')}.` : ''),
		});
	};

	const choose = async (event: Event) => {
		const input = event.currentTarget as HTMLInputElement;
		const file = input.files?.[0];
		setPlan(null);
		setMessage(null);
		if (!file) return;
		let text: string;
		try {
			text = await file.text();
		} catch {
			setMessage({ kind: 'error', text: 'The file could not be read. Nothing was changed.' });
			return;
		}
		const result = parseImport(text);
		if (!result.ok) {
			input.value = '';
			setMessage({ kind: 'error', text: `${result.error} Nothing was changed.` });
			return;
		}
		setPlan(result.value);
	};

	const cancel = () => {
		setPlan(null);
		setMessage({ kind: 'done', text: 'Import cancelled. Nothing was changed.' });
		if (fileRef.current) fileRef.current.value = '';
		setFocus('file');
	};

	const confirm = () => {
		if (!plan) return;
		const ok = applyImport(storage, plan);
		setPlan(null);
		if (fileRef.current) fileRef.current.value = '';
		setMessage(
			ok
				? { kind: 'done', text: `Imported ${plan.summary.length === 0 ? 'an empty backup: nothing is stored now' : plan.summary.join('; ')}.` }
				: { kind: 'error', text: 'This browser refused to store the data (it may be full or blocked). Nothing was changed.' },
		);
		window.dispatchEvent(new Event(DATA_CHANGED));
		setFocus('file');
	};

	return (
		<>
			<div class="practice__actions">
				<button type="button" class="practice__button" onClick={exportData}>
					Export my data
				</button>
			</div>
			<div class="review-tool__field">
				<label for={`${id}-file`}>Import a backup file</label>
				<input id={`${id}-file`} ref={fileRef} type="file" accept=".json,application/json" aria-describedby={`${id}-hint`} onChange={choose} />
				<p class="demo__note" id={`${id}-hint`}>
					A file saved with “Export my data”. It is checked first; nothing changes until you confirm.
				</p>
			</div>
			{plan && (
				<ConfirmAction
					// Another file chosen while asking is a new question: focus goes back to its Cancel.
					key={`${plan.exportedAt ?? ''}|${plan.summary.join('|')}`}
					id={`${id}-confirm`}
					question={
						<>
							Replace everything this site stores in this browser with the backup
							{plan.exportedAt ? ` from ${dateTimeText(plan.exportedAt)}` : ''}? What is stored now is lost.
						</>
					}
					confirmLabel="Replace my data"
					onConfirm={confirm}
					onCancel={cancel}
				>
					{plan.summary.length > 0 ? (
						<ul>
							{plan.summary.map((line) => (
								<li key={line}>{line}</li>
							))}
						</ul>
					) : (
						<p>The backup is empty: importing it clears your data.</p>
					)}
				</ConfirmAction>
			)}
			<div role="status" aria-live="polite">
				{message && <p class={message.kind === 'error' ? 'demo__error' : undefined}>{message.text}</p>}
			</div>
		</>
	);
}
