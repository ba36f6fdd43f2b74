import { interpolate, type Locale } from './messages';

/**
 * Strings of the agent scorecard page and of the breakdowns by group, tag, priority and
 * customer segment, English and 简体中文 (same style as messages.ts).
 */
export interface AgentsMessages {
	'agents.scorecardLink': string;
	'agents.scorecardLinkLabel': string;
	'agents.title': string;
	'agents.pageTitle': string;
	'agents.intro': string;
	'agents.noAgent': string;
	'agents.unknownAgent': string;
	'agents.loading': string;
	'agents.back': string;
	'agents.filterNone': string;
	'agents.filter': string;
	'agents.kpisTitle': string;
	'agents.agentColumn': string;
	'agents.teamColumn': string;
	'agents.kpiColumn': string;
	'agents.n': string;
	'agents.csatInterval': string;
	'agents.fewRatings': string;
	'agents.rankTitle': string;
	'agents.rankIntro': string;
	'agents.rankOf': string;
	'agents.unranked': string;
	'agents.rankColumn': string;
	'agents.lowerBound': string;
	'agents.ratings': string;
	'agents.trendTitle': string;
	'agents.trendIntro': string;
	'agents.week': string;
	'agents.tickets': string;
	'agents.firstResponse': string;
	'agents.csat': string;
	'agents.teamFirstResponse': string;
	'agents.ticketsTitle': string;
	'agents.allTickets': string;
	'agents.ratedTickets': string;
	'agents.openTickets': string;
	'agents.reopenedHint': string;
	'breakdowns.byGroup': string;
	'breakdowns.byTag': string;
	'breakdowns.byPriority': string;
	'breakdowns.bySegment': string;
	'breakdowns.group': string;
	'breakdowns.tag': string;
	'breakdowns.priority': string;
	'breakdowns.segment': string;
	'breakdowns.noGroup': string;
	'breakdowns.noTag': string;
	'breakdowns.noPriority': string;
	'breakdowns.tagNote': string;
	'breakdowns.segmentNote': string;
	'breakdowns.noOrdersNote': string;
	'breakdowns.loading': string;
	'segment.no_orders_imported': string;
	'segment.unknown_customer': string;
	'segment.no_orders': string;
	'segment.new': string;
	'segment.returning': string;
	'segment.vip': string;
}

const en: AgentsMessages = {
	'agents.scorecardLink': 'Scorecard',
	'agents.scorecardLinkLabel': 'Scorecard of {agent}',
	'agents.title': 'Agent scorecard: {agent}',
	'agents.pageTitle': 'Agent scorecard',
	'agents.intro':
		'The KPIs of one agent beside the whole team, under the dashboard’s filters. The team is every ticket the filters keep, whoever handled it.',
	'agents.noAgent': 'No agent chosen. Open a scorecard from the agent table on the dashboard.',
	'agents.unknownAgent': 'No tickets of this agent under the current filters.',
	'agents.loading': 'Computing the scorecard…',
	'agents.back': 'Back to the dashboard',
	'agents.filterNone': 'Filters: none (all imported tickets).',
	'agents.filter': 'Filters: {filters}.',
	'agents.kpisTitle': 'KPIs beside the team',
	'agents.agentColumn': 'Agent',
	'agents.teamColumn': 'Team',
	'agents.kpiColumn': 'KPI',
	'agents.n': 'n = {n}',
	'agents.csatInterval': '95% interval {low}–{high}',
	'agents.fewRatings': 'few ratings',
	'agents.rankTitle': 'CSAT ranking',
	'agents.rankIntro':
		'Agents are ranked by the lower end of their 95% CSAT interval, so a few lucky ratings cannot come first: 4 of 4 satisfied ranks below 45 of 50.',
	'agents.rankOf': 'Rank {rank} of {of} agents with ratings',
	'agents.unranked': 'Not ranked: no ratings under these filters.',
	'agents.rankColumn': 'Rank',
	'agents.lowerBound': 'Lower bound',
	'agents.ratings': 'Ratings',
	'agents.trendTitle': 'Trend by week',
	'agents.trendIntro':
		'Weeks run Monday to Sunday in the shop time zone ({zone}); tickets count in the week they were created.',
	'agents.week': 'Week of',
	'agents.tickets': 'Tickets',
	'agents.firstResponse': 'First response (median)',
	'agents.csat': 'CSAT',
	'agents.teamFirstResponse': 'Team first response',
	'agents.ticketsTitle': 'The tickets behind these numbers',
	'agents.allTickets': 'All {count} tickets of {agent}',
	'agents.ratedTickets': 'Rated tickets ({count})',
	'agents.openTickets': 'Open tickets',
	'agents.reopenedHint':
		'First resolution runs to the first solve, full resolution to the last: the gap is what reopens cost.',
	'breakdowns.byGroup': 'By team / group',
	'breakdowns.byTag': 'By tag',
	'breakdowns.byPriority': 'By priority',
	'breakdowns.bySegment': 'By customer segment',
	'breakdowns.group': 'Group',
	'breakdowns.tag': 'Tag',
	'breakdowns.priority': 'Priority',
	'breakdowns.segment': 'Segment',
	'breakdowns.noGroup': '(no group)',
	'breakdowns.noTag': '(no tag)',
	'breakdowns.noPriority': '(no priority)',
	'breakdowns.tagNote':
		'A ticket with several tags counts in each of them, so the tag rows add up to {pairs} for {tickets} tickets.',
	'breakdowns.segmentNote':
		'Segments come from the linked customer’s orders: new = 1 order, returning = 2 or more, VIP = the top 10% of customers by net spend; cancelled orders do not count.',
	'breakdowns.noOrdersNote':
		'No orders are imported, so every ticket is “no orders imported”. Import a shop order export to see segments.',
	'breakdowns.loading': 'Computing breakdowns…',
	'segment.no_orders_imported': 'No orders imported',
	'segment.unknown_customer': 'Customer unknown',
	'segment.no_orders': 'No orders',
	'segment.new': 'New (1 order)',
	'segment.returning': 'Returning (2+ orders)',
	'segment.vip': 'VIP (top 10% spend)'
};

