/** "1 paper", "3 papers": a count and its noun, in the plural unless the count is one. */
export const counted = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

export const paperCount = (count: number): string => counted(count, 'paper');
