import { createHash } from 'node:crypto';

/**
 * A digest of bytes or of a JSON value: the key of the pipeline's inputs (and of the topic files),
 * the same whether a content loader or an integration computes it (src/integrations/corpus-early.ts).
 */
export function inputDigest(value: unknown): string {
  return createHash('sha256')
    .update(value instanceof Uint8Array ? value : JSON.stringify(value))
    .digest('hex')
    .slice(0, 32);
}
