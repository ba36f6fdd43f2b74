/**
 * Seeded generator of a large support mailbox as a Gmail Takeout .mbox, for the mailbox
 * benchmark (`npm run bench:mailbox`): threads of 2-5 mails between customers and the shop,
 * linked by Message-ID / In-Reply-To / References (a few replies carry no link and join by
 * subject), Gmail's envelope and X-GM headers, Received chains, auto-replies, quoted-printable
 * and base64 text, multipart/alternative HTML and multipart/mixed attachments. Like
 * bulk-tickets.ts it yields pieces of text (all ASCII, so characters = bytes), so the browser
 * never holds one giant string.
 */
import { chance, mulberry32, pick, randomInt, type Rng } from './random';

/** What the generated mailbox holds, filled in while pieces are taken. */
export interface BulkMailboxStats {
	bytes: number;
	messages: number;
	threads: number;
	/** Mails sent by the shop (agents and auto-replies). */
	shopMessages: number;
	withAttachment: number;
}

const DEFAULT_SEED = 20260303;
const DEFAULT_PIECE_CHARS = 2 * 1024 * 1024;
const PERIOD_START_MS = Date.UTC(2025, 9, 1, 7);
const THREAD_GAP_MS = 90_000;
const SHOP = 'support@lumen-shop.example';
const AGENTS = ['Kim Berg <kim@lumen-shop.example>', 'Lee Chen <lee@lumen-shop.example>'];
const CUSTOMER_DOMAINS = ['gmail.com', 'example.org', 'mail.example.com', 'qq.com', 'web.de'];
const FIRST_NAMES = ['Ann', 'Ben', 'Cara', 'Dan', 'Eva', 'Finn', 'Gao', 'Hana', 'Ines', 'Jon'];
const TOPICS = [
	'Where is my order #{n}?',
	'Refund for damaged vase (order {n})',
	'Wrong size delivered - exchange?',
	'Discount code does not work',
	'Invoice copy for #{n}',
	'Change delivery address for {n}'
];
/** "请把地址改成上海市" as an RFC 2047 encoded word: non-ASCII subjects stay ASCII on disk. */
const ENCODED_SUBJECT = '=?UTF-8?B?6K+35oqK5Zyw5Z2A5pS55oiQ5LiK5rW35biC?= #{n}';
const CUSTOMER_LINES = [
	'Hello, my order has not arrived yet. Can you check what happened?',
	'The parcel was damaged when it arrived and the vase inside is broken.',
	'I ordered size M but received an L. How do I exchange it?',
	'The code from your newsletter is rejected at checkout.',
	'Could you send me a copy of the invoice for my records?',
	'From the tracking page it says "label created" since Monday.'
];
const AGENT_LINES = [
	'Thank you for writing. I checked your order and it left our warehouse today.',
	'I am sorry about that! We have sent you a return label by e-mail.',
	'The refund was issued today; it shows on your statement in 3-5 days.',
	'I have updated the address; the courier will deliver on Thursday.'
];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (value: number) => String(value).padStart(2, '0');

/** "Mon, 02 Mar 2026 09:00:00 +0100" for an instant shown at a whole-hour UTC offset. */
export function rfc2822Date(epochMs: number, offsetHours = 0): string {
	const date = new Date(epochMs + offsetHours * 3_600_000);
	const sign = offsetHours < 0 ? '-' : '+';
	return (
		`${DAYS[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ` +
		`${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:` +
		`${pad(date.getUTCSeconds())} ${sign}${pad(Math.abs(offsetHours))}00`
	);
}

/** Gmail's envelope: "From 1780…@xxx Mon Mar 02 09:00:00 +0000 2026" (UTC). */
function envelope(threadId: string, epochMs: number): string {
	const date = new Date(epochMs);
	return (
		`From ${threadId}@xxx ${DAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ` +
		`${pad(date.getUTCDate())} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:` +
		`${pad(date.getUTCSeconds())} +0000 ${date.getUTCFullYear()}`
	);
}

/** Base64 of pseudo-random bytes in 76-character lines (a fake JPEG), made once per size. */
function base64Block(rng: Rng, bytes: number): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
	const lines: string[] = [];
	let line = '';
	for (let i = 0; i < Math.ceil(bytes / 3) * 4; i++) {
		line += alphabet[Math.floor(rng() * 64)];
		if (line.length === 76) {
			lines.push(line);
			line = '';
		}
	}
	if (line !== '') lines.push(line);
	return lines.join('\n');
}

