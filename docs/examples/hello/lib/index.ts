/**
 * Library of the hello layer: import it as `layer:hello` from layers above.
 */
export { readyMessage } from './ready-message';