const zhCN: AgentsMessages = {
	'agents.scorecardLink': '成绩卡',
	'agents.scorecardLinkLabel': '{agent} 的成绩卡',
	'agents.title': '客服成绩卡：{agent}',
	'agents.pageTitle': '客服成绩卡',
	'agents.intro':
		'在仪表盘的筛选条件下，把一位客服的指标与整个团队并列。团队指筛选保留的全部工单，不论由谁处理。',
	'agents.noAgent': '未选择客服。请从仪表盘的客服表格打开成绩卡。',
	'agents.unknownAgent': '在当前筛选条件下，这位客服没有工单。',
	'agents.loading': '正在计算成绩卡…',
	'agents.back': '返回仪表盘',
	'agents.filterNone': '筛选：无（全部已导入工单）。',
	'agents.filter': '筛选：{filters}。',
	'agents.kpisTitle': '与团队对比的指标',
	'agents.agentColumn': '客服',
	'agents.teamColumn': '团队',
	'agents.kpiColumn': '指标',
	'agents.n': 'n = {n}',
	'agents.csatInterval': '95% 区间 {low}–{high}',
	'agents.fewRatings': '评分较少',
	'agents.rankTitle': '满意度排名',
	'agents.rankIntro':
		'按 95% 满意度区间的下限排名，少量幸运的好评不会排在最前：4 个评分全满意，排在 50 个中 45 个满意之后。',
	'agents.rankOf': '在 {of} 位有评分的客服中排第 {rank}',
	'agents.unranked': '未排名：在这些筛选条件下没有评分。',
	'agents.rankColumn': '名次',
	'agents.lowerBound': '下限',
	'agents.ratings': '评分数',
	'agents.trendTitle': '按周趋势',
	'agents.trendIntro': '每周为店铺时区（{zone}）的周一至周日；工单计入其创建所在的周。',
	'agents.week': '周起始',
	'agents.tickets': '工单',
	'agents.firstResponse': '首次响应（中位数）',
	'agents.csat': '满意度',
	'agents.teamFirstResponse': '团队首次响应',
	'agents.ticketsTitle': '这些数字背后的工单',
	'agents.allTickets': '{agent} 的全部 {count} 张工单',
	'agents.ratedTickets': '已评分工单（{count}）',
	'agents.openTickets': '未解决工单',
	'agents.reopenedHint':
		'首次解决时间计到第一次解决，完全解决时间计到最后一次解决：两者之差就是重开的代价。',
	'breakdowns.byGroup': '按团队 / 组',
	'breakdowns.byTag': '按标签',
	'breakdowns.byPriority': '按优先级',
	'breakdowns.bySegment': '按客户分群',
	'breakdowns.group': '组',
	'breakdowns.tag': '标签',
	'breakdowns.priority': '优先级',
	'breakdowns.segment': '分群',
	'breakdowns.noGroup': '（无组）',
	'breakdowns.noTag': '（无标签）',
	'breakdowns.noPriority': '（无优先级）',
	'breakdowns.tagNote':
		'带多个标签的工单在每个标签中各计一次，所以 {tickets} 张工单在标签行中合计为 {pairs}。',
	'breakdowns.segmentNote':
		'分群来自关联客户的订单：新客 = 1 个订单，回头客 = 2 个及以上，VIP = 按净消费排名前 10% 的客户；已取消的订单不计。',
	'breakdowns.noOrdersNote':
		'尚未导入订单，所以所有工单都归为“未导入订单”。导入店铺订单后即可看到分群。',
	'breakdowns.loading': '正在计算细分…',
	'segment.no_orders_imported': '未导入订单',
	'segment.unknown_customer': '客户未知',
	'segment.no_orders': '无订单',
	'segment.new': '新客（1 个订单）',
	'segment.returning': '回头客（2 个以上订单）',
	'segment.vip': 'VIP（消费前 10%）'
};

export const AGENTS_MESSAGES: Record<Locale, AgentsMessages> = { en, 'zh-CN': zhCN };

export function agentsText(
	locale: Locale,
	key: keyof AgentsMessages,
	params?: Record<string, string | number>
): string {
	return interpolate(AGENTS_MESSAGES[locale][key], params);
}
