/** Version A (200 KB) or B (300 KB): 100-byte lines of one letter, so a torn write is obvious. */
export declare function saveLoopContent(letter: 'A' | 'B'): string;
