export * from './policy';
export {
	DeadlineInputError,
	addPeriod,
	addWorkingHours,
	computeDeadline,
	parseInstant,
	workingMinutesBetween,
	type ComputedDeadline,
	type DeadlineInput,
} from './compute';
export * from './status';
export { applyDeadline, type DeadlineOptions, type DeadlineResult } from './apply';
