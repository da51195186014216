/**
 * The allow-list of the redacted page sample: the only words it copies as they are. Everything
 * a portal uses to LABEL figures (the grammar's phrases, units, bucket words, month names, the
 * usual page furniture), in the portals' languages. Any other word — a name, a street, a company —
 * is masked, whatever greets or labels it.
 */
import { MONTH_NAMES } from '../extract/dates';
import { UNIT_WORDS } from '../extract/units';

const LATIN = `
a al algo ante aqui aquí ayuda bienvenido bienvenida bienvenidos bono bonos bolsa bolsas buenas buenos cargando
cerrar cierra ciclo cliente clientes compartido compartidos comprar con consulta consultar consumido consumidos consumo
consumos contratar cuenta cuentas de del desde detalle dentro disponible disponibles días dia día datos el en entre es
esta este extra factura facturación fecha gasto gigas hace has hasta hola hoy incluido incluidos inicio internet
ilimitado ilimitados ilimitada ilimitadas la las libre libres llamadas llevas los línea líneas linea lineas mes meses
mi mis minutos móvil móviles movil moviles más mas nacional nacionales navegación nuevo número numero o oferta ofertas
para periodo período plan planes por prepago pospago principal próxima proxima queda quedan que recarga recargas
renueva renovación restan restante restantes resumen revisa roaming saldo se semana sesión sesion sin sms su sus
tarifa te total tráfico trafico tu tus usado usados utilizado utilizados vence vencimiento ver vigencia vigente y
ya zona ue europa eua canadá internacional adicional adicionales regalo promoción
has consumit consumits dades et queden restants línia mòbil trucades il·limitades cicle facturació tanca dies
accueil au aux bonjour bonsoir client consommation consommé consommés consommée conso crédit dans de des disponible
du données et europe facture forfait go illimité illimités internet jour jours jusqu le les mobile mon mes mo option
par pass période pour reste restant restants renouvellement sur suivi vous il votre vos ma mes appels sms mms hors
partagée partagé enveloppe bonus offert échéance
titular nombre name nom prénom prenom holder usuario usuaria
account balance bill billing data day days expiry expires hello hi left mobile month my number of plan remaining
renews roaming service the to unlimited usage used valid welcome back enquiry date amount due customer hotline
`;
const CJK = `
已用 已使用 餘量 余量 剩餘 剩余 尚餘 尚余 總量 总量 數據 数据 本地 香港 漫遊 漫游 內地 内地 中國 中国 澳門 澳门 額外 额外 贈送 赠送
服務 服务 計劃 计划 套餐 內 内 共享 失效 日期 到期 有效期 屆滿 届满 用量 查詢 查询 手機 手机 號碼 号码 無限 无限 不限 分鐘 分钟
通話 通话 語音 语音 短訊 短讯 短信 本號 本号 賬單 账单 月 年 日 應繳 应缴 金額 金额 截至 更新 時間 时间 歡迎 欢迎 回來 回来
登入 登出 登錄 登录 客戶 客户 熱線 热线 可用 使用
`;

const WORDS = new Set([...LATIN.split(/\s+/), ...UNIT_WORDS, ...MONTH_NAMES].filter(Boolean).map((w) => w.toLowerCase()));
/** Longest first, so "已使用" is kept whole before "已用" could match a part of it. */
export const CJK_TERMS: readonly string[] = CJK.split(/\s+/).filter(Boolean).sort((a, b) => b.length - a.length);

// Words of class names and ids that say what an element is, never who.
const CSS = `
app card cards container content wrapper header footer main nav menu section row col column grid list item items
title subtitle label value amount unit number line lines plan usage data gauge ring chart bar fill progress meter
bucket buckets tile tiles tab tabs pane panel active hidden visible modal dialog overlay btn button icon text small big
primary secondary left right top bottom inner outer page view home usage detail details info summary block family
`;
const CSS_WORDS = new Set(CSS.split(/\s+/).filter(Boolean));

/** Whether the sample may copy `word` (a Latin word) as it is. */
export function allowedWord(word: string): boolean {
  const w = word.toLowerCase();
  return w.length <= 1 || WORDS.has(w) || w.split(/[-'’·]/).every((part) => part === '' || WORDS.has(part));
}

/** Whether a class-name or id token may be copied: what it is (not who), or a build hash. */
export function allowedToken(token: string): boolean {
  const t = token.toLowerCase();
  return t.length <= 3 || /\d/.test(t) || CSS_WORDS.has(t) || WORDS.has(t);
}
