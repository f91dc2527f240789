import { EventEmitter } from 'node:events';
import { createRng, type Rng } from './rng';
import type { Fault, FaultPlan, FaultRule } from './types';

function globToRegExp(glob: string): RegExp {
	const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
	return new RegExp(`^${escaped}$`);
}

interface ActiveRule {
	rule: FaultRule;
	route?: RegExp;
	seen: number;
	fired: number;
}

/**
 * Decides, per request, whether to inject a fault. Deterministic for a given seed and request order. Emits `fault`
 * for every fault it injects, so tests wait for the fault rather than for time.
 */
export class FaultInjector extends EventEmitter {
	private rules: ActiveRule[] = [];
	private rng: Rng = createRng(1);
	/** Every fault injected, for tests and reports. */
	readonly log: Array<{
		emulator: string;
		route: string;
		kind: string;
		afterApply?: boolean;
		at: string;
	}> = [];

	configure(plan: FaultPlan): void {
		this.rng = createRng(plan.seed ?? 1);
		this.rules = plan.rules.map((rule) => ({
			rule,
			route: rule.route ? globToRegExp(rule.route) : undefined,
			seen: 0,
			fired: 0,
		}));
		this.log.length = 0;
	}

	clear(): void {
		this.configure({ rules: [] });
	}

	decide(emulator: string, route: string): Fault | undefined {
		for (const active of this.rules) {
			const { rule } = active;
			if (rule.emulator && rule.emulator !== emulator) continue;
			if (active.route && !active.route.test(route)) continue;
			active.seen++;
			if (rule.after !== undefined && active.seen <= rule.after) continue;
			if (rule.times !== undefined && active.fired >= rule.times) continue;
			if (this.rng() >= (rule.rate ?? 1)) continue;
			active.fired++;
			this.log.push({
				emulator,
				route,
				kind: rule.kind,
				...(rule.afterApply ? { afterApply: true } : {}),
				at: new Date().toISOString(),
			});
			this.emit('fault', this.log[this.log.length - 1]);
			return { ...rule, retryAfter: rule.retryAfter ?? 1 };
		}
		return undefined;
	}
}
