/** Local images of the workspace, read safely for previews. */
export { MAX_IMAGE_ASSET_BYTES, readImageAsset } from './read-image-asset';
