// Shared by the kill test and its child so both agree on the exact bytes of versions A and B.
const SIZES = { A: 200 * 1024, B: 300 * 1024 };

/** Version A (200 KB) or B (300 KB): 100-byte lines of one letter, so a torn write is obvious. */
export function saveLoopContent(letter) {
  return `${letter.repeat(99)}\n`.repeat(SIZES[letter] / 100 + 1);
}
