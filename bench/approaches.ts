// The approaches the benchmark can run, by id; loaded lazily so a child process holds only its own approach's code.
import type { Approach } from './harness.ts';

/** Every approach id the child process accepts. */
export const APPROACH_IDS = [
  'kaoping',
  'kaoping-reference',
  'hand-columnar',
  'json-rules-engine',
  'zen-engine',
  'zen-engine-concurrent',
] as const;

export type ApproachId = (typeof APPROACH_IDS)[number];

export function isApproachId(s: string): s is ApproachId {
  return (APPROACH_IDS as readonly string[]).includes(s);
}

/** Loads one approach. */
export async function loadApproach(id: ApproachId): Promise<Approach<unknown>> {
  switch (id) {
    case 'kaoping': return (await import('./peers/kaoping.ts')).kaopingCompiled as Approach<unknown>;
    case 'kaoping-reference': return (await import('./peers/kaoping.ts')).kaopingReference as Approach<unknown>;
    case 'hand-columnar': return (await import('./peers/hand-columnar.ts')).handColumnar as Approach<unknown>;
    case 'json-rules-engine': return (await import('./peers/json-rules-engine.ts')).jsonRulesEngine as Approach<unknown>;
    case 'zen-engine': return (await import('./peers/zen-engine.ts')).zenEngine('loop') as Approach<unknown>;
    case 'zen-engine-concurrent': return (await import('./peers/zen-engine.ts')).zenEngine('concurrent') as Approach<unknown>;
  }
}
