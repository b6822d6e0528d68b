/**
 * Term similarity learned from the corpus itself: a low-rank factorisation of the papers'
 * TF-IDF matrix (latent semantic analysis). Words and phrases used in the same papers, or in
 * papers that use the same other words, get nearby vectors, so "protein folding" sits closer
 * to "structure prediction" than "protein" to "policy", and two papers on one subject in
 * other words still look alike. Nothing is downloaded: the space comes from the list.
 *
 * The factorisation is a randomised truncated SVD (Halko, Martinsson and Tropp 2011): the
 * matrix is multiplied by a few dozen pseudo-random vectors, sharpened by power iterations,
 * and the small projected problem is solved exactly (ml-matrix's eigendecomposition). Cost is linear in the corpus: a few
 * passes over its non-zero weights times the number of dimensions.
 *
 * The space stays put when a paper is added to a list, so a rebuild does not reshuffle every
 * paper's neighbours: the pseudo-random vectors are a hash of (the term as written, column),
 * not of the term's position in the vocabulary, which moves when a new paper brings new words;
 * enough power iterations bring the result close to the exact factorisation, whatever the
 * random vectors; and a large list is factorised on a sample of papers chosen by a hash of
 * their ids, which a new paper does not shift. (A fractional number of dimensions, growing by a
 * quarter with each paper, was tried too: it placed papers in topics worse on the judged lists.)
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { TermVector } from './weights.ts';
import { inSample } from './hashed-sample.ts';

export interface LatentSpace {
  dimensions: number;
  /** Unit-length paper vectors: paper i at [i·dimensions, (i+1)·dimensions). */
  papers: Float64Array;
  /** Length of each paper vector before it was made unit length (paper = Σ weight · term / singular value). */
  paperNorms: Float64Array;
  /** Singular values, largest first. */
  singularValues: Float64Array;
  /** Term vectors (right singular vectors scaled by their singular values), by column. */
  terms: Float64Array;
  /** Term id → its column in `terms`, or -1 for a term in fewer than two papers (it relates nothing). */
  columns: Int32Array;
}

const MAX_DIMENSIONS = 48;

/**
 * Dimensions for a corpus of this many papers: enough to tell subjects apart, few enough to
 * generalise: a quarter as many as papers, at most 48.
 */
export function latentDimensions(paperCount: number): number {
  return Math.max(0, Math.min(MAX_DIMENSIONS, Math.floor(paperCount / 4)));
}

const OVERSAMPLING = 8;
/** Enough that the space hardly depends on the random vectors (each costs two passes over the papers). */
const POWER_ITERATIONS = 5;

/** A deterministic pseudo-random number in [-1, 1) for cell (row, column) of the test matrix; `row` is a term's key. */
function testValue(row: number, column: number): number {
  let h = Math.imul(row ^ 0x5bd1e995, 0x9e3779b1) ^ Math.imul(column + 1, 0x85ebca77);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 31 - 1;
}

/** Y = A·X: A is the papers (sparse rows), X a dense terms × width matrix; Y is papers × width. */
function multiply(vectors: readonly TermVector[], x: Float64Array, width: number): Float64Array {
  const y = new Float64Array(vectors.length * width);
  vectors.forEach((vector, i) => {
    const row = i * width;
    for (let k = 0; k < vector.terms.length; k++) {
      const weight = vector.weights[k]!;
      const from = vector.terms[k]! * width;
      for (let c = 0; c < width; c++) y[row + c]! += weight * x[from + c]!;
    }
  });
  return y;
}

/** Z = Aᵀ·Y: Y is papers × width; Z is terms × width. */
function multiplyTransposed(vectors: readonly TermVector[], y: Float64Array, width: number, termCount: number): Float64Array {
  const z = new Float64Array(termCount * width);
  vectors.forEach((vector, i) => {
    const row = i * width;
    for (let k = 0; k < vector.terms.length; k++) {
      const weight = vector.weights[k]!;
      const to = vector.terms[k]! * width;
      for (let c = 0; c < width; c++) z[to + c]! += weight * y[row + c]!;
    }
  });
  return z;
}

/**
 * Orthonormalises the columns of a rows × width matrix (row-major) in place: Cholesky QR, twice
 * for accuracy ("CholeskyQR2"). Each pass reads the rows once (the Gram matrix), factors that
 * small matrix, and solves for the rows: fast for the tall, thin matrices used here. A column
 * the others already span is set to zero rather than amplifying noise.
 */
