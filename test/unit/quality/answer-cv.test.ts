import {
	DECISION_FEATURES,
	crossValidate,
	decisionFeatures,
	groupedFolds,
	learnedDecision,
	probability,
	rulesDecision,
	severityDecision,
	trainLogistic,
	type Decider,
	type DecisionFeature,
	type Pair,
} from '../../../scripts/eval-answers';

// The grouped cross-validation behind bench/answer-checks.md (issue #15): folds, the regression, the candidates.
const zeros = () =>
	Object.fromEntries(DECISION_FEATURES.map((f) => [f, 0])) as Record<DecisionFeature, number>;
const pair = (
	group: string,
	y: boolean,
	x: Partial<Record<DecisionFeature, number>> = {},
	rule = false,
): Pair => ({ group, y, rule, split: 'dev', defects: [], x: { ...zeros(), ...x } });

describe('grouped folds', () => {
	const groups = Array.from({ length: 60 }, (_, i) => `a${i % 23}`);

	it('keeps every group in one fold, uses every fold, and balances groups within one', () => {
		const folds = groupedFolds(groups, 5, 1);
		const foldOf = new Map<string, Set<number>>();
		groups.forEach((g, i) => foldOf.set(g, (foldOf.get(g) ?? new Set()).add(folds[i])));
		expect([...foldOf.values()].every((s) => s.size === 1)).toBe(true);
		const groupsPerFold = [0, 1, 2, 3, 4].map(
			(f) => [...foldOf].filter(([, s]) => s.has(f)).length,
		);
		expect(groupsPerFold.sort()).toEqual([4, 4, 5, 5, 5]);
	});

	it('is reproducible per seed and differs between seeds', () => {
		expect(groupedFolds(groups, 5, 7)).toEqual(groupedFolds(groups, 5, 7));
		expect(groupedFolds(groups, 5, 7)).not.toEqual(groupedFolds(groups, 5, 8));
	});
});

describe('logistic regression', () => {
	// y follows the first feature (with two exceptions); the second is noise.
	const rows = Array.from({ length: 80 }, (_, i) => [i % 2, (i * 7) % 5]);
	const y = rows.map((r, i) => (i === 3 || i === 10 ? r[0] === 0 : r[0] === 1));

	it('weights the informative feature and hardly the noise', () => {
		const m = trainLogistic(rows, y, 1);
		expect(m.weights[0]).toBeGreaterThan(1.5);
		expect(Math.abs(m.weights[1])).toBeLessThan(0.5);
		expect(probability(m, [1, 2])).toBeGreaterThan(0.8);
		expect(probability(m, [0, 2])).toBeLessThan(0.2);
	});

	it('stays finite on separable data (the penalty bounds the weights) and shrinks them as the penalty grows', () => {
		const separable = rows.map((r) => r[0] === 1);
		const loose = trainLogistic(rows, separable, 0.1),
			tight = trainLogistic(rows, separable, 20);
		expect(Number.isFinite(loose.weights[0])).toBe(true);
		expect(loose.weights[0]).toBeGreaterThan(tight.weights[0]);
		expect(tight.weights[0]).toBeGreaterThan(0);
	});
});

