/**
 * Where a user sends us a page we do not recognise: the project's issue tracker (a placeholder
 * address until the project has its public home). Only text and a link the user may follow: the
 * extension itself never sends anything (README "Send us a page").
 */
export const SUPPORT_URL = 'https://github.com/esim-usage-guard/esim-usage-guard/issues/new';
