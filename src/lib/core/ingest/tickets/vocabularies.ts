import type { Channel, CsatScale, Priority, TicketStatus } from '../../model/ticket';

/** Lower-cased vendor spellings → canonical values. Unknown spellings become 'unknown'/'other'. */

/** A Map, not an object: a cell saying "constructor" must not find Object.prototype members. */
function wordTable<T>(words: Record<string, T>): ReadonlyMap<string, T> {
	return new Map(Object.entries(words));
}
const STATUS_WORDS = wordTable<TicketStatus>({
	new: 'new',
	新建: 'new',
	open: 'open',
	opened: 'open',
	reopened: 'open',
	'in progress': 'open',
	active: 'open',
	处理中: 'open',
	待处理: 'open',
	进行中: 'open',
	pending: 'pending',
	'pending customer response': 'pending',
	'waiting on customer': 'pending',
	'waiting on third party': 'pending',
	'awaiting customer': 'pending',
	snoozed: 'pending',
	待回复: 'pending',
	等待回复: 'pending',
	等待客户回复: 'pending',
	hold: 'on_hold',
	'on hold': 'on_hold',
	'on-hold': 'on_hold',
	挂起: 'on_hold',
	solved: 'solved',
	resolved: 'solved',
	done: 'solved',
	已解决: 'solved',
	已处理: 'solved',
	已完成: 'solved',
	closed: 'closed',
	已关闭: 'closed',
	关闭: 'closed',
	已结束: 'closed'
});

export function normalizeStatus(text: string): TicketStatus {
	const word = text.trim().toLowerCase();
	return word === '' ? 'unknown' : (STATUS_WORDS.get(word) ?? 'unknown');
}

const CHANNEL_WORDS = wordTable<Channel>({
	email: 'email',
	'e-mail': 'email',
	mail: 'email',
	邮件: 'email',
	电子邮件: 'email',
	chat: 'chat',
	'live chat': 'chat',
	'web widget': 'chat',
	messenger: 'chat',
	whatsapp: 'chat',
	sms: 'chat',
	在线: 'chat',
	在线客服: 'chat',
	在线咨询: 'chat',
	聊天: 'chat',
	phone: 'phone',
	'phone call': 'phone',
	voice: 'phone',
	call: 'phone',
	电话: 'phone',
	twitter: 'social',
	facebook: 'social',
	instagram: 'social',
	'social media': 'social',
	social: 'social',
	微博: 'social',
	微信: 'social',
	'web form': 'web',
	web: 'web',
	portal: 'web',
	form: 'web',
	'contact form': 'web',
	网页: 'web',
	表单: 'web',
	api: 'api'
});

export function normalizeChannel(text: string): Channel {
	const word = text.trim().toLowerCase();
	return word === '' ? 'unknown' : (CHANNEL_WORDS.get(word) ?? 'other');
}

const PRIORITY_WORDS = wordTable<Priority>({
	low: 'low',
	// Zammad writes its priorities numbered.
	'1 low': 'low',
	'2 normal': 'normal',
	'3 high': 'high',
	低: 'low',
	normal: 'normal',
	medium: 'normal',
	中: 'normal',
	普通: 'normal',
	high: 'high',
	高: 'high',
	urgent: 'urgent',
	critical: 'urgent',
	紧急: 'urgent'
});

export function normalizePriority(text: string): Priority {
	return PRIORITY_WORDS.get(text.trim().toLowerCase()) ?? 'unknown';
}

export interface CsatAnswer {
	score: number | null;
	scale: CsatScale;
}

const NO_ANSWER: CsatAnswer = { score: null, scale: 'none' };
/**
 * Words that mean satisfied / not satisfied. Three-point scales (Freshdesk's classic
 * "Awesome / Just Okay / Not Good", "Great / Okay / Not Good") pool as top-box: only the top
 * answer is satisfied, as 4-5 of 5 is on the five-point scale.
 */
const GOOD_WORDS = new Set([
	'good',
	'satisfied',
	'positive',
	'yes',
	'great',
	'awesome',
	'happy',
	'very happy',
	'extremely happy',
	'满意',
	'非常满意',
	'好评'
]);
const BAD_WORDS = new Set([
	'bad',
	'unsatisfied',
	'dissatisfied',
	'negative',
	'no',
	'okay',
	'ok',
	'just okay',
	'neutral',
	'not good',
	'unhappy',
	'very unhappy',
	'extremely unhappy',
	'不满意',
	'非常不满意',
	'一般',
	'差评'
]);

/** Freshdesk's satisfaction codes: 103/102/101 happy, 100 neutral, -101..-103 unhappy. */
const FRESHDESK_RATINGS = new Set([-103, -102, -101, 100, 101, 102, 103]);

/**
 * "Good"/"Bad", 1..5 (also "4.0" and "4 stars"), three-point words (Great/Okay/Not Good) and
 * Freshdesk's -103..103 codes (happy = Good, neutral and unhappy = Bad);
 * "Offered"/"Not Offered"/empty are no answer. The caller keeps the raw text.
 */
export function normalizeCsat(text: string): CsatAnswer {
	const word = text.trim().toLowerCase();
	if (word === '') return NO_ANSWER;
	if (GOOD_WORDS.has(word)) return { score: 1, scale: 'good_bad' };
	if (BAD_WORDS.has(word)) return { score: 0, scale: 'good_bad' };
	const match = /^(-?\d+(?:\.\d+)?)\s*(?:stars?|星|分)?$/.exec(word);
	if (match) {
		const score = Number(match[1]);
		if (score >= 1 && score <= 5) return { score, scale: 'five_point' };
		if (FRESHDESK_RATINGS.has(score)) return { score: score > 100 ? 1 : 0, scale: 'good_bad' };
	}
	return NO_ANSWER;
}

/** Zendesk writes tags space-separated; others use commas, semicolons or pipes. */
export function splitTags(text: string): string[] {
	const trimmed = text.trim();
	if (trimmed === '') return [];
	return trimmed.split(/[\s,;|，；]+/).filter((tag) => tag !== '');
}
