/**
 * What differs between the shells that run the services (Electron, the web host, tests): native
 * dialogs and the system browser. Services receive this instead of importing electron.
 */
export interface HostCapabilities {
  readonly kind: 'electron' | 'web';
  /** Asks the user for a folder; resolves null when they cancel or the host has no dialog. */
  pickFolder(): Promise<string | null>;
  /** Opens a URL that `checkExternalUrl` has already accepted. */
  openExternal(url: string): Promise<void>;
  /** Moves a file to the system trash; absent where there is none (the web host keeps `.folio/trash`). */
  trashItem?(absPath: string): Promise<void>;
}