/** ASCII text as base64 in 76-character lines. */
function base64Text(text: string): string {
	return (btoa(text).match(/.{1,76}/g) ?? []).join('\n');
}

interface Mail {
	threadId: string;
	sentAtMs: number;
	offsetHours: number;
	from: string;
	to: string;
	cc: string;
	subject: string;
	messageId: string;
	inReplyTo: string;
	references: string;
	deliveredTo: boolean;
	autoReply: boolean;
	body: string;
	/** plain, quoted-printable, base64 text, multipart/alternative, multipart/mixed. */
	layout: 'plain' | 'qp' | 'b64' | 'alternative' | 'mixed';
}

function render(mail: Mail, attachment: string, serial: number): string {
	const received = (hop: string) =>
		`Received: from ${hop} (${hop} [203.0.113.${serial % 250}])\n` +
		`        by mx.google.com with ESMTPS id ${serial.toString(36)}x${hop.length}\n` +
		`        for <${SHOP}>; ${rfc2822Date(mail.sentAtMs)}`;
	const headers = [
		envelope(mail.threadId, mail.sentAtMs),
		`X-GM-THRID: ${mail.threadId}`,
		`X-Gmail-Labels: ${mail.deliveredTo ? 'Inbox,Support' : 'Sent,Support'}`,
		...(mail.deliveredTo ? [`Delivered-To: ${SHOP}`] : []),
		received('mail-relay.example.net'),
		received('smtp.example.org'),
		`From: ${mail.from}`,
		`To: ${mail.to}`,
		...(mail.cc === '' ? [] : [`Cc: ${mail.cc}`]),
		`Subject: ${mail.subject}`,
		`Date: ${rfc2822Date(mail.sentAtMs, mail.offsetHours)}`,
		`Message-ID: <${mail.messageId}>`,
		...(mail.inReplyTo === '' ? [] : [`In-Reply-To: <${mail.inReplyTo}>`]),
		...(mail.references === '' ? [] : [`References: ${mail.references}`]),
		...(mail.autoReply ? ['Auto-Submitted: auto-replied', 'X-Autoreply: yes'] : []),
		'MIME-Version: 1.0'
	];
	const boundary = `b${serial.toString(36)}`;
	// mboxrd: a body line starting with "From " is written as ">From ".
	const text = mail.body.replace(/^(>*From )/gm, '>$1');
	let body: string;
	switch (mail.layout) {
		case 'plain':
			headers.push('Content-Type: text/plain; charset=utf-8');
			body = text;
			break;
		case 'qp':
			headers.push(
				'Content-Type: text/plain; charset=utf-8',
				'Content-Transfer-Encoding: quoted-printable'
			);
			body = `${text}\nGr=C3=BC=C3=9Fe =E2=80=94 ${mail.from.split(' ')[0]}`;
			break;
		case 'b64':
			headers.push('Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64');
			body = base64Text(mail.body);
			break;
		case 'alternative':
			headers.push(`Content-Type: multipart/alternative; boundary="${boundary}"`);
			body = [
				`--${boundary}`,
				'Content-Type: text/plain; charset=utf-8',
				'',
				text,
				`--${boundary}`,
				'Content-Type: text/html; charset=utf-8',
				'',
				`<html><body><p>${mail.body.split('\n').join('</p><p>')}</p></body></html>`,
				`--${boundary}--`
			].join('\n');
			break;
		case 'mixed':
			headers.push(`Content-Type: multipart/mixed; boundary="${boundary}"`);
			body = [
				`--${boundary}`,
				'Content-Type: text/plain; charset=utf-8',
				'',
				text,
				`--${boundary}`,
				'Content-Type: image/jpeg; name="photo.jpg"',
				'Content-Disposition: attachment; filename="photo.jpg"',
				'Content-Transfer-Encoding: base64',
				'',
				attachment,
				`--${boundary}--`
			].join('\n');
			break;
	}
	return `${headers.join('\n')}\n\n${body}\n\n`;
}

/**
 * Yields the mailbox in pieces of about `pieceChars` characters until `targetBytes` is
 * reached (whole threads, so the file ends a little past it). `stats` is filled in as it goes.
 */
