import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { folderFromArgv, sampleContentDir } from './app-paths';

describe('folderFromArgv', () => {
  it('finds the folder after `npm start -- /path` (electron . /path)', () => {
    expect(folderFromArgv(['/x/electron', '.', '/home/me/site/content'])).toBe('/home/me/site/content');
  });

  it('ignores switches and the app path', () => {
    expect(folderFromArgv(['/x/electron', '/repo/out/main/index.js', '--inspect', 'content'])).toBe('content');
    expect(folderFromArgv(['/Applications/Folio.app/Contents/MacOS/Folio', '--no-sandbox'])).toBeNull();
  });

  it('returns null when no folder is given', () => {
    expect(folderFromArgv(['/x/electron', '.'])).toBeNull();
  });
});

describe('sampleContentDir', () => {
  it('uses resources/ in a checkout and the resources path when packaged', () => {
    expect(sampleContentDir('/repo')).toBe(path.join('/repo', 'resources', 'sample-content'));
    expect(sampleContentDir('/repo', '/opt/Folio/resources')).toBe(path.join('/opt/Folio/resources', 'sample-content'));
  });
});
