import type { Address, Email } from 'postal-mime';
import { textOfHtml } from './html-text';
import type { ParsedMessageRow } from './message-import-session';

/** What threading and role assignment need from one parsed e-mail. */
export interface EmailFacts {
	messageId: string;
	/** Thread root first (References), then the direct parent (In-Reply-To). */
	references: string[];
	inReplyTo: string;
	from: string;
	/** To and Cc addresses, lower case. */
	recipients: string[];
	deliveredTo: string;
	sentAtMs: number | null;
	subject: string;
	text: string;
	/** Auto-Submitted, X-Autoreply, Precedence: auto_reply / bulk / junk / list. */
	isAutomated: boolean;
}

const ID_IN_BRACKETS = /<([^<>\s]+)>/g;

function messageIds(value: string | undefined): string[] {
	if (value === undefined) return [];
	const ids = [...value.matchAll(ID_IN_BRACKETS)].map((match) => match[1] ?? '');
	return ids.length > 0 ? ids : value.split(/\s+/).filter((id) => id !== '');
}

function addressesOf(list: readonly Address[] | undefined): string[] {
	const out: string[] = [];
	for (const entry of list ?? []) {
		if (entry.address !== undefined) out.push(entry.address.toLowerCase());
		else for (const member of entry.group) out.push(member.address.toLowerCase());
	}
	return out.filter((address) => address !== '');
}

function header(email: Email, key: string): string {
	return email.headers.find((entry) => entry.key === key)?.value.trim() ?? '';
}

function isAutomatedEmail(email: Email): boolean {
	const autoSubmitted = header(email, 'auto-submitted').toLowerCase();
	if (autoSubmitted !== '' && autoSubmitted !== 'no') return true;
	if (header(email, 'x-autoreply') !== '' || header(email, 'x-autorespond') !== '') return true;
	const precedence = header(email, 'precedence').toLowerCase();
	return ['auto_reply', 'bulk', 'junk', 'list'].includes(precedence);
}

/** The facts of one e-mail as postal-mime parsed it. */
export function emailFacts(email: Email): EmailFacts {
	const from =
		email.from?.address !== undefined
			? email.from.address.toLowerCase()
			: (addressesOf(email.from === undefined ? [] : [email.from])[0] ?? '');
	const dateMs = email.date === undefined ? NaN : Date.parse(email.date);
	return {
		messageId: messageIds(email.messageId)[0] ?? '',
		references: messageIds(email.references),
		inReplyTo: messageIds(email.inReplyTo)[0] ?? '',
		from,
		recipients: [...addressesOf(email.to), ...addressesOf(email.cc)],
		deliveredTo: (email.deliveredTo ?? '').trim().toLowerCase(),
		sentAtMs: Number.isNaN(dateMs) ? null : dateMs,
		subject: (email.subject ?? '').trim(),
		text: (email.text ?? (email.html === undefined ? '' : textOfHtml(email.html))).trim(),
		isAutomated: isAutomatedEmail(email)
	};
}

/**
 * The shop's own address: the Delivered-To most messages carry (a Gmail Takeout has it on
 * every message), else the address that occurs most often across From, To and Cc.
 */
export function mailboxOwner(facts: readonly EmailFacts[]): string {
	const mostFrequent = (values: string[]) => {
		const counts = new Map<string, number>();
		for (const value of values) if (value !== '') counts.set(value, (counts.get(value) ?? 0) + 1);
		let best = '';
		let bestCount = 0;
		for (const [value, count] of counts)
			if (count > bestCount) {
				best = value;
				bestCount = count;
			}
		return best;
	};
	const delivered = mostFrequent(facts.map((fact) => fact.deliveredTo));
	if (delivered !== '') return delivered;
	// Recipients first: on a tie (a single mail) the receiving mailbox is the shop.
	return mostFrequent(facts.flatMap((fact) => [...fact.recipients, fact.from]));
}

/** Webmail domains many customers share: a same-domain sender there is not the shop. */
const SHARED_DOMAINS = new Set([
	'gmail.com',
	'googlemail.com',
	'outlook.com',
	'hotmail.com',
	'live.com',
	'yahoo.com',
	'icloud.com',
	'me.com',
	'aol.com',
	'gmx.de',
	'gmx.net',
	'web.de',
	'qq.com',
	'163.com',
	'126.com',
	'sina.com',
	'proton.me',
	'protonmail.com'
]);

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1);

/** Whether an address is the shop's: the owner, or a colleague at the owner's own domain. */
export function isShopAddress(address: string, owner: string): boolean {
	if (address === '' || owner === '') return false;
	if (address === owner) return true;
	const domain = domainOf(owner);
	return !SHARED_DOMAINS.has(domain) && domainOf(address) === domain;
}

/** "Re: AW: Fwd: Where is my order?" → "where is my order?" for the subject fallback. */
export function normalizeSubject(subject: string): string {
	return subject
		.replace(/^(\s*(re|fw|fwd|aw|wg|sv|vs|antw|答复|回复|转发)\s*(\[\d+\])?\s*[:：]\s*)+/i, '')
		.replace(/\s+/g, ' ')
		.trim()
		.toLowerCase();
}

/** FNV-1a of a few fields: an id for a mail without Message-ID, stable across re-imports. */
function hashId(parts: readonly string[]): string {
	let hash = 0x811c9dc5;
	for (const part of parts) {
		for (let i = 0; i < part.length; i++) {
			hash ^= part.charCodeAt(i);
			hash = Math.imul(hash, 0x01000193);
		}
		hash ^= 0x1f;
		hash = Math.imul(hash, 0x01000193);
	}
	return `no-id-${(hash >>> 0).toString(16).padStart(8, '0')}`;
}

/**
 * One e-mail as a message row. The thread is its References root (else In-Reply-To); a mail
 * whose thread root is not in the file joins by normalised subject and correspondent.
 * Mail from the shop's addresses is the agent side; automated mail is a bot.
 */
export function emailMessageRow(
	facts: EmailFacts,
	owner: string,
	rowNumber: number,
	raw: string
): ParsedMessageRow {
	if (facts.sentAtMs === null)
		return {
			ok: false,
			row: { rowNumber, reason: 'missing_sent_at', column: 'Date', raw: [raw.slice(0, 2000)] }
		};
	const fromShop = isShopAddress(facts.from, owner);
	const correspondent = fromShop
		? (facts.recipients.find((address) => !isShopAddress(address, owner)) ?? '')
		: facts.from;
	const messageId =
		facts.messageId !== ''
			? facts.messageId
			: hashId([facts.from, String(facts.sentAtMs), facts.subject]);
	return {
		ok: true,
		message: {
			conversationId: '',
			messageId,
			parentId: facts.references[0] ?? facts.inReplyTo,
			threadHint: `subject:${normalizeSubject(facts.subject)}|${correspondent}`,
			conversationSolvedAtMs: NaN,
			role: facts.isAutomated ? 'bot' : fromShop ? 'agent' : 'customer',
			isPublic: true,
			isAutomated: facts.isAutomated,
			event: 'message',
			sentAtMs: facts.sentAtMs,
			text: facts.text,
			authorId: facts.from,
			channel: 'email',
			subject: facts.subject
		}
	};
}
