import zipcodes from 'zipcodes';

const EARTH_RADIUS_MILES = 3958.5654;
const rad = (deg: number) => (deg * Math.PI) / 180;

/**
 * Straight-line miles between two US ZIP codes, unrounded, from the maintained
 * `zipcodes` dataset (its own `distance()` rounds to whole miles, and travel is
 * charged per mile rounded up). `undefined` when either ZIP is unknown.
 */
export function zipDistanceMiles(from: string, to: string): number | undefined {
  const a = zipcodes.lookup(from);
  const b = zipcodes.lookup(to);
  if (!a || !b || a.country !== 'US' || b.country !== 'US') return undefined;
  if (a.zip === b.zip) return 0;
  const cos =
    Math.sin(rad(a.latitude)) * Math.sin(rad(b.latitude)) + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.cos(rad(a.longitude - b.longitude));
  return Math.acos(Math.min(1, Math.max(-1, cos))) * EARTH_RADIUS_MILES;
}

let usPlaces: Set<string> | undefined;

/**
 * The names of the places (cities, towns) of the US in the ZIP dataset,
 * lowercase, so the chat can tell that "do you come to Newport Beach" or
 * "can you drive to Thousand Oaks" names a place.
 */
export function usPlaceNames(): ReadonlySet<string> {
  usPlaces ??= new Set(
    Object.values(zipcodes.codes)
      .filter((z) => z.country === 'US')
      .map((z) => z.city.toLowerCase()),
  );
  return usPlaces;
}
