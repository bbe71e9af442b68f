import { describe, expect, it } from 'vitest';
import { anyTestFault, parseTestFaults } from './test-faults';

describe('parseTestFaults (the web host test-only seam, threats rows 23, 28)', () => {
  it('is off unless the environment names a fault', () => {
    expect(parseTestFaults(undefined)).toEqual({ watchLimit: false, diskFullOnce: false });
    expect(parseTestFaults('')).toEqual({ watchLimit: false, diskFullOnce: false });
    expect(anyTestFault(parseTestFaults(undefined))).toBe(false);
  });

  it('turns on the named faults', () => {
    expect(parseTestFaults(' watch-limit ,')).toEqual({ watchLimit: true, diskFullOnce: false });
    expect(parseTestFaults('disk-full-once,watch-limit')).toEqual({ watchLimit: true, diskFullOnce: true });
    expect(anyTestFault(parseTestFaults('watch-limit'))).toBe(true);
  });

  it('refuses a name it does not know rather than silently running without the fault', () => {
    expect(() => parseTestFaults('watch-limit,disk-ful')).toThrow(/unknown fault "disk-ful"/);
    expect(() => parseTestFaults('__proto__')).toThrow(/unknown fault/);
  });
});
