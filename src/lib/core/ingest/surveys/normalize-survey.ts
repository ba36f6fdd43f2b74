import type { QuarantinedRow } from '../../model/records';
import type { SurveyAnswer, SurveyScale } from '../../model/survey';
import {
	normalizeEmail,
	normalizeOrderNumber,
	normalizePhone,
	rowCustomerKey
} from '../../customers/identifiers';
import { contentHash } from '../tickets/normalize-ticket';
import { normalizeCsat } from '../tickets/vocabularies';
import { parseDateTime } from '../values/parse-datetime';
import type { SurveyVendor } from '../sources/detect-source';
import type { SurveyColumnMapping, SurveyField } from './survey-fields';

export interface SurveyScore {
	score: number | null;
	scale: SurveyScale;
}

/**
 * A satisfaction answer on its own scale: Good/Bad words (also Great/Okay/Not Good and
 * Freshdesk's -103..103, via the ticket vocabulary), 1..5; 0..10 only from an NPS column
 * (a bare 0 or 6..10 in a CSAT column is no answer).
 */
export function normalizeSurveyScore(text: string, isNps: boolean): SurveyScore {
	const trimmed = text.trim();
	if (trimmed === '') return { score: null, scale: 'none' };
	if (isNps) {
		const value = Number(trimmed);
		return Number.isInteger(value) && value >= 0 && value <= 10
			? { score: value, scale: 'zero_to_ten' }
			: { score: null, scale: 'none' };
	}
	const answer = normalizeCsat(trimmed);
	return answer.scale === 'none'
		? { score: null, scale: 'none' }
		: { score: answer.score, scale: answer.scale };
}

export type NormalizedSurveyRow =
	{ ok: true; answer: SurveyAnswer } | { ok: false; row: QuarantinedRow };

export interface SurveyNormalizerOptions {
	headers: readonly string[];
	mapping: SurveyColumnMapping;
	vendor: SurveyVendor;
	timeZone: string;
}

/** Chatwoot writes the agent as "Name (email)": the name is what the tables show. */
const AGENT_WITH_EMAIL = /^(.*?)\s*\([^()]*@[^()]*\)\s*$/;

export function createSurveyNormalizer(options: SurveyNormalizerOptions) {
	const { headers, mapping, vendor } = options;
	const dateOptions = { timeZone: options.timeZone };
	const index = (field: SurveyField) => mapping[field] ?? -1;
	const columns = Object.fromEntries(
		(Object.keys(mapping) as SurveyField[]).map((field) => [field, index(field)])
	) as Partial<Record<SurveyField, number>>;
	const cell = (cells: readonly string[], field: SurveyField): string => {
		const i = columns[field];
		return i === undefined ? '' : (cells[i] ?? '').trim();
	};
	const header = (field: SurveyField) => {
		const i = columns[field];
		return i === undefined ? null : (headers[i] ?? null);
	};
	const scoreField: SurveyField = columns.npsScore !== undefined ? 'npsScore' : 'score';

	return function normalizeSurveyRow(
		cells: readonly string[],
		rowNumber: number
	): NormalizedSurveyRow {
		const reject = (reason: QuarantinedRow['reason'], field: SurveyField): NormalizedSurveyRow => ({
			ok: false,
			row: { rowNumber, reason, column: header(field), raw: [...cells] }
		});
		const respondedText = cell(cells, 'respondedAt') || cell(cells, 'sentAt');
		if (respondedText === '') return reject('missing_created_at', 'respondedAt');
		const respondedAtMs = parseDateTime(respondedText, dateOptions);
		if (respondedAtMs === null) return reject('invalid_created_at', 'respondedAt');
		const rawScore = cell(cells, scoreField);
		const { score, scale } = normalizeSurveyScore(rawScore, scoreField === 'npsScore');
		if (scale === 'none') return reject('missing_score', scoreField);

		const orderId = normalizeOrderNumber(cell(cells, 'orderId'));
		const ticketId = ticketIdFrom(cell(cells, 'ticketId'));
		const stated = cell(cells, 'externalId');
		// Olist: one review id may cover several orders, so the order is part of the identity.
		const externalId =
			stated === ''
				? contentHash(cells)
				: orderId !== '' && vendor === 'olist'
					? `${stated}/${orderId}`
					: stated;
		const email = normalizeEmail(cell(cells, 'customerEmail'));
		const customerId = cell(cells, 'customerId');
		const sentText = cell(cells, 'sentAt');
		const agent = cell(cells, 'agent');
		const title = cell(cells, 'commentTitle');
		const comment = cell(cells, 'comment');
		return {
			ok: true,
			answer: {
				key: `${vendor}:${externalId}`,
				externalId,
				respondedAtMs,
				sentAtMs: sentText === '' ? null : parseDateTime(sentText, dateOptions),
				score,
				scale,
				rawScore,
				comment: title !== '' && comment !== '' ? `${title}\n${comment}` : title || comment,
				ticketId,
				orderId,
				customerKey: rowCustomerKey(email, customerId),
				email,
				phone: normalizePhone(cell(cells, 'customerPhone')),
				customerId,
				customerName: cell(cells, 'customerName'),
				agent: AGENT_WITH_EMAIL.exec(agent)?.[1] ?? agent
			}
		};
	};
}

/** A ticket id from an id cell or a conversation link ("…/conversations/42" → "42"). */
function ticketIdFrom(text: string): string {
	const link = /\/conversations\/(\d+)/.exec(text);
	return link?.[1] ?? text.replace(/^#/, '');
}
