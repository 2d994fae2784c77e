import { describe, expect, it } from 'vitest';
import { groupIncidents } from '../../src/alerts/detect-incidents.js';
import type { Candidate } from '../../src/alerts/detect-scan.js';
import type { AlertKind } from '../../src/db/alerts.js';

const H = 3_600_000;
const T = Date.UTC(2015, 1, 22, 12);
function c(kind: AlertKind, brand: string, topic: string, hour: number, sourceId = 0): Candidate {
  return { kind, series: { brand, topic, sourceId }, t: T + hour * H, windowFrom: T + hour * H, observed: 10, expected: 1, score: 6, summary: '', detector: {} };
}
const show = (cs: Candidate[]) => cs.map((x) => `${(x.t - T) / H} ${x.kind} ${x.series.brand}/${x.series.topic}`);

describe('groupIncidents', () => {
  it('folds an emerging topic into its topic\'s spike; never a topic into its brand, nor one kind into another', () => {
    const out = groupIncidents([c('emerging_topic', 'aa', 'bags', 0), c('volume_spike', 'aa', 'bags', 0), c('volume_spike', 'aa', '*', 0), c('negative_spike', 'aa', 'bags', 0)]);
    expect(show(out)).toEqual(['0 volume_spike aa/*', '0 volume_spike aa/bags', '0 negative_spike aa/bags']);
    expect(out[1]!.incident!.merged.map((m) => `${m.kind} ${m.topic}`)).toEqual(['emerging_topic bags']);
    expect(out[0]!.incident!.merged).toEqual([]);
  });

  it('a slice raises each kind once per incident; a later hour of a new kind is new information', () => {
    const out = groupIncidents([c('volume_spike', 'aa', 'bags', 0), c('volume_spike', 'aa', 'bags', 3), c('negative_spike', 'aa', 'bags', 4), c('volume_spike', 'aa', '*', 5)]);
    expect(show(out)).toEqual(['0 volume_spike aa/bags', '4 negative_spike aa/bags', '5 volume_spike aa/*']);
    expect(new Set(out.map((x) => x.incident!.id))).toEqual(new Set(['aa@2015-02-22T12Z']));
  });

  it('a new incident starts after a quiet day, unless the brand is still inside its alerted incident', () => {
    const input = [c('volume_spike', 'aa', 'bags', 0), c('volume_spike', 'aa', 'bags', 30)];
    expect(show(groupIncidents(input))).toEqual(['0 volume_spike aa/bags', '30 volume_spike aa/bags']);
    const stormGoesOn = groupIncidents(input, (brand, t) => brand === 'aa' && t < T + 48 * H);
    expect(show(stormGoesOn)).toEqual(['0 volume_spike aa/bags']);
    expect(stormGoesOn[0]!.incident!.merged).toHaveLength(1);
  });

  it('never folds across brands, and never folds brand-level spikes', () => {
    const out = groupIncidents([c('volume_spike', 'aa', '*', 0), c('volume_spike', 'aa', '*', 2), c('volume_spike', 'ua', 'bags', 0), c('negative_spike', 'aa', '*', 0)]);
    expect(show(out)).toEqual(['0 volume_spike aa/*', '0 negative_spike aa/*', '0 volume_spike ua/bags', '2 volume_spike aa/*']);
  });
});
