import {
	CORE_KPI_IDS,
	type CoreKpiId,
	type KpiId,
	type ServiceKpiId
} from '$lib/core/metrics/overview-kpis';
import { MESSAGES, interpolate, type Locale } from './messages';

/**
 * Labels of the service KPI tiles and the strings of the Settings page and the overview's
 * "computed with" note, English and 简体中文 (same style as messages.ts).
 */
export interface KpiMessages
	extends Record<`kpi.${ServiceKpiId}`, string>, Record<`def.${ServiceKpiId}`, string> {
	'service.hoursNote': string;
	'sla.detail': string;
	'service.noHoursNote': string;
	'service.slaNote': string;
	'service.slaCalendar': string;
	'service.slaBusiness': string;
	'service.editLink': string;
	'service.closedAllWeek': string;
	'service.holidayCount': string;
	'backlog.title': string;
	'backlog.open': string;
	'backlog.summary': string;
	'backlog.point': string;
	'settings.title': string;
	'settings.intro': string;
	'settings.hoursLegend': string;
	'settings.hoursHint': string;
	'settings.open': string;
	'settings.opens': string;
	'settings.closes': string;
	'settings.closed': string;
	'settings.dayError': string;
	'settings.holidaysLegend': string;
	'settings.holidaysHint': string;
	'settings.holidayDate': string;
	'settings.addHoliday': string;
	'settings.removeHoliday': string;
	'settings.noHolidays': string;
	'settings.slaLegend': string;
	'settings.slaHint': string;
	'settings.clockLegend': string;
	'settings.clockCalendar': string;
	'settings.clockBusiness': string;
	'settings.firstResponseTargets': string;
	'settings.resolutionTargets': string;
	'settings.channel': string;
	'settings.targetLabel': string;
	'settings.targetError': string;
	'settings.save': string;
	'settings.reset': string;
	'settings.saved': string;
	'settings.invalid': string;
	'settings.loading': string;
	'priority.urgent': string;
	'priority.high': string;
	'priority.normal': string;
	'priority.low': string;
	'channel.otherUnknown': string;
}

