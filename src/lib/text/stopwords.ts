/**
 * Words that carry no topic of their own.
 *
 * Two lists, because callers need them apart:
 * - `STOP_WORDS`: English function words (articles, pronouns, prepositions, auxiliaries…).
 *   Phrases keep them inside ("learning from demonstrations") but they never stand as terms.
 * - `GENERIC_WORDS`: words every research abstract uses ("propose", "method", "results").
 *   They say nothing about what a paper is about, so similarity and topic naming skip them.
 *
 * Both hold lowercase surface forms. Generic words are also matched by stem (see
 * `isGenericTerm`), so "proposes", "proposed" and "proposing" all count as generic.
 */
import { stem } from './stem.ts';

const FUNCTION_WORDS = `
a about above across after afterwards again against all almost alone along already also
although always am among amongst an and another any anyhow anyone anything anyway anywhere
are aren around as at be became because become becomes becoming been before beforehand
behind being below beside besides between beyond both but by can cannot cant could couldn
couldnt did didn didnt do does doesn doesnt doing don dont done down due during each eg
either else elsewhere enough etc even ever every everyone everything everywhere except few
for former formerly from further furthermore had hadn hadnt has hasn hasnt have haven havent
having he hence her here hereafter hereby herein hers herself him himself his how i ie if
in indeed into is isn isnt it its itself just least less let lets ll may maybe me meanwhile
might mine more moreover most mostly much must mustn my myself namely neither never
nevertheless next no nobody none noone nor not nothing now nowhere of off often on once one
ones only onto or other others otherwise ought our ours ourselves out over own per perhaps
quite rather re same shall shan she should shouldn shouldnt since so some somehow someone
something sometime sometimes somewhere still such than that thats the their theirs them
themselves then thence there thereafter thereby therefore therein thereupon these they this
those though through throughout thru thus to together too toward towards under unless until
up upon us ve very via vs was wasn wasnt we were weren werent what whatever when whence
whenever where whereas whereby wherein whereupon wherever whether which while whither who
whoever whole whom whose why will with within without won wont would wouldn wouldnt yet you
your yours yourself yourselves
`;

/**
 * Filler of research abstracts. Kept deliberately short: a word belongs here only if it
 * would be a useless "shared term" between two unrelated papers. Domain words that are
 * merely frequent ("model", "learning", "data") are NOT here: corpus statistics (document
 * frequency caps, IDF) deal with those, and in phrases they matter ("language model").
 */
const ACADEMIC_FILLER = `
ability able achieve achieved achieves achieving across additionally address addressed
addresses addressing aim aims allow allowed allowing allows alternative approach approaches
available based baseline baselines benefit benefits best better broad called capable case
cases challenge challenges challenging claim clear common compared comparing comparison
competitive conduct conducted consider considered consist consists contribution
contributions current currently describe described designed despite detailed develop
developed different difficult discuss efficacy effort efforts enable enabled enables
enabling especially establish evaluate evaluated evaluates evaluating evaluation evaluations
evidence example examples existing experimental extensive extensively fact far finally find
finding findings finds first focus found framework frameworks fully furthermore given good
great help helps high higher highly however important improve improved improvement
improvements improves improving include includes including increase increasing introduce
introduced introduces introducing investigate investigated issue issues key known largely
lead leading leads like limitation limitations limited literature lot main mainly make makes
making many method methodology methods moreover namely need needs new notably novel number
numerous obtain obtained offer offers often outperform outperforming outperforms overall
paper papers particular particularly perform performance performed performs potential
present presented presents previous previously primarily problem problems promising propose
proposed proposes proposing prove proven provide provided provides providing range recent
recently reduce reduced reducing remain remains report reported require required requires
requiring research researchers respectively result resulting results reveal reveals second
section several show showing shown shows significant significantly simple simply specific
specifically strong studied studies study substantial substantially success successful
successfully suggest suggests superior technique techniques therefore three thus two type
types typical typically use used useful uses using usually various way ways well wide widely
work works yield yields
`;

function wordSet(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter((word) => word.length > 0));
}

/** English function words, lowercase. */
export const STOP_WORDS: ReadonlySet<string> = wordSet(FUNCTION_WORDS);

/** Generic academic-abstract words, lowercase surface forms. */
export const GENERIC_WORDS: ReadonlySet<string> = wordSet(ACADEMIC_FILLER);

/** Stems of the generic words, so every inflection of a generic word is generic too. */
const GENERIC_STEMS: ReadonlySet<string> = new Set([...GENERIC_WORDS].map((word) => stem(word)));

export function isStopWord(lowerWord: string): boolean {
  return STOP_WORDS.has(lowerWord);
}

export function isGenericWord(lowerWord: string): boolean {
  return GENERIC_WORDS.has(lowerWord);
}

/**
 * True when a stemmed term is the stem of a generic word ("propos", "result", "method").
 * Use this on stems; `isGenericWord` is for surface words.
 */
export function isGenericTerm(stemmed: string): boolean {
  return GENERIC_STEMS.has(stemmed);
}
