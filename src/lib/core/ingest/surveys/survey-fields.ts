import { normalizeHeader } from '../tickets/ticket-fields';

/** Canonical fields of one survey answer or review, and the header names that carry them. */
export const SURVEY_FIELDS = [
	'externalId',
	'respondedAt',
	'sentAt',
	'score',
	'npsScore',
	'comment',
	'commentTitle',
	'ticketId',
	'orderId',
	'customerEmail',
	'customerPhone',
	'customerId',
	'customerName',
	'agent'
] as const;
export type SurveyField = (typeof SURVEY_FIELDS)[number];
export type SurveyColumnMapping = Partial<Record<SurveyField, number>>;

/** Earlier synonyms win; headers are compared after normalizeHeader. */
export const SURVEY_HEADER_SYNONYMS: Readonly<Record<SurveyField, readonly string[]>> = {
	externalId: [
		'review id',
		'response id',
		'survey response id',
		'id',
		'answer id',
		'评价id',
		'问卷id'
	],
	respondedAt: [
		'review answer timestamp',
		'recorded date',
		'scored datetime',
		'responded at',
		'response date',
		'answered at',
		'submitted at',
		'submitted',
		'created at',
		'created datetime',
		'date',
		'评价时间',
		'提交时间',
		'回答时间'
	],
	sentAt: ['review creation date', 'sent datetime', 'sent at', 'survey sent at', '发送时间'],
	score: [
		'review score',
		'rating',
		'ratings.default question',
		'score',
		'csat',
		'csat score',
		'satisfaction',
		'satisfaction rating',
		'satisfaction score',
		'满意度',
		'评分',
		'星级'
	],
	npsScore: [
		'nps',
		'nps score',
		'nps rating',
		'likelihood to recommend',
		'how likely are you to recommend us',
		'how likely are you to recommend us to a friend',
		'推荐度',
		'推荐意愿',
		'净推荐值'
	],
	comment: [
		'review comment message',
		'feedback comment',
		'feedback',
		'comment',
		'comments',
		'body text',
		'remark',
		'评价内容',
		'评论',
		'留言'
	],
	commentTitle: ['review comment title', 'title', '标题'],
	ticketId: [
		'ticket id',
		'conversation id',
		'link to the conversation',
		'ticket',
		'工单编号',
		'工单号'
	],
	orderId: ['order id', 'order number', 'order', 'order #', '订单号', '订单编号'],
	customerEmail: [
		'contact email address',
		'customer email',
		'email',
		'e-mail',
		'requester email',
		'客户邮箱',
		'邮箱'
	],
	customerPhone: [
		'contact phone number',
		'phone',
		'phone number',
		'customer phone',
		'手机',
		'电话'
	],
	customerId: ['customer id', 'user id', 'requester id', 'contact id', '客户id', '客户编号'],
	customerName: ['contact name', 'customer name', 'name', '客户', '客户姓名'],
	agent: ['agent name', 'agent', 'assignee', 'agent id', '客服']
};

/** Maps survey headers to fields by synonym (first match per field, each column used once). */
export function mapSurveyHeaders(headers: readonly string[]): SurveyColumnMapping {
	// Survey questions end in "?": "How likely are you to recommend us?".
	const normalized = headers.map((h) => normalizeHeader(h).replace(/\s*[?？]+$/, ''));
	const mapping: SurveyColumnMapping = {};
	const taken = new Set<number>();
	for (const field of SURVEY_FIELDS) {
		for (const synonym of SURVEY_HEADER_SYNONYMS[field]) {
			const column = normalized.findIndex((h, i) => h === synonym && !taken.has(i));
			if (column >= 0) {
				mapping[field] = column;
				taken.add(column);
				break;
			}
		}
	}
	return mapping;
}
