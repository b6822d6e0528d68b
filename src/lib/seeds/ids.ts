/**
 * arXiv ids and DOIs: recognised in the forms researchers' dumps write them, normalised so two
 * records of one paper compare equal.
 *
 * Readers call these only on fields that name the record's own paper (an id, a DOI, a URL, a
 * note). An id written inside an abstract cites another paper and is never read as the paper's own.
 */

/** New-style ids (`1312.5602`, `2406.01234`), version dropped. */
const NEW_STYLE = /^(\d{2})(0[1-9]|1[0-2])\.(\d{4,5})(?:v\d+)?$/;
/** Old-style ids (`hep-th/9901001`, `math.GT/0309136`), version dropped. */
const OLD_STYLE = /^([a-z-]+)(\.[a-z-]{2})?\/(\d{2})(0[1-9]|1[0-2])(\d{3})(?:v\d+)?$/i;

/**
 * The normalised arXiv id in `raw` when all of `raw` is one id, in any usual spelling:
 * `arXiv:1312.5602v2`, `1312.5602`, `https://arxiv.org/abs/1312.5602v1`, `arxiv.org/pdf/1312.5602.pdf`,
 * `hep-th/9901001`, or the DOI arXiv mints (`10.48550/arXiv.1312.5602`). Null otherwise.
 */
export function normaliseArxivId(raw: string): string | null {
  let id = raw.trim();
  id = id.replace(/^(?:https?:\/\/)?(?:www\.|export\.)?arxiv\.org\/(?:abs|pdf)\//i, '').replace(/\.pdf$/i, '');
  id = id.replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/)?10\.48550\/arxiv\./i, '');
  id = id.replace(/^arxiv:\s*/i, '');
  const modern = NEW_STYLE.exec(id);
  if (modern) return `${modern[1]}${modern[2]}.${modern[3]}`;
  const old = OLD_STYLE.exec(id);
  if (old) return `${old[1].toLowerCase()}${(old[2] ?? '').toUpperCase()}/${old[3]}${old[4]}${old[5]}`;
  return null;
}

/** `arXiv:ID` or an arxiv.org abs/pdf address inside a longer text (a note, a journal field, a URL). */
const ARXIV_IN_TEXT =
  /(?:arxiv:\s*|arxiv\.org\/(?:abs|pdf)\/)((?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z-]{2})?\/\d{7})(?:v\d+)?)/i;

/** The arXiv id a field names (`arXiv:1312.5602` in a note, `http://arxiv.org/abs/1310.4546` in a URL), or null. */
export function findArxivId(text: string | null | undefined): string | null {
  if (!text) return null;
  const match = ARXIV_IN_TEXT.exec(text);
  return match ? normaliseArxivId(match[1]) : null;
}

const DOI = /^10\.\d{4,9}\/\S+$/;

/**
 * The case-folded DOI in `raw` (`10.1038/NATURE14236`, `doi:10.1038/…`, `https://doi.org/10.1038/…`),
 * or null when it is not one. DOIs are case-insensitive, so folding makes them comparable.
 */
export function normaliseDoi(raw: string): string | null {
  let doi = raw.trim().replace(/^doi:\s*/i, '');
  doi = doi.replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '');
  try {
    if (/%[0-9a-f]{2}/i.test(doi)) doi = decodeURIComponent(doi);
  } catch {
    return null;
  }
  doi = doi.replace(/[.,;]+$/, '');
  return DOI.test(doi) ? doi.toLowerCase() : null;
}

/** A doi.org address inside a URL field, or null. */
export function findDoi(text: string | null | undefined): string | null {
  if (!text) return null;
  const match = /(?:doi\.org\/|^doi:\s*)(10\.\d{4,9}\/\S+)/i.exec(text.trim());
  return match ? normaliseDoi(match[1]) : null;
}

/** The arXiv id behind an arXiv-minted DOI (`10.48550/arxiv.1706.03762`), or null for any other DOI. */
export function arxivIdOfDoi(doi: string): string | null {
  return /^10\.48550\/arxiv\./i.test(doi) ? normaliseArxivId(doi) : null;
}
