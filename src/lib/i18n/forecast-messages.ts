import { interpolate, type Locale } from './messages';

/** Strings of the Forecast page, English and 简体中文 (same style as messages.ts). */
export interface ForecastMessages {
	'forecast.title': string;
	'forecast.intro': string;
	'forecast.weeks': string;
	'forecast.weeksValue': string;
	'forecast.run': string;
	'forecast.cancel': string;
	'forecast.idle': string;
	'forecast.running': string;
	'forecast.done': string;
	'forecast.cached': string;
	'forecast.cancelled': string;
	'forecast.error': string;
	'forecast.noData': string;
	'forecast.progress': string;
	'forecast.series': string;
	'forecast.total': string;
	'forecast.chartTitle': string;
	'forecast.history': string;
	'forecast.mean': string;
	'forecast.band80': string;
	'forecast.band95': string;
	'forecast.chartSummary': string;
	'forecast.dailyTitle': string;
	'forecast.contacts': string;
	'forecast.accuracyTitle': string;
	'forecast.accuracyIntro': string;
	'forecast.method': string;
	'forecast.mase': string;
	'forecast.smape': string;
	'forecast.chosen': string;
	'forecast.reasonLowest': string;
	'forecast.reasonRunnerUp': string;
	'forecast.reasonShort': string;
	'forecast.staffingTitle': string;
	'forecast.staffingIntro': string;
	'forecast.heatmapCaption': string;
	'forecast.hour': string;
	'forecast.day': string;
	'forecast.slider.serviceLevel': string;
	'forecast.slider.targetSeconds': string;
	'forecast.slider.liveHandle': string;
	'forecast.slider.deferredHandle': string;
	'forecast.slider.deferredWindow': string;
	'forecast.slider.occupancy': string;
	'forecast.slider.shrinkage': string;
	'forecast.slider.openFrom': string;
	'forecast.slider.openTo': string;
	'forecast.peakAgents': string;
	'forecast.export': string;
}

const en: ForecastMessages = {
	'forecast.title': 'Forecast',
	'forecast.intro':
		'Contacts per hour for the coming weeks, from your own history, with 80% and 95% prediction intervals. It runs in the background on this device.',
	'forecast.weeks': 'Weeks ahead',
	'forecast.weeksValue': '{n} wk',
	'forecast.run': 'Forecast',
	'forecast.cancel': 'Cancel',
	'forecast.idle': 'No forecast yet: choose the weeks and press Forecast.',
	'forecast.running': 'Fitting the models to {series} …',
	'forecast.done': 'Forecast ready.',
	'forecast.cached': 'Saved forecast from {time}; your data has not changed since.',
	'forecast.cancelled': 'Forecast cancelled.',
	'forecast.error': 'The forecast failed: {message}',
	'forecast.noData': 'Not enough history yet: import at least two whole days of tickets.',
	'forecast.progress': 'Forecast progress',
	'forecast.series': 'Series',
	'forecast.total': 'All channels',
	'forecast.chartTitle': 'Contacts per hour: the last 4 weeks and the forecast',
	'forecast.history': 'Observed',
	'forecast.mean': 'Forecast',
	'forecast.band80': '80% interval',
	'forecast.band95': '95% interval',
	'forecast.chartSummary':
		'{series}: about {contacts} contacts expected over the next {weeks} week(s); method {method}.',
	'forecast.dailyTitle':
		'Expected contacts per day (the sum of the hourly forecasts; the hourly intervals do not add up to a daily one)',
	'forecast.contacts': 'Contacts',
	'forecast.accuracyTitle': 'How accurate is it?',
	'forecast.accuracyIntro':
		'Each model was refitted on your history up to an earlier point and scored on the hours that followed (rolling-origin backtest). MASE below 1 means better than repeating the same hour a day earlier. sMAPE is the percentage error; it counts every quiet hour with no contacts but a non-zero forecast as a 200% miss, so it is high for every model when nights are empty, and MASE decides.',
	'forecast.method': 'Method',
	'forecast.mase': 'MASE',
	'forecast.smape': 'sMAPE',
	'forecast.chosen': 'Chosen',
	'forecast.reasonLowest':
		'Chosen: {method}, the lowest mean MASE ({mase}) over {origins} backtest origin(s) of {hours} hours.',
	'forecast.reasonRunnerUp': 'Next best: {method} ({mase}).',
	'forecast.reasonShort':
		'Too little history for a backtest, so the seasonal naive forecast (same hour, previous day) is used and its accuracy is unknown.',
	'forecast.staffingTitle': 'Agents needed, next 7 days',
	'forecast.staffingIntro':
		'Chat and phone are staffed with Erlang C to answer the target share within the target time; e-mail and other channels are a backlog cleared within their window. Outside the opening hours nobody is scheduled, and contacts then wait for the next opening. Counts are agents to schedule, after shrinkage.',
	'forecast.heatmapCaption': 'Agents to schedule per hour (rows: days, columns: hour of day)',
	'forecast.hour': 'Hour',
	'forecast.day': 'Day',
	'forecast.slider.serviceLevel': 'Answered within target: {value}%',
	'forecast.slider.targetSeconds': 'Target time (chat, phone): {value} s',
	'forecast.slider.liveHandle': 'Handle time chat/phone: {value} min',
	'forecast.slider.deferredHandle': 'Handle time e-mail: {value} min',
	'forecast.slider.deferredWindow': 'E-mail answered within: {value} h',
	'forecast.slider.occupancy': 'Occupancy cap: {value}%',
	'forecast.slider.shrinkage': 'Shrinkage: {value}%',
	'forecast.slider.openFrom': 'Open from: {value}:00',
	'forecast.slider.openTo': 'Open until: {value}:00',
	'forecast.peakAgents': 'Peak: {agents} agents; {hours} agent-hours in the week.',
	'forecast.export': 'Download CSV'
};

