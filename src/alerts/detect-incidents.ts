/**
 * Fewer, fuller alerts: fired decisions that say the same thing about the same hours are folded
 * into one alert, and alerts of one brand close in time share an incident. Online like the
 * detectors: an alert is only ever folded into one at the same hour or earlier, so what was
 * delivered live is what a replay shows.
 *
 * An incident is a brand's (or all brands') run of alerts with no gap over REPEAT_MS, or longer
 * while the brand's own volume is still inside the incident it alerted on (a storm that lasts
 * two days is one incident, however quiet its alerts). Within it:
 * - an emerging topic folds into a volume or negative spike of the same brand × topic in the
 *   incident (the spike already says the topic burst);
 * - a slice (brand × topic, brand × source) raises each kind once; later ones fold into the first.
 * Volume and negative spikes never fold into each other, nor a topic's into its brand's:
 * subscriptions, the alerts list and the dashboard find alerts by kind and topic. (Routing
 * delivers an alert to a subscriber of a kind folded into it: src/db/deliveries.ts, match.ts.)
 */
import { isSlice, REPEAT_MS, type Candidate } from './detect-scan.js';

const KIND_ORDER: Record<Candidate['kind'], number> = { volume_spike: 0, negative_spike: 1, emerging_topic: 2, threshold: 3 };

interface Incident {
  id: string;
  last: number;
  /** First kept alert per series and kind ("brand|topic|source|kind"). */
  first: Map<string, Candidate>;
}

const seriesKey = (c: Candidate) => `${c.series.brand}|${c.series.topic}|${c.series.sourceId}`;

/** Candidates in time order (brand level before slices, spikes before emerging topics), folded. */
export function groupIncidents(candidates: readonly Candidate[], brandOngoing: (brand: string, t: number) => boolean = () => false): Candidate[] {
  const sorted = [...candidates].sort(
    (a, b) =>
      a.t - b.t ||
      Number(isSlice(a.series)) - Number(isSlice(b.series)) ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      a.series.brand.localeCompare(b.series.brand) ||
      a.series.topic.localeCompare(b.series.topic) ||
      a.series.sourceId - b.series.sourceId,
  );
  const incidents = new Map<string, Incident>();
  const kept: Candidate[] = [];
  for (const c of sorted) {
    let incident = incidents.get(c.series.brand);
    if (!incident || (c.t - incident.last > REPEAT_MS && !brandOngoing(c.series.brand, c.t))) {
      incident = { id: `${c.series.brand}@${new Date(c.t).toISOString().slice(0, 13)}Z`, last: c.t, first: new Map() };
      incidents.set(c.series.brand, incident);
    }
    incident.last = c.t;
    const key = `${seriesKey(c)}|${c.kind}`;
    const target = foldTarget(c, incident);
    if (target) {
      // Later alerts on this series fold where this one went.
      if (!incident.first.has(key)) incident.first.set(key, target);
      target.incident!.merged.push({
        kind: c.kind, topic: c.series.topic, source: c.series.sourceId, at: new Date(c.t).toISOString(), observed: c.observed, expected: c.expected,
      });
      continue;
    }
    kept.push({ ...c, incident: { id: incident.id, merged: [] } });
    // The kept copy is the one later alerts fold into.
    incident.first.set(key, kept.at(-1)!);
  }
  return kept;
}

function foldTarget(c: Candidate, incident: Incident): Candidate | undefined {
  const here = seriesKey(c);
  if (c.kind === 'emerging_topic') {
    return incident.first.get(`${here}|volume_spike`) ?? incident.first.get(`${here}|negative_spike`) ?? incident.first.get(`${here}|emerging_topic`);
  }
  return isSlice(c.series) ? incident.first.get(`${here}|${c.kind}`) : undefined;
}
