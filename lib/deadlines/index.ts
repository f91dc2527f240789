export * from './policy';
export {
	DeadlineInputError,
	formatInstant,
	parseInstant,
	type Instant,
	type Moment,
} from './instant';
export { addPeriod, addWorkingHours, workingMinutesBetween } from './officeTime';
export * from './status';
export {
	applyDeadline,
	computeDeadline,
	type ComputedDeadline,
	type DeadlineInput,
	type DeadlineOptions,
	type DeadlineResult,
} from './apply';
