import { proxy } from 'comlink';
import { analyzeWorker } from '$lib/bridge/workers';
import type { AlertStateRecord, CustomerVerdictRecord } from '$lib/core/model/records';
import type { AlertsProgress, AlertsResult } from '$lib/pipeline/alerts';
import type { RiskResult } from '$lib/pipeline/risk';
import type { JobError, Result } from '$lib/pipeline/result';

export type AlertsState = 'idle' | 'running' | 'done' | 'error';

/** The Alerts page's state: the check in the analysis worker and the merchant's decisions. */
class AlertsManager {
	#state = $state<AlertsState>('idle');
	#result = $state.raw<AlertsResult | null>(null);
	#progress = $state.raw<AlertsProgress | null>(null);
	#error = $state.raw<JobError | null>(null);
	#requestId = 0;
	#risk = $state.raw<RiskResult | null>(null);
	#riskError = $state.raw<JobError | null>(null);

	get state(): AlertsState {
		return this.#state;
	}
	get result(): AlertsResult | null {
		return this.#result;
	}
	get progress(): AlertsProgress | null {
		return this.#progress;
	}
	get error(): JobError | null {
		return this.#error;
	}

	/** Customers to review, with verdicts applied. */
	get risk(): RiskResult | null {
		return this.#risk;
	}
	get riskError(): JobError | null {
		return this.#riskError;
	}

	async loadRisk(): Promise<void> {
		this.#applyRisk(await analyzeWorker().riskyCustomers());
	}

	async setVerdict(
		customerKey: string,
		verdict: CustomerVerdictRecord['verdict'] | null
	): Promise<void> {
		this.#applyRisk(await analyzeWorker().setCustomerVerdict(customerKey, verdict));
	}

	#applyRisk(result: Result<RiskResult>): void {
		if (result.ok) {
			this.#risk = result.value;
			this.#riskError = null;
		} else this.#riskError = result.error;
	}

	async run(timeZone: string): Promise<void> {
		const requestId = ++this.#requestId;
		this.#state = 'running';
		this.#progress = { fraction: 0 };
		await this.#settle(
			requestId,
			analyzeWorker().alerts(
				timeZone,
				proxy((progress: AlertsProgress) => {
					if (requestId === this.#requestId) this.#progress = progress;
				})
			)
		);
	}

	cancel(): void {
		void analyzeWorker().cancelAlerts();
	}

	/** Acknowledge, dismiss, reopen or annotate; the list is regrouped with the new feedback. */
	async decide(
		timeZone: string,
		alertId: string,
		state: AlertStateRecord['state'],
		note: string
	): Promise<void> {
		const requestId = ++this.#requestId;
		await this.#settle(
			requestId,
			analyzeWorker().setAlertState(timeZone, { alertId, state, note })
		);
	}

	async #settle(requestId: number, pending: Promise<Result<AlertsResult>>): Promise<void> {
		try {
			const result = await pending;
			if (requestId !== this.#requestId) return;
			if (result.ok) {
				this.#result = result.value;
				this.#error = null;
				this.#state = 'done';
			} else if (result.error.code === 'cancelled') {
				this.#state = this.#result ? 'done' : 'idle';
			} else {
				this.#error = result.error;
				this.#state = 'error';
			}
		} catch (error) {
			if (requestId !== this.#requestId) return;
			this.#error = {
				code: 'internal',
				message: error instanceof Error ? error.message : String(error)
			};
			this.#state = 'error';
		} finally {
			if (requestId === this.#requestId) this.#progress = null;
		}
	}
}

export const alerts = new AlertsManager();