describe('cross-validation', () => {
	// Every appeal has two answers with the same verdict: a decider that remembers the training appeals finds nothing
	// when folds are grouped by appeal (an ungrouped split would hand it the sibling answer).
	const pairs = Array.from({ length: 40 }, (_, i) =>
		pair(`g${Math.floor(i / 2)}`, Math.floor(i / 2) < 6),
	);
	const memorise: Decider = (train, test) => {
		const seen = new Map(train.map((p) => [p.group, p.y]));
		return test.map((p) => seen.get(p.group) ?? false);
	};

	it('leaks nothing between answers of one appeal', () => {
		const cv = crossValidate(pairs, memorise, 5, 3);
		expect(cv.repeats.map((r) => r.all.recall)).toEqual([0, 0, 0]);
	});

	it('scores the shipped rules exactly as they decide', () => {
		const ruled = pairs.map((p, i) => ({
			...p,
			rule: Math.floor(i / 2) < 4 || Math.floor(i / 2) === 10,
			split: i % 3 === 0 ? ('heldout' as const) : ('dev' as const),
		}));
		const cv = crossValidate(ruled, rulesDecision, 5, 2);
		// All: sent back 5 appeals × 2 answers, 4 of them right; 6 appeals should go back.
		expect(cv.repeats[0].all).toEqual({ precision: 0.8, recall: 4 / 6 });
		expect(cv.repeats[1].all).toEqual(cv.repeats[0].all);
	});

	it('chooses severities on the training folds: a check right only on intermediate answers stays an error there only', () => {
		const ps: Pair[] = [];
		for (let i = 0; i < 60; i++) {
			const intermediate = i % 2;
			const fired = i % 3 === 0 ? 1 : 0;
			ps.push(
				pair(`s${i}`, fired === 1 && intermediate === 1, {
					check_promise_without_date: fired,
					intermediate,
				}),
			);
		}
		const byKind = crossValidate(ps, severityDecision(true), 5, 2);
		expect(byKind.repeats.map((r) => r.all)).toEqual([
			{ precision: 1, recall: 1 },
			{ precision: 1, recall: 1 },
		]);
		const perCheck = crossValidate(ps, severityDecision(false), 5, 1);
		expect(perCheck.repeats[0].all.precision).toBe(0.5);
	});

	it('a learned decision finds a separating cue out of fold; as a veto it only drops rule reworks', () => {
		// The rules send back half of the reworks (i % 8 = 0) and the pairs i % 4 = 2, which the cue says are fine.
		const ps = Array.from({ length: 80 }, (_, i) =>
			pair(
				`l${i}`,
				i % 4 === 0,
				{ negative_bare: i % 4 === 0 ? 1 : 0, sentences: i % 7 },
				i % 8 === 0 || i % 4 === 2,
			),
		);
		const learned = crossValidate(ps, learnedDecision(['negative_bare', 'sentences'], 1), 5, 1);
		expect(learned.repeats[0].all).toEqual({ precision: 1, recall: 1 });
		const veto = crossValidate(ps, learnedDecision(['negative_bare', 'sentences'], 1, true), 5, 1);
		expect(veto.repeats[0].all).toEqual({ precision: 1, recall: 0.5 });
	});
});

describe('decision features of an answer (hand-written paraphrases)', () => {
	const appealText = 'Во дворе дома 5 разбита скамейка, прошу заменить.';
	const features = (answerText: string) =>
		decisionFeatures({ appealText, answerText, organization: 'Администрация района' });

	it('a done action with its object, a date and a photo', () => {
		const x = features('Скамейка во дворе дома 5 заменена 12.03.2026, фото прилагается.');
		expect(
			Object.entries(x)
				.filter(([f, v]) => v > 0 && !['log_essence', 'sentences'].includes(f))
				.map(([f]) => f)
				.sort(),
		).toEqual(['concrete', 'done', 'proof', 'specifics'].sort());
	});

	it('a promise on a condition in an intermediate answer', () => {
		const x = features(
			'Промежуточный ответ. Замена скамейки будет выполнена по мере поступления финансирования.',
		);
		expect(x).toMatchObject({
			intermediate: 1,
			promise: 1,
			condition: 1,
			term: 0,
			check_promise_without_date: 1,
			promise_intermediate: 1,
		});
	});

	it('a bare «не подтвердилось» without proof', () => {
		const x = features(
			'Уважаемый заявитель! Информация, изложенная в обращении, не подтвердилась.',
		);
		expect(x).toMatchObject({
			negative_finding: 1,
			negative_bare: 1,
			proof: 0,
			check_formal_reply: 1,
		});
	});
});
