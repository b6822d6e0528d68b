/**
 * Curator overrides (src/content/topics/<slug>.mdx) applied to the automatic topics:
 * rename, describe, add alias phrases, merge automatic topics into one, pin a topic
 * discovery would not produce, hide one. They work alongside the automatic topics.
 */
import type { TopicDraft } from './draft.ts';
import { titleCase } from '../text/analysis/title-case.ts';
import { appendTo } from './collections.ts';
import { compareStrings } from '../compare.ts';

export interface TopicOverride {
  /** The slug (file name); the topic's stable address /topics/<id>/. */
  id: string;
  name?: string;
  /** Key phrases (and acronyms) that also mean this topic: papers using them join it. */
  aliases?: string[];
  /** Ids of automatic topics to fold into this one. */
  merge?: string[];
  /** Always keep this topic, even if small or not discovered. */
  pinned?: boolean;
  /** Drop this automatic topic (its papers keep their other topics, if any). */
  hidden?: boolean;
  /** Body text. */
  description?: string;
}

/** One override per id (the first in id order, then file order, wins a duplicate). */
function overridesById(overrides: readonly TopicOverride[]): Map<string, TopicOverride> {
  const byId = new Map<string, TopicOverride>();
  for (const override of [...overrides].sort((a, b) => compareStrings(a.id, b.id))) {
    if (!byId.has(override.id)) byId.set(override.id, override);
  }
  return byId;
}

/** The phrases an override brings: its name (if given) and its aliases, normalised. */
function overrideKeys(override: TopicOverride, normalize: (text: string) => string): string[] {
  const texts = [override.name, ...(override.aliases ?? [])].filter((text): text is string => text !== undefined);
  return texts.map(normalize).filter((key) => key !== '');
}

function unique(keys: readonly string[]): string[] {
  return [...new Set(keys)];
}

/**
 * Applies overrides to the automatic drafts. `normalize` turns a phrase into a key
 * (`normalizePhrase`). An automatic topic whose phrase is an override's name or alias folds
 * into that override, so the curated topic and a discovered twin never both appear.
 */
export function applyOverrides(
  automatic: readonly TopicDraft[],
  overrides: readonly TopicOverride[],
  normalize: (text: string) => string,
): TopicDraft[] {
  const byId = overridesById(overrides);
  const mergedInto = new Map<string, string>();
  const claimedKeys = new Map<string, string>();
  for (const override of byId.values()) {
    if (override.hidden) continue;
    for (const id of override.merge ?? []) if (id !== override.id && !mergedInto.has(id)) mergedInto.set(id, override.id);
    for (const key of overrideKeys(override, normalize)) if (!claimedKeys.has(key)) claimedKeys.set(key, override.id);
  }

  const folded = new Map<string, string[]>();
  const fold = (targetId: string, draft: TopicDraft) => appendTo(folded, targetId, ...draft.matchers);
  const result: TopicDraft[] = [];
  const autoIds = new Set(automatic.map((draft) => draft.id));

  for (const draft of automatic) {
    const own = byId.get(draft.id);
    if (own?.hidden) continue;
    const target =
      mergedInto.get(draft.id) ?? (own ? undefined : draft.matchers.map((key) => claimedKeys.get(key)).find((id) => id !== undefined));
    if (target !== undefined && !byId.get(target)?.hidden) {
      fold(target, draft);
      continue;
    }
    result.push(draft);
  }

  const withOverrides = result.map((draft) => {
    const override = byId.get(draft.id);
    if (override === undefined) return draft;
    return curated(draft, override, folded.get(draft.id) ?? [], normalize);
  });
  for (const override of byId.values()) {
    if (override.hidden || autoIds.has(override.id)) continue;
    const base: TopicDraft = {
      id: override.id,
      name: override.name ?? titleCase(override.id.replace(/-+/g, ' ')),
      matchers: override.name === undefined ? [normalize(override.id.replace(/-+/g, ' '))].filter((key) => key !== '') : [],
      pinned: false,
      capped: true,
    };
    withOverrides.push(curated(base, override, folded.get(override.id) ?? [], normalize));
  }
  return withOverrides;
}

function curated(
  draft: TopicDraft,
  override: TopicOverride,
  foldedKeys: readonly string[],
  normalize: (text: string) => string,
): TopicDraft {
  const merged = foldedKeys.length > 0;
  return {
    id: override.id,
    name: override.name ?? draft.name,
    ...(override.description !== undefined
      ? { description: override.description }
      : draft.description !== undefined
        ? { description: draft.description }
        : {}),
    matchers: unique([...draft.matchers, ...overrideKeys(override, normalize), ...foldedKeys]),
    pinned: draft.pinned || override.pinned === true,
    capped: draft.capped && !merged && override.pinned !== true,
  };
}
