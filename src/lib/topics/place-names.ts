/**
 * Countries and continents. Written like names, they pass as names to the topic code, and a list
 * on one field often has several studies from one country: day-listing-c grouped two COVID-19
 * studies from Wuhan, one on colistin resistance and one from Europe under "China". A place says
 * where a study was done, not what it is about, so it never names a topic on its own; it still
 * counts as a paper's key term and in related papers, and phrases that contain one ("Atlantic
 * Meridional Overturning Circulation", "South China Sea") are unaffected.
 */
import { normalizePhrase } from '../text/tokenize.ts';

// Names separated by commas, a line of them at a time (a list of strings would be a line each).
const PLACES = [
  // Continents and the regions papers name as places (not the poles: they are subjects of study).
  'Africa, America, Asia, Australia, Europe, Oceania, North America',
  'South America, Latin America, Central America, Middle East, Southeast Asia, East Asia',
  'South Asia, Sub-Saharan Africa, West Africa, East Africa, Scandinavia',
  // Countries (common English names), and the usual short forms.
  'Afghanistan, Albania, Algeria, Angola, Argentina, Armenia, Austria, Azerbaijan',
  'Bangladesh, Belarus, Belgium, Benin, Bolivia, Botswana, Brazil, Bulgaria, Burkina Faso',
  'Burundi, Cambodia, Cameroon, Canada, Chile, China, Colombia, Congo, Costa Rica, Croatia',
  'Cuba, Cyprus, Czechia, Czech Republic, Denmark, Ecuador, Egypt, El Salvador, England',
  'Estonia, Ethiopia, Finland, France, Germany, Ghana, Greece, Guatemala, Haiti, Honduras',
  'Hong Kong, Hungary, Iceland, India, Indonesia, Iran, Iraq, Ireland, Israel, Italy, Japan',
  'Kazakhstan, Kenya, Korea, South Korea, North Korea, Kuwait, Laos, Latvia, Lebanon',
  'Liberia, Libya, Lithuania, Luxembourg, Madagascar, Malawi, Malaysia, Mali, Mexico',
  'Mongolia, Morocco, Mozambique, Myanmar, Namibia, Nepal, Netherlands, New Zealand',
  'Nicaragua, Nigeria, Norway, Oman, Pakistan, Panama, Paraguay, Peru, Philippines, Poland',
  'Portugal, Qatar, Romania, Russia, Rwanda, Saudi Arabia, Scotland, Senegal, Serbia',
  'Sierra Leone, Singapore, Slovakia, Slovenia, Somalia, South Africa, South Sudan, Spain',
  'Sri Lanka, Sudan, Sweden, Switzerland, Syria, Taiwan, Tanzania, Thailand, Tunisia',
  'Turkey, Uganda, Ukraine, United Kingdom, UK, United States, USA, Uruguay, Uzbekistan',
  'Venezuela, Vietnam, Wales, Yemen, Zambia, Zimbabwe',
].flatMap((line) => line.split(', '));

const PLACE_KEYS: ReadonlySet<string> = new Set(PLACES.map(normalizePhrase));

/** Is this key (stems joined by spaces, as `normalizePhrase` gives) a country's or continent's name? */
export function isPlaceName(key: string): boolean {
  return PLACE_KEYS.has(key);
}
