export { createDetector, scoreSeries } from './create-detector';
export type * from './types';
export { ALERT_SCORE } from './types';
export { parseNabCsv, type NabSeries } from './nab/csv';
export { NAB_PROFILES, nabProfile, type NabProfile, type NabProfileName } from './nab/profiles';
export {
	normaliseScore,
	optimiseThreshold,
	scoreCorpus,
	scoreFile,
	type NabCorpusScore,
	type NabFileScore,
	type NabScoredFile
} from './nab/score';
export { windowsToRows, type RowWindow } from './nab/windows';
