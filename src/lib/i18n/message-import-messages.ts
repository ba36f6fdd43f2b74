import type { DerivedTicketSummary } from '$lib/core/model/records';
import { formatCount } from '$lib/format/format';
import { interpolate, type Locale } from './messages';

/** Strings about message imports (chat, social, e-mail), English and 简体中文. */
export interface MessageImportMessages {
	'messageImport.derived': string;
	'messageImport.derivedMerged': string;
}

const en: MessageImportMessages = {
	'messageImport.derived':
		'Counts are messages. {conversations} conversations: {tickets} tickets derived, {outbound} without a customer message (no ticket).',
	'messageImport.derivedMerged': '{merged} of the tickets updated tickets imported before.'
};

const zh: MessageImportMessages = {
	'messageImport.derived':
		'以上按消息计数。共 {conversations} 个会话：生成 {tickets} 个工单，{outbound} 个会话没有客户消息（不计为工单）。',
	'messageImport.derivedMerged': '其中 {merged} 个工单更新了之前导入的工单。'
};

export const MESSAGE_IMPORT_MESSAGES: Record<Locale, MessageImportMessages> = {
	en,
	'zh-CN': zh
};

export function messageImportText(
	locale: Locale,
	key: keyof MessageImportMessages,
	params?: Record<string, string | number>
): string {
	return interpolate(MESSAGE_IMPORT_MESSAGES[locale][key], params);
}

/** The history line under a message import's counts. */
export function describeDerivedTickets(derived: DerivedTicketSummary, locale: Locale): string {
	const count = (value: number) => formatCount(value, locale);
	const line = messageImportText(locale, 'messageImport.derived', {
		conversations: count(derived.conversations),
		tickets: count(derived.tickets),
		outbound: count(derived.withoutCustomerMessage)
	});
	return derived.ticketsMerged === 0
		? line
		: `${line} ${messageImportText(locale, 'messageImport.derivedMerged', { merged: count(derived.ticketsMerged) })}`;
}