function orthonormalise(matrix: Float64Array, rows: number, width: number): void {
  for (let pass = 0; pass < 2; pass++) {
    const gram = new Float64Array(width * width);
    for (let r = 0; r < rows; r++) {
      const base = r * width;
      for (let i = 0; i < width; i++) {
        const x = matrix[base + i]!;
        if (x === 0) continue;
        for (let j = i; j < width; j++) gram[i * width + j]! += x * matrix[base + j]!;
      }
    }
    // Upper-triangular R with gram = Rᵀ·R; a dead column gets R[j][j] = 0.
    const factor = new Float64Array(width * width);
    let largest = 0;
    for (let i = 0; i < width; i++) largest = Math.max(largest, gram[i * width + i]!);
    for (let j = 0; j < width; j++) {
      let diagonal = gram[j * width + j]!;
      for (let k = 0; k < j; k++) diagonal -= factor[k * width + j]! ** 2;
      if (diagonal <= 1e-12 * largest || diagonal <= 0) continue;
      const pivot = Math.sqrt(diagonal);
      factor[j * width + j] = pivot;
      for (let i = j + 1; i < width; i++) {
        let value = gram[j * width + i]!;
        for (let k = 0; k < j; k++) value -= factor[k * width + j]! * factor[k * width + i]!;
        factor[j * width + i] = value / pivot;
      }
    }
    // Each row y becomes q with q·R = y (forward substitution); dead columns stay 0.
    for (let r = 0; r < rows; r++) {
      const base = r * width;
      for (let j = 0; j < width; j++) {
        const pivot = factor[j * width + j]!;
        if (pivot === 0) {
          matrix[base + j] = 0;
          continue;
        }
        let value = matrix[base + j]!;
        for (let k = 0; k < j; k++) value -= matrix[base + k]! * factor[k * width + j]!;
        matrix[base + j] = value / pivot;
      }
    }
  }
}

/** Eigenvalues (descending) and eigenvectors (columns, row-major) of a small symmetric matrix. */
export function symmetricEigen(matrix: Float64Array, size: number): { values: Float64Array; vectors: Float64Array } {
  const rows = Array.from({ length: size }, (_, i) => Array.from(matrix.subarray(i * size, (i + 1) * size)));
  const decomposition = new EigenvalueDecomposition(new Matrix(rows), { assumeSymmetric: true });
  const found = decomposition.realEigenvalues;
  const eigenvectors = decomposition.eigenvectorMatrix;
  const order = found.map((_, i) => i).sort((x, y) => found[y]! - found[x]! || x - y);
  const values = Float64Array.from(order, (i) => found[i]!);
  const vectors = new Float64Array(size * size);
  order.forEach((from, to) => {
    for (let k = 0; k < size; k++) vectors[k * size + to] = eigenvectors.get(k, from);
  });
  return { values, vectors };
}

/** Makes each row unit length in place; returns the rows' lengths before. */
function normaliseRows(matrix: Float64Array, rows: number, width: number): Float64Array {
  const norms = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    let norm = 0;
    for (let c = 0; c < width; c++) norm += matrix[r * width + c]! ** 2;
    norms[r] = Math.sqrt(norm);
    const scale = norm > 0 ? 1 / norms[r]! : 0;
    for (let c = 0; c < width; c++) matrix[r * width + c]! *= scale;
  }
  return norms;
}

/**
 * The latent space of papers given as unit TF-IDF vectors over `termCount` terms, with
 * `dimensions` dimensions (see `latentDimensions`). `termKeys` gives each term id a number that depends on the term alone (a hash of
 * its stem), and `paperKeys` each paper one that depends on the paper alone (a hash of its id).
 * With no dimensions (a tiny list), every similarity is 0.
 */
export function latentSpace(
  papers: readonly TermVector[],
  termCount: number,
  dimensions: number,
  termKeys: Int32Array,
  paperKeys: Int32Array,
): LatentSpace {
  const { vectors, columns, columnCount } = sharedTerms(papers, termCount);
  const n = vectors.length;
  const k = Math.max(0, Math.min(dimensions, n, columnCount));
  const width = Math.min(k + OVERSAMPLING, n, columnCount);
  if (k === 0)
    return {
      dimensions: 0,
      papers: new Float64Array(0),
      paperNorms: new Float64Array(0),
      singularValues: new Float64Array(0),
      terms: new Float64Array(0),
      columns,
    };
  // A large list is factorised on a sample of its papers (about one in `step`, by a hash of their
  // ids): the term space of 4,000 papers is as good, and every paper is then projected into it.
  // Rounded, not ceiled: a list of exactly 4,000·k papers and one more get the same step.
  const step = Math.max(1, Math.round(n / MAX_FACTORISED));
  const sample = step === 1 ? vectors : vectors.filter((_, i) => inSample(paperKeys[i]!, step));
  const columnKeys = new Int32Array(columnCount);
  for (let t = 0; t < termCount; t++) if (columns[t]! >= 0) columnKeys[columns[t]!] = termKeys[t]!;
  const { terms, singularValues } = factorise(sample, columnKeys, k, width);
  const { papers: projected, paperNorms } = project(vectors, terms, singularValues);
  return { dimensions: k, papers: projected, paperNorms, singularValues, terms, columns };
}

/** Papers factorised at most: beyond, a sample (see `latentSpace`). */
const MAX_FACTORISED = 4_000;

