import type { CoreKpiId } from '$lib/core/metrics/overview-kpis';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

type KpiMessages = { [K in CoreKpiId as `kpi.${K}`]: string };

export interface Messages extends KpiMessages {
	'app.name': string;
	'app.tagline': string;
	'app.privacy': string;
	'language.label': string;
	'drop.title': string;
	'drop.hint': string;
	'drop.choose': string;
	'drop.demo': string;
	'import.running': string;
	'import.done': string;
	'import.error': string;
	'import.cancel': string;
	'import.rowsRead': string;
	'import.imported': string;
	'import.duplicates': string;
	'import.quarantined': string;
	'import.rowsPerSecond': string;
	'import.progressLabel': string;
	'overview.title': string;
	'overview.empty': string;
	'overview.loading': string;
	'overview.basedOn': string;
	'chart.title': string;
	'chart.tickets': string;
	'chart.firstResponse': string;
	'chart.summary': string;
	'footer.offline': string;
	'footer.about': string;
	'about.title': string;
	'about.mlBackend': string;
	'about.storage': string;
	'settings.timeZone': string;
	'nav.label': string;
	'nav.overview': string;
	'nav.forecast': string;
	'nav.alerts': string;
	'nav.about': string;
	'nav.settings': string;
	'breakdown.byAgent': string;
	'heatmap.title': string;
	'heatmap.tickets': string;
	'heatmap.firstResponse': string;
	'breakdown.byChannel': string;
	'breakdown.agent': string;
	'breakdown.channel': string;
	'breakdown.tickets': string;
	'breakdown.firstResponse': string;
	'breakdown.resolution': string;
	'breakdown.csat': string;
	'breakdown.fewRatings': string;
	'breakdown.unassigned': string;
	'channel.email': string;
	'channel.chat': string;
	'channel.phone': string;
	'channel.social': string;
	'channel.web': string;
	'channel.api': string;
	'channel.other': string;
	'history.title': string;
	'history.remove': string;
	'history.removeLabel': string;
	'history.confirmRemove': string;
	'history.counts': string;
	'history.quality': string;
	'history.fillRates': string;
	'history.column': string;
	'history.filled': string;
	'history.downloadQuarantine': string;
	'warning.reply_before_creation': string;
	'warning.solved_before_creation': string;
	'warning.created_from_first_response': string;
}

const en: Messages = {
	'app.name': 'Service Lens',
	'app.tagline': 'See, and raise, the quality of your customer service.',
	'app.privacy': 'Your data never leaves this device: files are read and analysed in your browser.',
	'language.label': 'Language',
	'drop.title': 'Drop your helpdesk, chat, survey or order exports here',
	'drop.hint': 'CSV, JSON or NDJSON; several files at once are fine.',
	'drop.choose': 'Choose files',
	'drop.demo': 'Try the demo shop',
	'import.running': 'Importing {file}…',
	'import.done': 'Import finished',
	'import.error': 'Import failed',
	'import.cancel': 'Cancel',
	'import.rowsRead': 'Rows read',
	'import.imported': 'Imported',
	'import.duplicates': 'Merged duplicates',
	'import.quarantined': 'Quarantined',
	'import.rowsPerSecond': '{rate} rows/s',
	'import.progressLabel': 'Import progress',
	'overview.title': 'Service overview',
	'overview.empty': 'No tickets yet. Drop an export or try the demo shop.',
	'overview.loading': 'Computing…',
	'overview.basedOn': 'n = {n}',
	'chart.title': 'Daily tickets and first-response median',
	'chart.tickets': 'Tickets',
	'chart.firstResponse': 'First response (median)',
	'chart.summary': '{days} days from {from} to {to}; busiest day {peakDay} with {peak} tickets.',
	'footer.offline': 'Works offline once loaded. Install it from your browser menu.',
	'footer.about': 'About this device',
	'about.title': 'About this device',
	'about.mlBackend': 'Model runtime (TensorFlow.js backend)',
	'about.storage': 'Stored in this browser',
	'settings.timeZone': 'Shop time zone',
	'nav.label': 'Sections',
	'nav.overview': 'Overview',
	'nav.forecast': 'Forecast & staffing',
	'nav.alerts': 'Alerts',
	'nav.about': 'This device',
	'nav.settings': 'Settings',
	'breakdown.byAgent': 'By agent',
	'heatmap.title': 'By weekday and hour',
	'heatmap.tickets': 'Tickets',
	'heatmap.firstResponse': 'First response (median)',
	'breakdown.byChannel': 'By channel',
	'breakdown.agent': 'Agent',
	'breakdown.channel': 'Channel',
	'breakdown.tickets': 'Tickets',
	'breakdown.firstResponse': 'First response (median)',
	'breakdown.resolution': 'Full resolution (median)',
	'breakdown.csat': 'CSAT satisfied (95% interval)',
	'breakdown.fewRatings': 'few ratings',
	'breakdown.unassigned': '(not set)',
	'channel.email': 'E-mail',
	'channel.chat': 'Chat',
	'channel.phone': 'Phone',
	'channel.social': 'Social',
	'channel.web': 'Web form',
	'channel.api': 'API',
	'channel.other': 'Other',
	'history.title': 'Imported files',
	'history.remove': 'Remove',
	'history.removeLabel': 'Remove {file} and all its rows',
	'history.confirmRemove': 'Remove "{file}" and every row it imported?',
	'history.counts':
		'{rowsRead} rows read: {imported} imported, {duplicates} merged duplicates, {quarantined} quarantined',
	'history.quality': 'Data quality',
	'history.fillRates': 'Share of rows with a value, per column',
	'history.column': 'Column',
	'history.filled': 'Filled',
	'history.downloadQuarantine': 'Download the {count} quarantined rows (CSV)',
	'warning.reply_before_creation':
		'{count} tickets have a reply before their creation time (left out of first-response times)',
	'warning.solved_before_creation':
		'{count} tickets were solved before their creation time (left out of resolution times)',
	'warning.created_from_first_response':
		'This file has no creation time column: {count} tickets are dated by their first reply, and no response or resolution times are derived.',
	'kpi.tickets': 'Tickets',
	'kpi.first_response_median_s': 'First response (median)',
	'kpi.first_response_p90_s': 'First response (p90)',
	'kpi.resolution_median_s': 'Full resolution (median)',
	'kpi.resolution_rate': 'Resolution rate',
	'kpi.csat_satisfied_rate': 'CSAT satisfied',
	'kpi.csat_mean': 'CSAT mean (1–5)'
};

