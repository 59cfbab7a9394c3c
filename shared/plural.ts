/** Counts in words with English plural rules (Intl.PluralRules), never `count === 1`. */

/** A noun's forms for Intl.PluralRules' English categories. */
export interface Noun {
  one: string
  other: string
}

const rules = new Intl.PluralRules('en')

/** The form of `noun` for `count`: countOf's noun without the number. */
export function nounFor(count: number, noun: Noun): string {
  return rules.select(count) === 'one' ? noun.one : noun.other
}

/** "1 interview", "3 interviews", "1,200 interviews" (thousands grouped as the app writes them). */
export function countOf(count: number, noun: Noun): string {
  return `${count.toLocaleString('en-GB')} ${nounFor(count, noun)}`
}
