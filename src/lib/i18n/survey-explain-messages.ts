import { interpolate, type Locale } from './messages';

/** Strings of the survey tiles' "How is this computed?" panels (English and 简体中文). */
export interface SurveyExplainMessages {
	'surveyExplain.button': string;
	'surveyExplain.close': string;
	'surveyExplain.def.survey_csat_rate': string;
	'surveyExplain.def.survey_nps': string;
	'surveyExplain.n': string;
	'surveyExplain.excluded': string;
	'surveyExplain.noneExcluded': string;
	'surveyExplain.outOtherScale.survey_csat_rate': string;
	'surveyExplain.outOtherScale.survey_nps': string;
	'surveyExplain.outNoScore': string;
	'surveyExplain.showIncluded': string;
	'surveyExplain.showExcluded': string;
}

const en: SurveyExplainMessages = {
	'surveyExplain.button': 'How is this computed?',
	'surveyExplain.close': 'Close',
	'surveyExplain.def.survey_csat_rate':
		'Satisfied answers ÷ rated answers of every imported survey: Good on a Good/Bad scale, 4 or 5 on a 1–5 scale (of Great / Okay / Not Good only Great). Counted per answer, not per ticket; the dashboard filters do not apply.',
	'surveyExplain.def.survey_nps':
		'% promoters (9–10) − % detractors (0–6) among whole-number answers 0–10 to "How likely are you to recommend us?", from −100 to 100, over every imported survey. The dashboard filters do not apply.',
	'surveyExplain.n': 'Computed from {n} answers.',
	'surveyExplain.excluded': '{count} answers excluded: score outside its scale.',
	'surveyExplain.noneExcluded': 'No answer was excluded.',
	'surveyExplain.outOtherScale.survey_csat_rate':
		'Not counted: NPS answers ({count}), as 0–10 is not a CSAT scale.',
	'surveyExplain.outOtherScale.survey_nps':
		'Not counted: CSAT answers ({count}), as Good/Bad or 1–5 is not NPS.',
	'surveyExplain.outNoScore': 'Not counted: answers without a score ({count}).',
	'surveyExplain.showIncluded': 'Download the answers behind this number (CSV)',
	'surveyExplain.showExcluded': 'Download the excluded answers (CSV)'
};

const zhCN: SurveyExplainMessages = {
	'surveyExplain.button': '如何计算？',
	'surveyExplain.close': '关闭',
	'surveyExplain.def.survey_csat_rate':
		'所有已导入问卷中满意回答 ÷ 已评分回答：好/差量表中的“好”，1–5 分量表中的 4 或 5 分（很好 / 一般 / 不好 中仅“很好”）。按回答计，不按工单计；不受仪表板筛选影响。',
	'surveyExplain.def.survey_nps':
		'对“您向他人推荐我们的可能性有多大？”的 0–10 整数回答中，推荐者（9–10）占比 − 贬损者（0–6）占比，范围 −100 到 100，覆盖所有已导入问卷。不受仪表板筛选影响。',
	'surveyExplain.n': '基于 {n} 个回答计算。',
	'surveyExplain.excluded': '排除了 {count} 个回答：分数超出其量表。',
	'surveyExplain.noneExcluded': '没有回答被排除。',
	'surveyExplain.outOtherScale.survey_csat_rate':
		'未计入：{count} 个 NPS 回答（0–10 不是满意度量表）。',
	'surveyExplain.outOtherScale.survey_nps':
		'未计入：{count} 个满意度回答（好/差或 1–5 不是 NPS）。',
	'surveyExplain.outNoScore': '未计入：{count} 个没有分数的回答。',
	'surveyExplain.showIncluded': '下载参与计算的回答（CSV）',
	'surveyExplain.showExcluded': '下载被排除的回答（CSV）'
};

export const SURVEY_EXPLAIN_MESSAGES: Record<Locale, SurveyExplainMessages> = {
	en,
	'zh-CN': zhCN
};

export function surveyExplainText(
	locale: Locale,
	key: keyof SurveyExplainMessages,
	params?: Record<string, string | number>
): string {
	return interpolate(SURVEY_EXPLAIN_MESSAGES[locale][key], params);
}
