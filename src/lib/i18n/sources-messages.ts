import { interpolate, type Locale } from './messages';

/** Strings of the mapping screen, source kinds and customer linking (English and 简体中文). */
export interface SourcesMessages {
	'mapping.title': string;
	'mapping.intro': string;
	'mapping.preview': string;
	'mapping.column': string;
	'mapping.field': string;
	'mapping.type': string;
	'mapping.ignore': string;
	'mapping.needCreated': string;
	'mapping.import': string;
	'mapping.dismiss': string;
	'mapping.saved': string;
	'mapping.type.date': string;
	'mapping.type.duration': string;
	'mapping.type.number': string;
	'mapping.type.text': string;
	'mapping.type.empty': string;
	'field.externalId': string;
	'field.createdAt': string;
	'field.firstReplyAt': string;
	'field.firstResponseDuration': string;
	'field.solvedAt': string;
	'field.closedAt': string;
	'field.resolutionDuration': string;
	'field.firstResolutionDuration': string;
	'field.status': string;
	'field.channel': string;
	'field.priority': string;
	'field.agent': string;
	'field.group': string;
	'field.subject': string;
	'field.tags': string;
	'field.customerEmail': string;
	'field.customerId': string;
	'field.customerName': string;
	'field.csat': string;
	'field.agentReplies': string;
	'field.reopens': string;
	'source.tickets': string;
	'source.messages': string;
	'source.surveys': string;
	'source.orders': string;
	'source.customers': string;
	'customers.count': string;
	'sources.title': string;
	'sources.surveyAnswers': string;
	'sources.surveyCsat': string;
	'sources.nps': string;
	'sources.orders': string;
	'sources.repeatCustomers': string;
	'sources.basedOn': string;
	'sources.cancelled': string;
}

const en: SourcesMessages = {
	'mapping.title': 'Map the columns of {file}',
	'mapping.intro':
		'This file was not recognised. Check what each column holds; the mapping is remembered for files with the same columns.',
	'mapping.preview': 'First rows of {file}',
	'mapping.column': 'Column',
	'mapping.field': 'Imports as',
	'mapping.type': 'Values look like',
	'mapping.ignore': 'Do not import',
	'mapping.needCreated': 'Choose the column with the creation time to import.',
	'mapping.import': 'Import with this mapping',
	'mapping.dismiss': 'Dismiss',
	'mapping.saved': '{file}: applied the column mapping you saved on {date}.',
	'mapping.type.date': 'dates',
	'mapping.type.duration': 'durations',
	'mapping.type.number': 'numbers',
	'mapping.type.text': 'text',
	'mapping.type.empty': 'empty',
	'field.externalId': 'Ticket id',
	'field.createdAt': 'Created at',
	'field.firstReplyAt': 'First reply at',
	'field.firstResponseDuration': 'First response time (duration)',
	'field.solvedAt': 'Solved at',
	'field.closedAt': 'Closed at',
	'field.resolutionDuration': 'Resolution time (duration)',
	'field.firstResolutionDuration': 'First resolution time (duration)',
	'field.status': 'Status',
	'field.channel': 'Channel',
	'field.priority': 'Priority',
	'field.agent': 'Agent',
	'field.group': 'Group',
	'field.subject': 'Subject',
	'field.tags': 'Tags',
	'field.customerEmail': 'Customer e-mail',
	'field.customerId': 'Customer id',
	'field.customerName': 'Customer name',
	'field.csat': 'Satisfaction rating',
	'field.agentReplies': 'Agent replies',
	'field.reopens': 'Reopens',
	'source.tickets': 'tickets',
	'source.messages': 'messages',
	'source.surveys': 'survey answers',
	'source.orders': 'orders',
	'source.customers': 'customers',
	'customers.count':
		'{count} customers linked across tickets, surveys and orders (by e-mail, phone, customer id or order number).',
	'sources.title': 'Surveys and orders',
	'sources.surveyAnswers': 'Survey answers',
	'sources.surveyCsat': 'Survey CSAT (satisfied)',
	'sources.nps': 'Net Promoter Score',
	'sources.orders': 'Orders',
	'sources.repeatCustomers': 'Repeat customers',
	'sources.basedOn': 'n = {n}',
	'sources.cancelled': '{n} cancelled not counted'
};

const zhCN: SourcesMessages = {
	'mapping.title': '为 {file} 对应列',
	'mapping.intro': '未能识别此文件。请确认每一列的内容；相同列的文件下次会自动使用此对应关系。',
	'mapping.preview': '{file} 的前几行',
	'mapping.column': '列',
	'mapping.field': '导入为',
	'mapping.type': '值的类型',
	'mapping.ignore': '不导入',
	'mapping.needCreated': '请选择包含创建时间的列后再导入。',
	'mapping.import': '按此对应导入',
	'mapping.dismiss': '关闭',
	'mapping.saved': '{file}：已自动使用您在 {date} 保存的列对应关系。',
	'mapping.type.date': '日期',
	'mapping.type.duration': '时长',
	'mapping.type.number': '数字',
	'mapping.type.text': '文本',
	'mapping.type.empty': '空',
	'field.externalId': '工单编号',
	'field.createdAt': '创建时间',
	'field.firstReplyAt': '首次回复时间',
	'field.firstResponseDuration': '首次响应时长',
	'field.solvedAt': '解决时间',
	'field.closedAt': '关闭时间',
	'field.resolutionDuration': '解决时长',
	'field.firstResolutionDuration': '首次解决时长',
	'field.status': '状态',
	'field.channel': '渠道',
	'field.priority': '优先级',
	'field.agent': '客服',
	'field.group': '组',
	'field.subject': '标题',
	'field.tags': '标签',
	'field.customerEmail': '客户邮箱',
	'field.customerId': '客户编号',
	'field.customerName': '客户姓名',
	'field.csat': '满意度',
	'field.agentReplies': '客服回复数',
	'field.reopens': '重开次数',
	'source.tickets': '工单',
	'source.messages': '消息',
	'source.surveys': '问卷回答',
	'source.orders': '订单',
	'source.customers': '客户',
	'customers.count': '已按邮箱、电话、客户编号或订单号关联工单、问卷和订单中的 {count} 位客户。',
	'sources.title': '问卷与订单',
	'sources.surveyAnswers': '问卷回答',
	'sources.surveyCsat': '问卷满意率',
	'sources.nps': '净推荐值 (NPS)',
	'sources.orders': '订单',
	'sources.repeatCustomers': '复购客户占比',
	'sources.basedOn': '样本数 {n}',
	'sources.cancelled': '未计入已取消的 {n} 单'
};

export const SOURCES_MESSAGES: Record<Locale, SourcesMessages> = { en, 'zh-CN': zhCN };

export function sourcesText(
	locale: Locale,
	key: keyof SourcesMessages,
	params?: Record<string, string | number>
): string {
	return interpolate(SOURCES_MESSAGES[locale][key], params);
}
