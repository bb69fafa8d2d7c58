/** The tiers in review order. */
export const TIER_ORDER = ['kubernetes', 'docker', 'vsphere', 'hyperv', 'virtualbox'];

/** Review order of workloads: by tier, then by name, so reports diff cleanly whatever order the code adds them in. */
export function reviewOrder(a: { tier: string; workloadName: string }, b: { tier: string; workloadName: string }): number {
  return TIER_ORDER.indexOf(a.tier) - TIER_ORDER.indexOf(b.tier) || (a.workloadName < b.workloadName ? -1 : a.workloadName > b.workloadName ? 1 : 0);
}
