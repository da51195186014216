/**
 * The allow-list of the redacted page sample: the only words it copies as they are — the words a
 * portal LABELS figures with: the grammar's own phrases (lib/extract/phrases.ts), units, month
 * names, bucket and page-furniture words, in the portals' languages. Any other word (a name, a
 * street, a company) is masked, whatever greets or labels it. Kept short: it ships in every
 * carrier's content script.
 */
import { MONTH_NAMES } from '../extract/dates';
import { PHRASES } from '../extract/phrases';
import { UNIT_WORDS } from '../extract/units';

const WORDS = new Set(
  [
    ...`a al de del el en la las los y o con por para sin hasta desde hoy hace has et il vous le les du des au sur par pour
dans mes of the to my your and in on at for mi mis tu tus te se su sus datos dades données data internet móvil
mobile línea línia ligne line número numéro number plan forfait tarifa bolsa bono bonus roaming saldo crédit balance
factura facture bill ciclo periodo fecha date vigencia vence renueva renouvellement expiry cuenta compte account cliente
client customer titular nombre nom name ayuda aide help sesión session total extra días jours days mes mois month hola
bonjour hello welcome card consumo consum conso cierra actualizado compartidos partagée ilimitado illimité unlimited revisa`.split(/\s+/),
    ...UNIT_WORDS,
    ...MONTH_NAMES,
  ].map((w) => w.toLowerCase()),
);
const LABELS = [...Object.values(PHRASES.used), ...Object.values(PHRASES.remaining), ...Object.values(PHRASES.login)].flat();

/** Han terms kept whole, longest first (so 已使用 wins over 已用). */
export const CJK_TERMS: readonly string[] = [
  ...'數據 数据 本地 漫遊 漫游 額外 贈送 服務 計劃 计划 套餐 共享 失效 日期 到期 號碼 号码 無限 无限 總量 总量 歡迎 月 年 日'.split(' '),
  ...[...PHRASES.used.zh, ...PHRASES.remaining.zh, ...PHRASES.login.zh].map((re) => re.source),
].sort((a, b) => b.length - a.length);

/** Whether the sample may copy `word` (a Latin word) as it is. */
export function allowedWord(word: string): boolean {
  const w = word.toLowerCase();
  return w.length <= 1 || WORDS.has(w) || LABELS.some((re) => re.test(w) && re.exec(w)![0].length === w.length);
}

/** Whether a class-name or id token may be copied: a short or hashed one, or a label word. */
export function allowedToken(token: string): boolean {
  return token.length <= 3 || /\d/.test(token) || allowedWord(token);
}