export function* bulkMailboxPieces(
	targetBytes: number,
	options: { seed?: number; pieceChars?: number; stats?: BulkMailboxStats } = {}
): Generator<string> {
	const rng: Rng = mulberry32(options.seed ?? DEFAULT_SEED);
	const pieceChars = options.pieceChars ?? DEFAULT_PIECE_CHARS;
	const stats: BulkMailboxStats = options.stats ?? {
		bytes: 0,
		messages: 0,
		threads: 0,
		shopMessages: 0,
		withAttachment: 0
	};
	const attachments = [12_000, 30_000, 60_000].map((bytes) => base64Block(rng, bytes));
	let parts: string[] = [];
	let partChars = 0;
	let threadStartMs = PERIOD_START_MS;
	let serial = 0;
	while (stats.bytes < targetBytes) {
		const thread = stats.threads++;
		const threadId = String(1_780_000_000_000_000_000n + BigInt(thread));
		const name = pick(rng, FIRST_NAMES);
		const customer = `${name.toLowerCase()}.${thread}@${pick(rng, CUSTOMER_DOMAINS)}`;
		const customerFrom = `${name} ${String.fromCharCode(65 + (thread % 26))}. <${customer}>`;
		const order = String(1000 + (thread % 90_000));
		const topic = (chance(rng, 0.05) ? ENCODED_SUBJECT : pick(rng, TOPICS)).replace('{n}', order);
		const offsetHours = pick(rng, [0, 0, 1, 2, -5, 8]);
		const agent = pick(rng, AGENTS);
		const length = randomInt(rng, 2, 5);
		const autoReply = chance(rng, 0.15);
		/** Some shop replies lose In-Reply-To / References (forwarded, pasted): subject join. */
		const unlinked = chance(rng, 0.04);
		const ids: string[] = [];
		let atMs = threadStartMs;
		for (let i = 0; i < length; i++) {
			const fromCustomer = i % 2 === 0;
			const isAuto = autoReply && i === 1;
			const messageId = fromCustomer
				? `c${thread}.${i}@mail.example.com`
				: `s${thread}.${i}@lumen-shop.example`;
			const linked = i > 0 && !(unlinked && i === 1);
			const layout: Mail['layout'] = chance(rng, 0.08)
				? 'mixed'
				: pick(rng, ['plain', 'plain', 'qp', 'b64', 'alternative', 'alternative']);
			const lines = fromCustomer ? CUSTOMER_LINES : AGENT_LINES;
			const body = isAuto
				? 'Thanks for writing! We answer within one working day.'
				: [
						`Hi${fromCustomer ? '' : ` ${name}`},`,
						'',
						pick(rng, lines),
						pick(rng, lines),
						'',
						fromCustomer ? name : agent.split(' <')[0],
						...(i > 0
							? ['', `On an earlier day someone wrote:`, `> ${pick(rng, CUSTOMER_LINES)}`]
							: [])
					].join('\n');
			const mail: Mail = {
				threadId,
				sentAtMs: atMs,
				offsetHours: fromCustomer ? offsetHours : 0,
				from: fromCustomer ? customerFrom : isAuto ? `Lumen Shop Support <${SHOP}>` : agent,
				to: fromCustomer ? `Lumen Shop Support <${SHOP}>` : customerFrom,
				cc: !fromCustomer && !isAuto ? SHOP : '',
				subject: i === 0 ? topic : `Re: ${topic}`,
				messageId,
				inReplyTo: linked ? (ids[ids.length - 1] ?? '') : '',
				references: linked ? ids.map((id) => `<${id}>`).join(' ') : '',
				deliveredTo: fromCustomer,
				autoReply: isAuto,
				body,
				layout
			};
			if (layout === 'mixed') stats.withAttachment++;
			if (!fromCustomer) stats.shopMessages++;
			const text = render(mail, pick(rng, attachments), serial++);
			parts.push(text);
			partChars += text.length;
			stats.bytes += text.length;
			stats.messages++;
			ids.push(messageId);
			atMs += isAuto ? 5_000 : randomInt(rng, 5, 8 * 60) * 60_000;
			if (partChars >= pieceChars) {
				yield parts.join('');
				parts = [];
				partChars = 0;
			}
		}
		threadStartMs += THREAD_GAP_MS;
	}
	if (parts.length > 0) yield parts.join('');
}
