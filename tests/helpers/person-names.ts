/**
 * A detector for real people's names in fixtures. Fixtures are written from public descriptions
 * and must greet "Cliente", "Client" or "Customer", never a person. It looks in two places:
 * right after a label that introduces a name (Titular, Nombre, Nom, Name, 姓名, Hola, Bonjour,
 * Welcome…) and anywhere a known given name is followed by a known surname. The lists hold common
 * names of the markets served (Spain, Chile, Mexico, France, Hong Kong) and English ones.
 */

const fold = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const GIVEN_NAMES = `
  maria jose juan carlos luis javier antonio manuel francisco pedro miguel ana carmen laura lucia sofia isabel
  elena marta paula daniel david pablo sergio jorge alejandro diego fernando andres camila valentina catalina
  martina javiera constanza francisca sebastian matias benjamin vicente cristobal felipe ignacio tomas nicolas
  gabriela fernanda daniela guadalupe alejandra ximena mariana jesus ricardo roberto eduardo raul rafael alberto
  jean marie pierre michel philippe alain christophe stephane sebastien julien thomas camille lea manon chloe
  emma ines celine nathalie isabelle sylvie catherine francoise valerie sandrine hugo lucas louis gabriel arthur
  antoine mathieu guillaume francois olivier patrick laurent frederic eric claire julie aurelie emilie
  james john robert michael william richard joseph charles mary patricia jennifer linda elizabeth barbara susan
  jessica sarah karen emily olivia sophia matthew anthony steven paul andrew joshua kevin brian george peter
  chris alice lisa nancy kate amy tom
  wing ka chi siu wai kwok ming hoi yan mei ling hui
`;

/** Surnames that are also everyday words (blanco, petit, white…) are left out: they would cry wolf. */
const SURNAMES = `
  garcia gonzalez rodriguez fernandez lopez martinez sanchez perez gomez martin jimenez ruiz hernandez diaz
  moreno munoz alvarez romero alonso gutierrez navarro dominguez vazquez ramirez serrano molina morales suarez
  ortega delgado castro ortiz rubio marin sanz nunez iglesias medina garrido cortes lozano guerrero prieto mendez
  herrera pena vargas rojas soto contreras silva sepulveda espinoza fuentes valenzuela araya mendoza aguilar tapia
  bernard dubois durand leroy moreau simon lefebvre bertrand roux vincent fournier morel girard andre lefevre
  mercier dupont lambert bonnet legrand garnier faure rousseau guerin muller henry roussel perrin morin clement
  gauthier dumont fontaine chevalier robin
  smith johnson williams brown jones miller davis wilson anderson taylor jackson harris clark lewis walker wright
  scott baker adams nelson campbell mitchell roberts carter phillips evans turner parker collins edwards stewart
  morris murphy rogers
  chan wong cheung leung tsang chow cheng kwok yeung lau
`;

const NAMES = new Set(`${GIVEN_NAMES} ${SURNAMES}`.split(/\s+/).filter(Boolean));
const GIVEN = new Set(GIVEN_NAMES.split(/\s+/).filter(Boolean));
const FAMILY = new Set(SURNAMES.split(/\s+/).filter(Boolean));

/** Common Chinese surnames, traditional and simplified. */
const CHINESE_SURNAMES = '陳陈李張张黃黄林劉刘吳吴楊杨何梁周王趙赵徐孫孙馬马朱胡郭羅罗鄭郑謝谢曾蔡許许鄧邓馮冯葉叶蘇苏';

/** Labels after which a name would follow. Greetings count: "Hola, María". */
const LATIN_LABEL =
  /(?:\b(?:Titular(?:\s+de\s+la\s+l[ií]nea)?|Nombre(?:\s+completo)?|Nombre\s+del\s+titular|Titulaire|Nom(?:\s+du\s+titulaire)?|Pr[ée]nom|Account\s+holder|Holder|(?<!(?:Plan|Product|Package|Service|Bundle|Tariff|Offer|Data)\s)Name|Customer|Cliente|Client|Usuario|User|Hola|Hi|Hello|Dear|Bonjour|Bonsoir|Buenos\s+d[ií]as|Buenas\s+tardes|Bienvenid[oa]|Welcome(?:\s+back)?|Estimad[oa])\b)[\s,:;!¡.]*((?:\p{Lu}[\p{L}'’-]+)(?:\s+(?:de\s+(?:la\s+)?)?\p{Lu}[\p{L}'’-]+){0,3})/gu;
/** Labels that name a person outright: whatever capitalised word follows must be a placeholder. */
const STRONG_LABEL = /^(?:Titular|Nombre|Titulaire|Nom|Pr[ée]nom|Account\s+holder|Holder|Name)/i;
const PLACEHOLDERS = new Set(['cliente', 'client', 'customer', 'usuario', 'user', 'titular', 'titulaire', 'xxx', 'x', 'redacted', 'test', 'demo', 'ejemplo', 'exemple', 'example']);

const CJK_LABEL = new RegExp(`(?:姓名|客戶名稱|客户名称|客戶姓名|客户姓名|機主|机主|用戶名稱|用户名称|登記人|登记人)[:：\\s]*([${CHINESE_SURNAMES}]\\p{Script=Han}{1,3})`, 'gu');
const CJK_HONORIFIC = new RegExp(`([${CHINESE_SURNAMES}]\\p{Script=Han}{0,2})(?:先生|女士|小姐)`, 'gu');

/** Visible text of an HTML fixture (tags out, the usual entities decoded). */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|&#160;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** Everything that looks like a person's name, with a little context. Empty = clean. */
export function findPersonNames(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(LATIN_LABEL)) {
    const label = match[0].slice(0, match[0].length - match[1]!.length).trim();
    const words = match[1]!.split(/\s+/).filter((w) => !/^(?:de|la)$/i.test(w));
    const known = words.some((w) => NAMES.has(fold(w)));
    const unexplained = STRONG_LABEL.test(label) && words.some((w) => !PLACEHOLDERS.has(fold(w)) && !/^\p{Lu}{2,4}$/u.test(w));
    if (known || unexplained) found.push(match[0].trim());
  }
  const tokens = text.split(/[^\p{L}'’-]+/u);
  for (let i = 0; i + 1 < tokens.length; i++) {
    const [a, b] = [tokens[i]!, tokens[i + 1]!];
    if (/^\p{Lu}/u.test(a) && /^\p{Lu}/u.test(b) && GIVEN.has(fold(a)) && FAMILY.has(fold(b))) found.push(`${a} ${b}`);
  }
  for (const match of text.matchAll(CJK_LABEL)) found.push(match[0]);
  for (const match of text.matchAll(CJK_HONORIFIC)) found.push(match[0]);
  return [...new Set(found)];
}