const en: KpiMessages = {
	'kpi.solved_tickets': 'Solved',
	'kpi.backlog_open': 'Still open',
	'kpi.first_response_business_median_s': 'First response, business hours (median)',
	'kpi.resolution_business_median_s': 'Full resolution, business hours (median)',
	'kpi.one_touch_rate': 'One-touch resolution',
	'kpi.reopen_rate': 'Reopen rate',
	'kpi.replies_median': 'Agent replies per solved ticket (median)',
	'kpi.replies_mean': 'Agent replies per solved ticket (mean)',
	'kpi.sla_first_response_rate': 'First responses within target (SLA)',
	'kpi.sla_resolution_rate': 'Resolutions within target (SLA)',
	'kpi.first_resolution_median_s': 'First resolution (median)',
	'def.first_resolution_median_s':
		'Median time from creation to the first solve, over tickets solved at least once (reopened ones included); the full resolution runs to the last solve.',
	'def.solved_tickets': 'Tickets whose current status is Solved or Closed.',
	'def.backlog_open':
		'Tickets not Solved or Closed at the moment the data describes (its latest creation, reply or solve), reopened tickets included.',
	'def.first_response_business_median_s':
		'Median time from creation to the first agent reply, counting only the opening hours set in Settings (weekends and holidays skipped). Same tickets as the calendar median.',
	'def.resolution_business_median_s':
		'Median time from creation to the last solve of Solved or Closed tickets, counting only opening hours. Same tickets as the calendar median.',
	'def.one_touch_rate':
		'Solved or Closed tickets with at most one agent reply (zero counts, as in Zendesk), among those whose reply count the export states.',
	'def.reopen_rate':
		'Solved or Closed tickets reopened at least once, among those whose reopen count the export states.',
	'def.replies_median':
		'Median number of agent replies per Solved or Closed ticket with a stated count.',
	'def.replies_mean':
		'Mean number of agent replies per Solved or Closed ticket with a stated count.',
	'def.sla_first_response_rate':
		'First replies within the target for the ticket’s channel and priority (Settings), over replies plus tickets still waiting past their target. Waiting tickets within target are not yet counted.',
	'def.sla_resolution_rate':
		'Tickets solved within the resolution target for their channel and priority, over those plus open tickets already past their target.',
	'sla.detail': '{breached} breached, {pending} waiting within target',
	'service.hoursNote': 'Business hours: {hours}, time zone {zone}; {holidays}.',
	'service.noHoursNote':
		'No opening hours are set, so business-hours figures are not computed (shown as –).',
	'service.slaNote': 'SLA targets per channel and priority, counted in {clock}.',
	'service.slaCalendar': 'calendar time',
	'service.slaBusiness': 'business hours',
	'service.editLink': 'Change in Settings',
	'service.closedAllWeek': 'closed every day',
	'service.holidayCount': '{n} holiday(s)',
	'backlog.title': 'Open tickets at the end of each day',
	'backlog.open': 'Open at end of day',
	'backlog.summary':
		'From {from} to {to}: {created} tickets created, {solved} solved; {open} open at the end of {to}.',
	'backlog.point': '{day}: {open} open at end of day ({created} created, {solved} solved)',
	'settings.title': 'Service settings',
	'settings.intro':
		'Opening hours, holidays and SLA targets used by the overview’s business-hours and SLA figures. Times are wall-clock times in the shop time zone ({zone}). Stored on this device only.',
	'settings.hoursLegend': 'Business hours',
	'settings.hoursHint':
		'One opening window per day. A close time of 00:00 means midnight at the end of the day.',
	'settings.open': 'Open on {day}',
	'settings.opens': 'Opens',
	'settings.closes': 'Closes',
	'settings.closed': 'Closed',
	'settings.dayError': '{day}: the closing time must be after the opening time.',
	'settings.holidaysLegend': 'Holidays',
	'settings.holidaysHint': 'Days the shop is closed all day, e.g. public holidays.',
	'settings.holidayDate': 'Holiday date',
	'settings.addHoliday': 'Add holiday',
	'settings.removeHoliday': 'Remove holiday {date}',
	'settings.noHolidays': 'No holidays.',
	'settings.slaLegend': 'SLA targets',
	'settings.slaHint':
		'Targets in hours per channel and priority; leave a cell empty for no target. Tickets without a priority use Normal; tickets of unknown channel use Other.',
	'settings.clockLegend': 'Count SLA time in',
	'settings.clockCalendar': 'Calendar time (around the clock)',
	'settings.clockBusiness': 'Business hours only',
	'settings.firstResponseTargets': 'First response target (hours)',
	'settings.resolutionTargets': 'Resolution target (hours)',
	'settings.channel': 'Channel',
	'settings.targetLabel': '{kind}: {channel}, {priority}',
	'settings.targetError': 'Targets must be positive numbers of hours (or empty).',
	'settings.save': 'Save settings',
	'settings.reset': 'Restore defaults',
	'settings.saved': 'Saved. The overview uses these settings now.',
	'settings.invalid': 'Not saved: please correct the fields marked above.',
	'settings.loading': 'Loading settings…',
	'priority.urgent': 'Urgent',
	'priority.high': 'High',
	'priority.normal': 'Normal',
	'priority.low': 'Low',
	'channel.otherUnknown': 'Other / unknown'
};

