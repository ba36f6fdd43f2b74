/** NAB's cost matrices (config/profiles.json); the true-negative weight is never used. */
export interface NabProfile {
	readonly name: NabProfileName;
	readonly tpWeight: number;
	readonly fpWeight: number;
	readonly fnWeight: number;
}

export type NabProfileName = 'standard' | 'reward_low_FP_rate' | 'reward_low_FN_rate';

export const NAB_PROFILES: readonly NabProfile[] = [
	{ name: 'standard', tpWeight: 1, fpWeight: 0.11, fnWeight: 1 },
	{ name: 'reward_low_FP_rate', tpWeight: 1, fpWeight: 0.22, fnWeight: 1 },
	{ name: 'reward_low_FN_rate', tpWeight: 1, fpWeight: 0.11, fnWeight: 2 }
];

export function nabProfile(name: NabProfileName): NabProfile {
	const profile = NAB_PROFILES.find((candidate) => candidate.name === name);
	if (!profile) throw new Error(`Unknown NAB profile ${name}`);
	return profile;
}
