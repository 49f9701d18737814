/** A compact reading of `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)`: where the time of a plan goes. */

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Alias?: string;
  'Actual Total Time': number;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Sort Method'?: string;
  'Sort Space Used'?: number;
  'Sort Space Type'?: string;
  'Workers Launched'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  'Temp Written Blocks'?: number;
  Plans?: PlanNode[];
}

export interface ExplainJson {
  Plan: PlanNode;
  'Planning Time': number;
  'Execution Time': number;
  /** Present when the statement was JIT-compiled; its time is part of the execution time. */
  JIT?: { Functions: number; Timing: { Total: number } };
}

export interface PlanSummary {
  executionMs: number;
  planningMs: number;
  sharedHit: number;
  sharedRead: number;
  tempWritten: number;
  /** JIT compilation, included in executionMs; 0 when the statement was not compiled. */
  jitMs: number;
  /** The nodes that spend the most time themselves (children excluded), most first. */
  hotNodes: string[];
}

const label = (n: PlanNode): string => {
  // Bitmap Index Scan nodes name their index but not its table.
  const on = `${n['Index Name'] ? ` using ${n['Index Name']}` : ''}${n['Relation Name'] ? ` on ${n['Relation Name']}` : ''}`;
  const sort = n['Sort Method'] ? ` (${n['Sort Method']}, ${n['Sort Space Used']} kB ${n['Sort Space Type']})` : '';
  const removed = n['Rows Removed by Filter'] ? `, ${n['Rows Removed by Filter'] * n['Actual Loops']} removed by filter` : '';
  const workers = n['Workers Launched'] ? `, ${n['Workers Launched']} workers` : '';
  return `${n['Node Type']}${on}${sort}: ${n['Actual Rows'] * n['Actual Loops']} rows${removed}${workers}`;
};

/**
 * Time a node spends itself: its total (per loop × loops) minus its children's totals. Summed over
 * parallel workers, so it can exceed the wall-clock time; EXPLAIN rounds per-loop times to 1 µs, so
 * nodes looped 100 000 times are only approximate.
 */
function selfTimes(node: PlanNode, out: { node: PlanNode; ms: number }[]): void {
  const total = (n: PlanNode) => n['Actual Total Time'] * n['Actual Loops'];
  const children = node.Plans ?? [];
  out.push({ node, ms: Math.max(0, total(node) - children.reduce((sum, c) => sum + total(c), 0)) });
  for (const c of children) selfTimes(c, out);
}

export function summarizePlan(explain: ExplainJson, top = 3): PlanSummary {
  const nodes: { node: PlanNode; ms: number }[] = [];
  selfTimes(explain.Plan, nodes);
  nodes.sort((a, b) => b.ms - a.ms);
  return {
    executionMs: explain['Execution Time'],
    planningMs: explain['Planning Time'],
    sharedHit: explain.Plan['Shared Hit Blocks'] ?? 0,
    sharedRead: explain.Plan['Shared Read Blocks'] ?? 0,
    tempWritten: explain.Plan['Temp Written Blocks'] ?? 0,
    jitMs: explain.JIT?.Timing.Total ?? 0,
    hotNodes: nodes.slice(0, top).map(({ node, ms }) => `${ms.toFixed(1)} ms ${label(node)}`),
  };
}
