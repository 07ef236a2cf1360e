// Text a person can read. Zero-width spaces, direction marks, word joiners and fillers take no room on screen: a
// title made only of them opens a case nobody can read, and a reason made only of them tells the customer nothing.

/** Invisible characters that never belong at either end of what someone typed (safe to trim there). */
const EDGE_INVISIBLE = "\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF";
const EDGES = new RegExp(`^[\\s${EDGE_INVISIBLE}]+|[\\s${EDGE_INVISIBLE}]+$`, "gu");

/**
 * Everything that shows nothing by itself: default-ignorable characters (the above, variation selectors, tags, the
 * combining grapheme joiner, Hangul fillers), other format characters, white space and the blank braille pattern.
 * Inside an emoji sequence some of these matter (a joiner, a variation selector), so they are removed only to
 * judge, never from the text.
 */
const SHOWS_NOTHING = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{White_Space}\u2800]/gu;

/** The text without white space and invisible characters at its ends. */
export function trimInvisible(text: string): string {
  return text.replace(EDGES, "");
}

/** Whether anything in the text shows on screen. */
export function hasVisibleText(text: string): boolean {
  return text.replace(SHOWS_NOTHING, "").length > 0;
}
