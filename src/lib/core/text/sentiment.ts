/**
 * A transparent lexicon sentiment for short customer-service texts (ticket subjects), English
 * and 简体中文. Every hit is a listed word, so the merchant can be told why a ticket reads
 * negative. No library: npm's `sentiment` (AFINN, English only) has no Chinese and is general
 * purpose; these lists are about service ("still waiting", "no reply", 太慢, 不满意).
 */
export interface Sentiment {
	/** (positive − negative) / (positive + negative) of the weighted hits; 0 without any. */
	score: number;
	/** The words that counted, as found (after negation). */
	positive: string[];
	negative: string[];
}

const EN_NEGATIVE = [
	'angry',
	'annoyed',
	'annoying',
	'appalling',
	'awful',
	'bad',
	'disappointed',
	'disappointing',
	'disgusted',
	'disgusting',
	'dissatisfied',
	'fed up',
	'frustrated',
	'frustrating',
	'furious',
	'hate',
	'horrible',
	'ignored',
	'joke',
	'no reply',
	'no response',
	'nobody',
	'pathetic',
	'poor',
	'ridiculous',
	'rubbish',
	'rude',
	'scam',
	'still waiting',
	'sucks',
	'terrible',
	'unacceptable',
	'unhappy',
	'upset',
	'useless',
	'waste',
	'worst'
];

const EN_POSITIVE = [
	'amazing',
	'appreciate',
	'awesome',
	'brilliant',
	'excellent',
	'fantastic',
	'glad',
	'good',
	'great',
	'happy',
	'helpful',
	'love',
	'lovely',
	'nice',
	'perfect',
	'pleased',
	'satisfied',
	'thank',
	'thanks',
	'wonderful'
];

/** Turn the next sentiment word (within three words) around: "not happy", "never good". */
const EN_NEGATORS = new Set([
	'not',
	'no',
	'never',
	"don't",
	"doesn't",
	"didn't",
	"isn't",
	"wasn't",
	"aren't",
	"won't",
	"can't",
	'cannot',
	'hardly'
]);

/** Double the next sentiment word: "very disappointed". */
const EN_INTENSIFIERS = new Set([
	'very',
	'really',
	'extremely',
	'so',
	'absolutely',
	'totally',
	'completely'
]);

/** Chinese compounds first (longest match wins): 不错 is praise, 不满意 is not 满意 praised. */
const ZH_NEGATIVE = [
	'不满意',
	'不满',
	'不好',
	'不行',
	'差劲',
	'太差',
	'很差',
	'差评',
	'失望',
	'生气',
	'愤怒',
	'气死',
	'糟糕',
	'垃圾',
	'骗子',
	'恶心',
	'无语',
	'太慢',
	'没人回复',
	'没有回复',
	'不回复',
	'一直等',
	'还在等',
	'烂'
];
const ZH_POSITIVE = [
	'不错',
	'谢谢',
	'感谢',
	'满意',
	'好评',
	'很好',
	'非常好',
	'喜欢',
	'太棒',
	'很棒',
	'专业',
	'开心',
	'点赞',
	'辛苦了'
];
/** A negator right before a listed positive word turns it: 不喜欢, 没有满意. */
const ZH_NEGATORS = ['没有', '不', '没', '别', '未'];

const ZH_TERMS = [
	...ZH_NEGATIVE.map((term) => ({ term, polarity: -1 as const })),
	...ZH_POSITIVE.map((term) => ({ term, polarity: 1 as const }))
].sort((a, b) => b.term.length - a.term.length);

const EN_TERMS = new Map<string, 1 | -1>([
	...EN_NEGATIVE.map((word) => [word, -1] as [string, -1]),
	...EN_POSITIVE.map((word) => [word, 1] as [string, 1])
]);
const EN_MAX_WORDS = 2;

function scoreOf(positive: number, negative: number): number {
	return positive + negative > 0 ? (positive - negative) / (positive + negative) : 0;
}

export function sentimentOf(text: string): Sentiment {
	const positive: string[] = [];
	const negative: string[] = [];
	let positiveWeight = 0;
	let negativeWeight = 0;
	const count = (word: string, polarity: 1 | -1, weight: number) => {
		if (polarity > 0) {
			positive.push(word);
			positiveWeight += weight;
		} else {
			negative.push(word);
			negativeWeight += weight;
		}
	};

	// English: words, phrases of up to two words, negators and intensifiers before them.
	const words = text.toLowerCase().match(/[a-z]+(?:'[a-z]+)?/g) ?? [];
	let negateWithin = 0;
	let weight = 1;
	for (let index = 0; index < words.length; index++) {
		let matched: { phrase: string; polarity: 1 | -1; length: number } | null = null;
		for (let length = EN_MAX_WORDS; length >= 1 && !matched; length--) {
			const phrase = words.slice(index, index + length).join(' ');
			const polarity = EN_TERMS.get(phrase);
			if (polarity && index + length <= words.length) matched = { phrase, polarity, length };
		}
		const word = words[index]!;
		if (matched) {
			const turned = negateWithin > 0 ? (-matched.polarity as 1 | -1) : matched.polarity;
			count(negateWithin > 0 ? `not ${matched.phrase}` : matched.phrase, turned, weight);
			negateWithin = 0;
			weight = 1;
			index += matched.length - 1;
		} else if (EN_NEGATORS.has(word)) {
			negateWithin = 3;
		} else if (EN_INTENSIFIERS.has(word)) {
			weight = 2;
		} else {
			negateWithin = Math.max(0, negateWithin - 1);
			weight = 1;
		}
	}

	// Chinese: longest listed term at each position; a negator just before a positive term.
	for (let index = 0; index < text.length;) {
		const hit = ZH_TERMS.find(({ term }) => text.startsWith(term, index));
		if (!hit) {
			index++;
			continue;
		}
		const before = text.slice(Math.max(0, index - 2), index);
		const negator = hit.polarity > 0 && ZH_NEGATORS.find((n) => before.endsWith(n));
		if (negator) count(`${negator}${hit.term}`, -1, 1);
		else count(hit.term, hit.polarity, 1);
		index += hit.term.length;
	}
	return { score: scoreOf(positiveWeight, negativeWeight), positive, negative };
}

/** Reads negative: more negative weight than positive ("Thanks, but still waiting" is not). */
export function isNegative(text: string): boolean {
	return sentimentOf(text).score < 0;
}
