// Every screening result, one JSON line each, for proving a speed change changed nothing: the
// synthetic corpus (train, dev, test), the independent set, each text also with a language hint
// and upper-cased, and a set of odd characters. Each line adds the unrounded score (the result
// rounds it). Usage: node --import tsx bench/screening-dump.ts > before.jsonl; diff before after.
import { readSplit } from '../src/screening/corpus/io.ts';
import { readIndependent } from '../src/screening/independent.ts';
import { examine, scoreExamined, screenText, screeningModel } from '../src/screening/screen.ts';
import type { Channel, ScreenLang } from '../src/screening/schema.ts';

const ODD = [
  '', ' ', '\u0130stanbul İŞ', 'p a s p o r t', 'p.a.s.p.o.r.t verilmir', 'pa$$port v1za 100manat', '😀🛂✈ 💰💰',
  '\uD83D', 'a\uDC00b', 'ﬁ ß ǅ Ω K Å', 'Ә ә Ҝ ҝ һ ҹ ј ө ү', 'ЙОЛ ё Ё', 'e\u0301 a\u0308 \u200bx\u200dy', '12-16 yaş 14 лет 20 years 13 saat $2000 1,500€ в день',
  '«котировки» | ; ! ? • “x”', 'shch sch zh kh ts yu ya yo xwqj', 'i m hiring. dm. don t worry',
];

const model = screeningModel();
const out: string[] = [];
const emit = (set: string, id: string, text: string, lang?: ScreenLang, channel?: Channel) => {
  const r = screenText({ id, text, lang, channel }, model);
  const raw = scoreExamined(examine({ text, lang }), model, channel);
  out.push(JSON.stringify({ set, raw, r }));
};
const corpus = [...readSplit('train'), ...readSplit('dev'), ...readSplit('test')];
for (const i of corpus) emit('corpus', i.id, i.text, undefined, i.channel);
for (const i of readIndependent()) emit('independent', i.id, i.text, undefined, i.channel);
for (const i of corpus.slice(0, 3000)) emit('upper', i.id, i.text.toUpperCase());
for (const i of corpus.slice(0, 1500)) emit('hint-az', i.id, i.text, 'az');
ODD.forEach((t, k) => emit('odd', `o${k}`, t));
process.stdout.write(`${out.join('\n')}\n`);
process.stderr.write(`${out.length} results\n`);
