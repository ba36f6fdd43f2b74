import { MESSAGES, interpolate, pickLocale, type Locale, type Messages } from '$lib/i18n/messages';

const STORAGE_KEY = 'service-lens.locale';

/** The UI language: the user's choice, else the browser's. A UI preference, so localStorage. */
class LocaleManager {
	#current = $state<Locale>('en');

	get current(): Locale {
		return this.#current;
	}

	init(): void {
		const stored = localStorage.getItem(STORAGE_KEY);
		this.#current =
			stored === 'en' || stored === 'zh-CN' ? stored : pickLocale(navigator.languages ?? []);
		document.documentElement.lang = this.#current;
	}

	set(locale: Locale): void {
		this.#current = locale;
		localStorage.setItem(STORAGE_KEY, locale);
		document.documentElement.lang = locale;
	}

	t = (key: keyof Messages, params?: Record<string, string | number>): string =>
		interpolate(MESSAGES[this.#current][key], params);
}

export const locale = new LocaleManager();