/** Papers in the space: each the sum of its terms' vectors (weight · term / singular value), then unit length. */
function project(
  vectors: readonly TermVector[],
  terms: Float64Array,
  singularValues: Float64Array,
): { papers: Float64Array; paperNorms: Float64Array } {
  const k = singularValues.length;
  const papers = new Float64Array(vectors.length * k);
  vectors.forEach((vector, i) => {
    const row = i * k;
    for (let slot = 0; slot < vector.terms.length; slot++) {
      const weight = vector.weights[slot]!;
      const from = vector.terms[slot]! * k;
      for (let c = 0; c < k; c++) papers[row + c]! += weight * terms[from + c]!;
    }
    for (let c = 0; c < k; c++) papers[row + c] = singularValues[c]! > 0 ? papers[row + c]! / singularValues[c]! : 0;
  });
  return { papers, paperNorms: normaliseRows(papers, vectors.length, k) };
}

/** The papers over terms in at least two papers only, renumbered densely (a column per term). */
function sharedTerms(
  papers: readonly TermVector[],
  termCount: number,
): { vectors: TermVector[]; columns: Int32Array; columnCount: number } {
  const df = new Int32Array(termCount);
  for (const paper of papers) for (const term of paper.terms) df[term]!++;
  const columns = new Int32Array(termCount).fill(-1);
  let columnCount = 0;
  for (let t = 0; t < termCount; t++) if (df[t]! >= 2) columns[t] = columnCount++;
  const vectors = papers.map((paper) => {
    const terms: number[] = [];
    const weights: number[] = [];
    paper.terms.forEach((term, i) => {
      if (columns[term]! >= 0) {
        terms.push(columns[term]!);
        weights.push(paper.weights[i]!);
      }
    });
    return { terms: Int32Array.from(terms), weights: Float64Array.from(weights) };
  });
  return { vectors, columns, columnCount };
}

/** Term vectors (V·Σ, first k columns) and singular values of the papers' matrix. */
function factorise(
  vectors: readonly TermVector[],
  termKeys: Int32Array,
  k: number,
  width: number,
): { terms: Float64Array; singularValues: Float64Array } {
  const n = vectors.length;
  const termCount = termKeys.length;
  const omega = new Float64Array(termCount * width);
  for (let t = 0; t < termCount; t++) for (let c = 0; c < width; c++) omega[t * width + c] = testValue(termKeys[t]!, c);
  let q = multiply(vectors, omega, width);
  orthonormalise(q, n, width);
  for (let iteration = 0; iteration < POWER_ITERATIONS; iteration++) {
    const z = multiplyTransposed(vectors, q, width, termCount);
    orthonormalise(z, termCount, width);
    q = multiply(vectors, z, width);
    orthonormalise(q, n, width);
  }
  // Bᵀ = Aᵀ·Q (terms × width); B·Bᵀ is small, and its eigenvectors give the singular vectors.
  const bt = multiplyTransposed(vectors, q, width, termCount);
  const gram = new Float64Array(width * width);
  for (let t = 0; t < termCount; t++) {
    const row = t * width;
    for (let i = 0; i < width; i++) {
      const x = bt[row + i]!;
      if (x === 0) continue;
      for (let j = i; j < width; j++) gram[i * width + j]! += x * bt[row + j]!;
    }
  }
  for (let i = 0; i < width; i++) for (let j = 0; j < i; j++) gram[i * width + j] = gram[j * width + i]!;
  const { values, vectors: u } = symmetricEigen(gram, width);
  // Terms: Bᵀ·U = V·Σ.
  const terms = new Float64Array(termCount * k);
  for (let t = 0; t < termCount; t++) {
    for (let c = 0; c < k; c++) {
      let sum = 0;
      for (let j = 0; j < width; j++) sum += bt[t * width + j]! * u[j * width + c]!;
      terms[t * k + c] = sum;
    }
  }
  return { terms, singularValues: Float64Array.from({ length: k }, (_, c) => Math.sqrt(Math.max(0, values[c]!))) };
}

/** Cosine of papers a and b in the latent space (0 when it has no dimensions). */
export function paperSimilarity(space: LatentSpace, a: number, b: number): number {
  const d = space.dimensions;
  let dot = 0;
  for (let c = 0; c < d; c++) dot += space.papers[a * d + c]! * space.papers[b * d + c]!;
  return dot;
}

/** Cosine of two terms or phrases, each given as term ids (a phrase is the sum of its words). */
export function termSimilarity(space: LatentSpace, a: readonly number[], b: readonly number[]): number {
  const d = space.dimensions;
  const sum = (ids: readonly number[]) => {
    const vector = new Float64Array(d);
    for (const id of ids) {
      const column = space.columns[id] ?? -1;
      if (column >= 0) for (let c = 0; c < d; c++) vector[c]! += space.terms[column * d + c]!;
    }
    return vector;
  };
  const x = sum(a);
  const y = sum(b);
  let dot = 0;
  let nx = 0;
  let ny = 0;
  for (let c = 0; c < d; c++) {
    dot += x[c]! * y[c]!;
    nx += x[c]! ** 2;
    ny += y[c]! ** 2;
  }
  return nx > 0 && ny > 0 ? dot / Math.sqrt(nx * ny) : 0;
}
