/**
 * The canonical ticket fields an export column can map to, and the header names
 * (English and Chinese) each vendor uses for them. Earlier synonyms win when a file
 * has several candidates (Zendesk's "Full resolution time in minutes" beats "Resolution time").
 */
export const TICKET_FIELDS = [
	'externalId',
	'createdAt',
	'firstReplyAt',
	'firstResponseDuration',
	'solvedAt',
	'closedAt',
	'resolutionDuration',
	'firstResolutionDuration',
	'status',
	'channel',
	'priority',
	'agent',
	'group',
	'subject',
	'tags',
	'customerEmail',
	'customerId',
	'customerName',
	'csat',
	'agentReplies',
	'reopens'
] as const;
export type TicketField = (typeof TICKET_FIELDS)[number];

/** Header names whose values may be either a timestamp or a duration; decided from the values. */
export const TIME_OR_DURATION: Partial<Record<TicketField, TicketField>> = {
	firstReplyAt: 'firstResponseDuration',
	solvedAt: 'resolutionDuration'
};

export const TICKET_HEADER_SYNONYMS: Readonly<Record<TicketField, readonly string[]>> = {
	externalId: [
		'id',
		'ticket id',
		'ticket number',
		'ticket no',
		'ticket #',
		'ticket',
		'case id',
		'case number',
		'conversation id',
		'display id',
		'#',
		'ticket#',
		'工单编号',
		'工单号',
		'工单id',
		'编号'
	],
	createdAt: [
		'created at',
		'created time',
		'created',
		'creation date',
		'creation time',
		'date created',
		'created date',
		'opened at',
		'submitted at',
		'创建时间',
		'提交时间',
		'创建日期'
	],
	firstReplyAt: [
		'first reply at',
		'first response at',
		'first responded at',
		'first replied at',
		'first response time',
		'first reply time',
		'first reply created at',
		'首次回复时间',
		'首次响应时间'
	],
	firstResponseDuration: [
		'first reply time in minutes',
		'first response time in minutes',
		'first response time (in hrs)',
		'first response time in hours',
		'first response duration',
		'first response in min',
		'first reply duration',
		'frt',
		'首次响应时长',
		'首次响应用时'
	],
	solvedAt: [
		'solved at',
		'resolved at',
		'resolved time',
		'solved time',
		'resolution date',
		'resolved date',
		'time to resolution',
		'解决时间',
		'完成时间'
	],
	closedAt: ['closed at', 'closed time', 'closed date', '关闭时间'],
	resolutionDuration: [
		'full resolution time in minutes',
		'resolution time in minutes',
		'resolution time (in hrs)',
		'resolution time in hours',
		'resolution time',
		'resolution duration',
		'close in min',
		'解决时长',
		'解决用时'
	],
	firstResolutionDuration: [
		'first resolution time in minutes',
		'first resolution time in hours',
		'first resolution time',
		'首次解决时长'
	],
	status: ['status', 'ticket status', 'state', '状态', '工单状态'],
	channel: [
		'via',
		'channel',
		'source',
		'ticket channel',
		'create channel',
		'inbox',
		'meta.channel',
		'渠道',
		'来源',
		'来源渠道'
	],
	priority: ['priority', 'ticket priority', '优先级'],
	agent: [
		'assignee',
		'agent',
		'assigned agent',
		'assigned to',
		'owner',
		'responder',
		'meta.assignee.name',
		'客服',
		'处理人',
		'负责人',
		'受理人'
	],
	group: ['group', 'team', 'assignee group', '组', '团队', '技能组'],
	subject: ['subject', 'ticket subject', 'title', 'summary', '标题', '主题'],
	tags: ['tags', 'tag', 'labels', '标签'],
	customerEmail: [
		'requester email',
		'customer email',
		'contact email',
		'requester.email',
		'customer.email',
		'contact.email',
		'contact email address',
		'meta.sender.email',
		'email',
		'e-mail',
		'客户邮箱',
		'邮箱'
	],
	customerId: [
		'requester id',
		'customer id',
		'contact id',
		'requester.id',
		'customer.id',
		'customer',
		'客户id',
		'客户编号'
	],
	customerName: [
		'requester',
		'requester name',
		'customer name',
		'requester.name',
		'customer.name',
		'contact name',
		'meta.sender.name',
		'full name',
		'name',
		'客户',
		'客户名称',
		'客户姓名'
	],
	csat: [
		'satisfaction score',
		'satisfaction rating',
		'customer satisfaction rating',
		'satisfaction',
		'csat',
		'csat score',
		'survey results',
		'rating',
		'满意度',
		'满意度评价',
		'评分'
	],
	agentReplies: ['replies', 'agent replies', 'agent interactions', '回复次数', '客服回复数'],
	reopens: ['reopens', 'reopen count', 'reopened', '重开次数']
};

/** Lower-case, trimmed, separators folded to single spaces: "Created_At " → "created at". */
export function normalizeHeader(header: string): string {
	return header
		.replace(/^\uFEFF/, '')
		.trim()
		.toLowerCase()
		.replace(/[_\s]+/g, ' ');
}