const zhCN: Messages = {
	'app.name': 'Service Lens 服务透镜',
	'app.tagline': '看清并提升您的客户服务质量。',
	'app.privacy': '您的数据不会离开本设备：文件在浏览器中读取和分析。',
	'language.label': '语言',
	'drop.title': '将客服工单、聊天、问卷或订单导出文件拖放到这里',
	'drop.hint': '支持 CSV、JSON 或 NDJSON，可一次拖入多个文件。',
	'drop.choose': '选择文件',
	'drop.demo': '试用示例店铺',
	'import.running': '正在导入 {file}…',
	'import.done': '导入完成',
	'import.error': '导入失败',
	'import.cancel': '取消',
	'import.rowsRead': '读取行数',
	'import.imported': '已导入',
	'import.duplicates': '合并的重复行',
	'import.quarantined': '已隔离',
	'import.rowsPerSecond': '每秒 {rate} 行',
	'import.progressLabel': '导入进度',
	'overview.title': '服务概览',
	'overview.empty': '还没有工单。请拖入导出文件，或试用示例店铺。',
	'overview.loading': '计算中…',
	'overview.basedOn': '样本数 {n}',
	'chart.title': '每日工单量与首次响应中位数',
	'chart.tickets': '工单',
	'chart.firstResponse': '首次响应（中位数）',
	'chart.summary': '{from} 至 {to} 共 {days} 天；最忙的一天是 {peakDay}，共 {peak} 个工单。',
	'footer.offline': '加载后可离线使用。可从浏览器菜单安装本应用。',
	'footer.about': '关于本设备',
	'about.title': '关于本设备',
	'about.mlBackend': '模型运行时（TensorFlow.js 后端）',
	'about.storage': '本浏览器中已存储',
	'settings.timeZone': '店铺时区',
	'nav.label': '栏目',
	'nav.overview': '概览',
	'nav.forecast': '预测与排班',
	'nav.alerts': '预警',
	'nav.about': '本设备',
	'nav.settings': '设置',
	'breakdown.byAgent': '按客服',
	'heatmap.title': '按星期与小时',
	'heatmap.tickets': '工单',
	'heatmap.firstResponse': '首次响应（中位数）',
	'breakdown.byChannel': '按渠道',
	'breakdown.agent': '客服',
	'breakdown.channel': '渠道',
	'breakdown.tickets': '工单',
	'breakdown.firstResponse': '首次响应（中位数）',
	'breakdown.resolution': '完全解决（中位数）',
	'breakdown.csat': '满意率（95% 区间）',
	'breakdown.fewRatings': '评价较少',
	'breakdown.unassigned': '（未设置）',
	'channel.email': '邮件',
	'channel.chat': '在线聊天',
	'channel.phone': '电话',
	'channel.social': '社交媒体',
	'channel.web': '网页表单',
	'channel.api': 'API',
	'channel.other': '其他',
	'history.title': '已导入的文件',
	'history.remove': '删除',
	'history.removeLabel': '删除 {file} 及其全部行',
	'history.confirmRemove': '删除“{file}”及其导入的全部行？',
	'history.counts':
		'读取 {rowsRead} 行：导入 {imported}，合并重复 {duplicates}，隔离 {quarantined}',
	'history.quality': '数据质量',
	'history.fillRates': '各列有值的行所占比例',
	'history.column': '列',
	'history.filled': '有值',
	'history.downloadQuarantine': '下载 {count} 条被隔离的行（CSV）',
	'warning.reply_before_creation': '{count} 个工单的回复早于创建时间（未计入首次响应时间）',
	'warning.solved_before_creation': '{count} 个工单的解决早于创建时间（未计入解决时间）',
	'warning.created_from_first_response':
		'此文件没有创建时间列：{count} 个工单按首次回复时间计日期，不计算响应与解决时长',
	'kpi.tickets': '工单数',
	'kpi.first_response_median_s': '首次响应（中位数）',
	'kpi.first_response_p90_s': '首次响应（P90）',
	'kpi.resolution_median_s': '完全解决（中位数）',
	'kpi.resolution_rate': '解决率',
	'kpi.csat_satisfied_rate': '满意率',
	'kpi.csat_mean': '满意度均分（1–5）'
};

export const MESSAGES: Readonly<Record<Locale, Messages>> = { en, 'zh-CN': zhCN };

/** Fills `{name}` placeholders. */
export function interpolate(
	template: string,
	params: Record<string, string | number> = {}
): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? String(params[name]) : whole
	);
}

export function pickLocale(preferred: readonly string[]): Locale {
	for (const tag of preferred) if (tag.toLowerCase().startsWith('zh')) return 'zh-CN';
	return 'en';
}