const zhCN: ForecastMessages = {
	'forecast.title': '预测',
	'forecast.intro':
		'根据您自己的历史数据，预测未来几周每小时的咨询量，并给出 80% 和 95% 预测区间。计算在本设备后台进行。',
	'forecast.weeks': '预测周数',
	'forecast.weeksValue': '{n} 周',
	'forecast.run': '开始预测',
	'forecast.cancel': '取消',
	'forecast.idle': '尚无预测：选择周数后点击“开始预测”。',
	'forecast.running': '正在为 {series} 拟合模型…',
	'forecast.done': '预测完成。',
	'forecast.cached': '已保存的预测（{time}）；此后数据没有变化。',
	'forecast.cancelled': '预测已取消。',
	'forecast.error': '预测失败：{message}',
	'forecast.noData': '历史数据不足：请至少导入两整天的工单。',
	'forecast.progress': '预测进度',
	'forecast.series': '序列',
	'forecast.total': '全部渠道',
	'forecast.chartTitle': '每小时咨询量：最近 4 周与预测',
	'forecast.history': '实际',
	'forecast.mean': '预测',
	'forecast.band80': '80% 区间',
	'forecast.band95': '95% 区间',
	'forecast.chartSummary': '{series}：未来 {weeks} 周预计约 {contacts} 次咨询；方法 {method}。',
	'forecast.dailyTitle': '每日预计咨询量（每小时预测之和；每小时的区间不能相加为每日区间）',
	'forecast.contacts': '咨询量',
	'forecast.accuracyTitle': '准确度如何？',
	'forecast.accuracyIntro':
		'每个模型都在较早时间点之前的历史上重新拟合，并用其后的小时数据评分（滚动起点回测）。MASE 小于 1 表示优于“重复前一天同一小时”。sMAPE 为百分比误差；没有咨询但预测不为零的空闲小时都按 200% 误差计，因此夜间空闲时所有模型的 sMAPE 都很高，选择以 MASE 为准。',
	'forecast.method': '方法',
	'forecast.mase': 'MASE',
	'forecast.smape': 'sMAPE',
	'forecast.chosen': '已选',
	'forecast.reasonLowest':
		'已选：{method}，在 {origins} 个回测起点（每个 {hours} 小时）上平均 MASE 最低（{mase}）。',
	'forecast.reasonRunnerUp': '次优：{method}（{mase}）。',
	'forecast.reasonShort':
		'历史太短，无法回测，因此使用季节朴素预测（前一天同一小时），其准确度未知。',
	'forecast.staffingTitle': '未来 7 天所需客服人数',
	'forecast.staffingIntro':
		'在线聊天和电话按 Erlang C 配置人手，使目标比例的咨询在目标时间内得到应答；电子邮件等渠道视为待办，在时限内处理完。营业时间以外不排班，期间的咨询留待下次营业处理。人数为计入缺勤率后的排班人数。',
	'forecast.heatmapCaption': '每小时排班人数（行：日期，列：小时）',
	'forecast.hour': '小时',
	'forecast.day': '日期',
	'forecast.slider.serviceLevel': '目标时间内应答：{value}%',
	'forecast.slider.targetSeconds': '目标时间（聊天、电话）：{value} 秒',
	'forecast.slider.liveHandle': '聊天/电话处理时长：{value} 分钟',
	'forecast.slider.deferredHandle': '邮件处理时长：{value} 分钟',
	'forecast.slider.deferredWindow': '邮件应答时限：{value} 小时',
	'forecast.slider.occupancy': '占用率上限：{value}%',
	'forecast.slider.shrinkage': '缺勤率：{value}%',
	'forecast.slider.openFrom': '营业开始：{value}:00',
	'forecast.slider.openTo': '营业结束：{value}:00',
	'forecast.peakAgents': '峰值：{agents} 人；本周共 {hours} 人时。',
	'forecast.export': '下载 CSV'
};

export const FORECAST_MESSAGES: Record<Locale, ForecastMessages> = { en, 'zh-CN': zhCN };

export function forecastText(
	locale: Locale,
	key: keyof ForecastMessages,
	params?: Record<string, string | number>
): string {
	return interpolate(FORECAST_MESSAGES[locale][key], params);
}
