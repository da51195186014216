/**
 * The notifications' icon (Chrome requires one), shipped as a file of the extension: the extension
 * pages' CSP lets images come only from the extension itself (see wxt.config.ts), and Chrome loads
 * a notification's icon under that policy.
 */
export const ALERT_ICON_PATH = '/alert-icon.png';
