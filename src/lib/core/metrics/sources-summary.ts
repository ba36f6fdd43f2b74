import { customerOrderStats } from '../customers/order-stats';
import type { Order } from '../model/order';
import { SURVEY_SCALES } from '../model/survey';
import { netPromoterScore } from './nps';
import { surveySatisfiedRate } from './survey-csat';
import { surveyPopulation, type SurveyKpiId, type SurveyPopulation } from './survey-population';
import type { KpiResult } from './ticket-count';

/** Survey answers as stored: scores with their scale codes (see SURVEY_SCALES). */
export interface SurveyScores {
	scores: ArrayLike<number>;
	scaleCodes: ArrayLike<number>;
}

export interface SourcesSummary {
	surveyAnswers: number;
	/** CSAT over survey answers on CSAT scales (fraction). */
	surveyCsat: KpiResult;
	/** NPS over 0..10 answers (points, -100..100). */
	nps: KpiResult;
	/** Per survey tile: answers counted, excluded, and out of scope (and why). */
	surveyPopulations: Record<SurveyKpiId, SurveyPopulation>;
	/** Orders not cancelled. */
	orders: number;
	cancelledOrders: number;
	/** Customers (by the order's customer key) with at least one order not cancelled. */
	customersWithOrders: number;
	/** Share of those customers with two orders or more (fraction). */
	repeatCustomerRate: KpiResult;
}

const ZERO_TO_TEN = SURVEY_SCALES.indexOf('zero_to_ten');

/** The survey and order figures the overview shows next to the ticket KPIs. */
export function summarizeSources(
	surveys: readonly SurveyScores[],
	orders: Iterable<Order>
): SourcesSummary {
	let surveyAnswers = 0;
	const scores: number[] = [];
	const scaleCodes: number[] = [];
	const npsAnswers: number[] = [];
	for (const chunk of surveys) {
		for (let i = 0; i < chunk.scores.length; i++) {
			surveyAnswers++;
			const score = chunk.scores[i] ?? NaN;
			const scale = chunk.scaleCodes[i] ?? 0;
			if (scale === ZERO_TO_TEN) npsAnswers.push(score);
			scores.push(score);
			scaleCodes.push(scale);
		}
	}
	let placed = 0;
	let cancelled = 0;
	const all: Order[] = [];
	for (const order of orders) {
		all.push(order);
		if (order.cancelled) cancelled++;
		else placed++;
	}
	let customersWithOrders = 0;
	let repeat = 0;
	for (const stats of customerOrderStats(all).values()) {
		if (stats.orders === 0) continue;
		customersWithOrders++;
		if (stats.orders >= 2) repeat++;
	}
	return {
		surveyAnswers,
		surveyCsat: surveySatisfiedRate(scores, scaleCodes),
		nps: netPromoterScore(npsAnswers),
		surveyPopulations: {
			survey_csat_rate: surveyPopulation('survey_csat_rate', scores, scaleCodes),
			survey_nps: surveyPopulation('survey_nps', scores, scaleCodes)
		},
		orders: placed,
		cancelledOrders: cancelled,
		customersWithOrders,
		repeatCustomerRate: {
			value: customersWithOrders === 0 ? null : repeat / customersWithOrders,
			n: customersWithOrders,
			excluded: 0
		}
	};
}
