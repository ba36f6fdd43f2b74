import { interpolate, type Locale } from './messages';

/**
 * Strings of the Forecast page's events panel, event effects, per-series accuracy and the
 * staffing options (Erlang A, upper bound), English and 简体中文.
 */
const en = {
	'events.title': 'Promotions, holidays and launches',
	'events.intro':
		'Mark the days of past and planned events. The models learn how much busier (or quieter) each kind made past days and apply it to planned ones; a holiday with no past one to learn from is expected to be as quiet as your quietest weekday.',
	'events.name': 'Name',
	'events.kind': 'Kind',
	'events.firstDay': 'First day',
	'events.lastDay': 'Last day',
	'events.add': 'Add event',
	'events.none': 'No events marked yet.',
	'events.remove': 'Remove {name}',
	'events.removeShort': 'Remove',
	'events.kind.promotion': 'Promotion',
	'events.kind.holiday': 'Holiday',
	'events.kind.launch': 'Launch',
	'events.kind.other': 'Other',
	'events.problem.name-missing': 'Give the event a name.',
	'events.problem.name-too-long': 'The name is too long (80 characters at most).',
	'events.problem.kind-unknown': 'Choose a kind.',
	'events.problem.day-invalid': 'Enter the first (and last) day as a date.',
	'events.problem.last-before-first': 'The last day is before the first day.',
	'events.problem.too-long': 'An event can last 92 days at most.',
	'events.changed': 'Your events changed: the forecast is being refitted.',
	'events.legend': 'Marked events',
	'events.effectsTitle': 'What the events do to {series}',
	'events.effect.learnt': '{kind}: ×{factor} (learnt from {hours} hours of past events)',
	'events.effect.quietest-day':
		'{kind}: as busy as the quietest weekday (no past one to learn from)',
	'events.effect.none': '{kind}: no effect (no past event of this kind in the history)',
	'accuracy.seriesReason': 'Backtest of {series}.',
	'staffing.model': 'Chat and phone model',
	'staffing.model.erlang-c': 'Erlang C (nobody hangs up)',
	'staffing.model.erlang-a': 'Erlang A (customers give up after a while)',
	'staffing.patience': 'Average patience before giving up: {value} s',
	'staffing.upperBound': 'Staff for the upper 80% bound instead of the forecast',
	'staffing.handleMeasured':
		'Measured from your data: chat and phone conversations take {minutes} min from the first reply to the solve (median of {sample} conversations handled in one session). E-mail handle time cannot be measured from an export; set it with the slider.',
	'staffing.handleNotMeasured':
		'Too few chat or phone conversations solved in one session ({sample}) to measure a handle time; the sliders set it.',
	'staffing.useMeasured': 'Use the measured chat/phone handle time',
	'staffing.hoursFromSettings':
		'Opening hours from Settings: {week}; closed on {holidays} holidays. Nobody is scheduled outside them; contacts then wait for the next opening.',
	'staffing.closedAllWeek': 'Settings has no opening hours on any day, so nobody is scheduled.',
	'staffing.changeInSettings': 'Change them in Settings',
	'staffing.customHours': 'Try other hours here, every day the same (what-if, not saved)'
};

export type ForecastEventsKey = keyof typeof en;

const zhCN: Record<ForecastEventsKey, string> = {
	'events.title': '促销、节假日和上新',
	'events.intro':
		'标记过去和计划中的活动日期。模型会学习每类活动让过去的日子忙了（或闲了）多少，并用于计划中的活动；若没有过去的节假日可供学习，则节假日按一周中最清闲的一天估计。',
	'events.name': '名称',
	'events.kind': '类型',
	'events.firstDay': '开始日期',
	'events.lastDay': '结束日期',
	'events.add': '添加活动',
	'events.none': '尚未标记任何活动。',
	'events.remove': '删除 {name}',
	'events.removeShort': '删除',
	'events.kind.promotion': '促销',
	'events.kind.holiday': '节假日',
	'events.kind.launch': '上新',
	'events.kind.other': '其他',
	'events.problem.name-missing': '请为活动命名。',
	'events.problem.name-too-long': '名称太长（最多 80 个字符）。',
	'events.problem.kind-unknown': '请选择类型。',
	'events.problem.day-invalid': '请输入开始（和结束）日期。',
	'events.problem.last-before-first': '结束日期早于开始日期。',
	'events.problem.too-long': '一个活动最长 92 天。',
	'events.changed': '活动已更改：正在重新拟合预测。',
	'events.legend': '已标记的活动',
	'events.effectsTitle': '活动对{series}的影响',
	'events.effect.learnt': '{kind}：×{factor}（从过去活动的 {hours} 小时中学得）',
	'events.effect.quietest-day': '{kind}：按一周中最清闲的一天估计（没有过去的可供学习）',
	'events.effect.none': '{kind}：无影响（历史中没有此类活动）',
	'accuracy.seriesReason': '{series}的回测。',
	'staffing.model': '聊天和电话模型',
	'staffing.model.erlang-c': 'Erlang C（客户不会放弃）',
	'staffing.model.erlang-a': 'Erlang A（客户等待一段时间后放弃）',
	'staffing.patience': '放弃前的平均耐心：{value} 秒',
	'staffing.upperBound': '按 80% 区间上限而非预测值配置人手',
	'staffing.handleMeasured':
		'根据数据测得：聊天和电话从首次回复到解决平均需要 {minutes} 分钟（{sample} 个一次性解决的会话的中位数）。邮件处理时长无法从导出数据中测得，请用滑块设置。',
	'staffing.handleNotMeasured':
		'一次性解决的聊天或电话会话太少（{sample} 个），无法测得处理时长；由滑块设置。',
	'staffing.useMeasured': '使用测得的聊天/电话处理时长',
	'staffing.hoursFromSettings':
		'营业时间来自设置：{week}；{holidays} 个节假日休息。营业时间外不排班，客户的联系等到下次营业时处理。',
	'staffing.closedAllWeek': '设置中没有任何一天的营业时间，因此不排班。',
	'staffing.changeInSettings': '在设置中修改',
	'staffing.customHours': '在此试用其他营业时间，每天相同（假设分析，不保存）'
};

const MESSAGES: Record<Locale, Record<ForecastEventsKey, string>> = { en, 'zh-CN': zhCN };

export function isForecastEventsKey(key: string): key is ForecastEventsKey {
	return key in en;
}

export function forecastEventsText(
	locale: Locale,
	key: string,
	params?: Record<string, string | number>
): string {
	return isForecastEventsKey(key) ? interpolate(MESSAGES[locale][key], params) : key;
}
