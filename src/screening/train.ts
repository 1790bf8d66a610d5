// `npm run train:screening`: regenerates the synthetic corpus (seeded) and trains the model.
// Writes data/screening/{train,dev,test}.jsonl and data/screening/model.json; same seed, same bytes.
import fs from 'node:fs';
import { generateCorpus, type CorpusItem } from './corpus/generate.ts';
import { writeSplit } from './corpus/io.ts';
import { DENSE_NAMES, featurise, NGRAMS } from './features.ts';
import { chooseThreshold } from './metrics.ts';
import { calibrated, fitPlatt, margin, packWeights, trainLogistic } from './model.ts';
import { examine, MODEL_PATH, type ModelFile } from './screen.ts';

export const SEED = 8;
export const DIMS = DENSE_NAMES.length + (1 << NGRAMS.bits);

export const vectorise = (items: CorpusItem[]) =>
  items.map((i) => {
    const ex = examine({ text: i.text });
    return featurise(ex.analysis, ex.norm.text, i.channel);
  });

/** Generate the corpus and train the model in memory (same seed, same result). */
export function trainModel(): { corpus: ReturnType<typeof generateCorpus>; file: ModelFile } {
  const corpus = generateCorpus(SEED);
  const train = vectorise(corpus.train);
  const model = trainLogistic(train, corpus.train.map((i) => i.label), { dims: DIMS, seed: SEED });
  const devEx = corpus.dev.map((i) => examine({ text: i.text }));
  const devMargins = devEx.map((ex, k) => margin(model, featurise(ex.analysis, ex.norm.text, corpus.dev[k]!.channel)));
  const devY = corpus.dev.map((i) => i.label);
  const platt = fitPlatt(devMargins, devY);
  // The threshold is chosen on the score users see: the calibrated probability × (1 − about).
  const threshold = chooseThreshold(devMargins.map((m, k) => calibrated(platt, m) * (1 - devEx[k]!.genre.about)), devY);
  const file: ModelFile = {
    version: 1,
    dense: DENSE_NAMES,
    ngrams: NGRAMS,
    dims: DIMS,
    bias: model.bias,
    weights: packWeights(model.weights),
    platt,
    threshold: Math.round(threshold * 10000) / 10000,
    note: `logistic regression on indicator evidence + hashed char ${NGRAMS.min}-${NGRAMS.max}-grams, trained on train (seed ${SEED}), Platt-calibrated on dev, times (1 - genre about); threshold = the dev score with the best F0.5 (precision weighs double)`,
  };
  return { corpus, file };
}

function main() {
  const { corpus, file } = trainModel();
  for (const split of ['train', 'dev', 'test'] as const) writeSplit(split, corpus[split]);
  fs.writeFileSync(MODEL_PATH, JSON.stringify(file) + '\n');
  process.stdout.write(`corpus: train ${corpus.train.length}, dev ${corpus.dev.length}, test ${corpus.test.length}; threshold ${file.threshold}; ${file.weights.length} non-zero weights\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
