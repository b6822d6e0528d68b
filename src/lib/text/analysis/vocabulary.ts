/** Stem → dense id, shared by everything that reads one corpus. */
import { Interner } from '../interner.ts';

export class Vocabulary extends Interner {
  get stems(): readonly string[] {
    return this.values;
  }

  /** Stem ids joined as a key: "vision languag action model". */
  key(stemIds: readonly number[]): string {
    return stemIds.map((id) => this.stems[id]!).join(' ');
  }
}