const zhCN: KpiMessages = {
	'kpi.solved_tickets': '已解决',
	'kpi.backlog_open': '仍未解决',
	'kpi.first_response_business_median_s': '首次响应·工作时间（中位数）',
	'kpi.resolution_business_median_s': '完全解决·工作时间（中位数）',
	'kpi.one_touch_rate': '一次回复解决率',
	'kpi.reopen_rate': '重开率',
	'kpi.replies_median': '每张已解决工单的客服回复数（中位数）',
	'kpi.replies_mean': '每张已解决工单的客服回复数（平均）',
	'kpi.sla_first_response_rate': '首次响应达标率（SLA）',
	'kpi.sla_resolution_rate': '解决时效达标率（SLA）',
	'kpi.first_resolution_median_s': '首次解决时间（中位数）',
	'def.first_resolution_median_s':
		'从创建到第一次解决的时间中位数，统计至少解决过一次的工单（含重开的工单）；完全解决时间则计到最后一次解决。',
	'def.solved_tickets': '当前状态为已解决或已关闭的工单。',
	'def.backlog_open':
		'在数据所描述的时刻（最近一次创建、回复或解决）尚未解决或关闭的工单，包括重开的工单。',
	'def.first_response_business_median_s':
		'从创建到客服首次回复的时间中位数，只计算设置中的营业时间（跳过周末和节假日）。工单范围与自然时间中位数相同。',
	'def.resolution_business_median_s':
		'已解决或已关闭工单从创建到最后一次解决的时间中位数，只计算营业时间。工单范围与自然时间中位数相同。',
	'def.one_touch_rate':
		'客服回复不超过一次（含零次，与 Zendesk 相同）的已解决工单，占导出数据中注明回复次数的已解决工单的比例。',
	'def.reopen_rate': '至少重开过一次的已解决工单，占注明重开次数的已解决工单的比例。',
	'def.replies_median': '每张注明回复次数的已解决工单的客服回复数中位数。',
	'def.replies_mean': '每张注明回复次数的已解决工单的客服回复数平均值。',
	'def.sla_first_response_rate':
		'按渠道和优先级目标（设置）计算：在目标内的首次回复，占首次回复数加上已超过目标仍在等待的工单数的比例。尚在目标内等待的工单暂不计入。',
	'def.sla_resolution_rate':
		'在解决目标内解决的工单，占这些工单加上已超过目标仍未解决的工单的比例。',
	'sla.detail': '{breached} 张超时，{pending} 张在目标内等待',
	'service.hoursNote': '工作时间：{hours}，时区 {zone}；{holidays}。',
	'service.noHoursNote': '尚未设置营业时间，因此不计算工作时间指标（显示为 –）。',
	'service.slaNote': 'SLA 目标按渠道和优先级设定，按{clock}计算。',
	'service.slaCalendar': '自然时间',
	'service.slaBusiness': '工作时间',
	'service.editLink': '在设置中修改',
	'service.closedAllWeek': '每天休息',
	'service.holidayCount': '{n} 个节假日',
	'backlog.title': '每日结束时未解决的工单',
	'backlog.open': '当日结束时未解决',
	'backlog.summary':
		'{from} 至 {to}：新建 {created} 张工单，解决 {solved} 张；{to} 结束时仍有 {open} 张未解决。',
	'backlog.point': '{day}：当日结束时 {open} 张未解决（新建 {created}，解决 {solved}）',
	'settings.title': '服务设置',
	'settings.intro':
		'概览中工作时间和 SLA 指标所用的营业时间、节假日和 SLA 目标。时间为店铺时区（{zone}）的当地时间。仅保存在本设备上。',
	'settings.hoursLegend': '工作时间',
	'settings.hoursHint': '每天一个营业时段。结束时间 00:00 表示当天午夜。',
	'settings.open': '{day}营业',
	'settings.opens': '开始',
	'settings.closes': '结束',
	'settings.closed': '休息',
	'settings.dayError': '{day}：结束时间必须晚于开始时间。',
	'settings.holidaysLegend': '节假日',
	'settings.holidaysHint': '全天休息的日子，例如法定节假日。',
	'settings.holidayDate': '节假日日期',
	'settings.addHoliday': '添加节假日',
	'settings.removeHoliday': '删除节假日 {date}',
	'settings.noHolidays': '没有节假日。',
	'settings.slaLegend': 'SLA 目标',
	'settings.slaHint':
		'按渠道和优先级设定目标（小时）；留空表示不设目标。没有优先级的工单按“普通”计算；渠道未知的工单按“其他”计算。',
	'settings.clockLegend': 'SLA 计时方式',
	'settings.clockCalendar': '自然时间（全天候）',
	'settings.clockBusiness': '仅工作时间',
	'settings.firstResponseTargets': '首次响应目标（小时）',
	'settings.resolutionTargets': '解决目标（小时）',
	'settings.channel': '渠道',
	'settings.targetLabel': '{kind}：{channel}，{priority}',
	'settings.targetError': '目标须为正数小时（或留空）。',
	'settings.save': '保存设置',
	'settings.reset': '恢复默认',
	'settings.saved': '已保存。概览现在使用这些设置。',
	'settings.invalid': '未保存：请更正上面标出的字段。',
	'settings.loading': '正在加载设置…',
	'priority.urgent': '紧急',
	'priority.high': '高',
	'priority.normal': '普通',
	'priority.low': '低',
	'channel.otherUnknown': '其他／未知'
};

export const KPI_MESSAGES: Record<Locale, KpiMessages> = { en, 'zh-CN': zhCN };

export function kpiText(
	locale: Locale,
	key: keyof KpiMessages,
	params?: Record<string, string | number>
): string {
	return interpolate(KPI_MESSAGES[locale][key], params);
}

const isCoreKpi = (id: KpiId): id is CoreKpiId => (CORE_KPI_IDS as readonly string[]).includes(id);

/** A tile's label, whichever file holds it. */
export function kpiLabel(locale: Locale, id: KpiId): string {
	return isCoreKpi(id) ? MESSAGES[locale][`kpi.${id}`] : KPI_MESSAGES[locale][`kpi.${id}`];
}

/** A service KPI's one-line definition (for "how is this computed?"); null for core KPIs. */
export function kpiDefinition(locale: Locale, id: KpiId): string | null {
	return isCoreKpi(id) ? null : KPI_MESSAGES[locale][`def.${id}`];
}
