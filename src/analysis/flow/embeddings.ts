// Models that learn from a corpus or a graph when they are built or trained (gensim's Word2Vec, Doc2Vec,
// FastText, LDA, LSI, TF-IDF, Dictionary and Phrases; node2vec): preprocessing fitted on the documents they
// are given, and applied by lookups (`wv[token]`, `lda[bow]`) and by their own methods (`doc2bow`,
// `get_document_topics`, `infer_vector`). Trained on every document, their vectors carry the test rows.
import type { Expr } from '../python/ast.js';
import type { Interpreter } from './interpreter.js';
import { fitEstimator, transformWith } from './fitting.js';
import type { Estimator, Val } from './values.js';

type Call = Extract<Expr, { k: 'call' }>;

const CORPUS_MODELS = /^(Word2Vec|Doc2Vec|FastText|LdaModel|LdaMulticore|LsiModel|HdpModel|TfidfModel|Nmf|Dictionary|Phrases|Node2Vec)$/;
/** Names other libraries use too: only gensim's count. */
const GENERIC_NAMES = /^(Dictionary|Phrases|Nmf|TfidfModel)$/;

export function isCorpusModelCall(qual: string, name: string): boolean {
  return CORPUS_MODELS.test(name) && (!GENERIC_NAMES.test(name) || /(^|\.)gensim\./.test(qual));
}

/** Keyword arguments that hand the model its corpus (or graph) at construction. */
const CORPUS_KWARGS = ['sentences', 'corpus', 'documents', 'corpus_iterable', 'graph'];
/** Methods that apply what the model learned to documents, tokens or nodes. */
const APPLY = /^(doc2bow|get_document_topics|infer_vector|get_vector|get_mean_vector|word_vec|inference|get_sentence_vector|get_word_vector)$/;
/** Methods that train it on documents (`build_vocab` then `train`, or more documents later). */
const TRAIN = /^(build_vocab|train|add_documents|update)$/;
/** Attributes that are the model under another face (its vectors, its vocabulary). */
const FACES = /^(wv|dv|vectors|id2word|dictionary|keyed_vectors)$/;

const isCorpusModel = (v: Val): boolean => v.est !== undefined && CORPUS_MODELS.test(v.est.cls);

/** `Word2Vec(sentences=docs)`, `LdaModel(corpus=bow, ...)`, `Node2Vec(G, ...)`: built and fitted on what it is handed. */
export function corpusModel(it: Interpreter, call: Call, name: string, args: Val[], kwargs: Map<string, Val>): Val {
  const est: Estimator = { cls: name, line: call.line, endLine: call.endLine, kind: 'preprocess', call, inner: [] };
  it.facts.estimators.push(est);
  const model: Val = { est };
  const docs = args[0] ?? CORPUS_KWARGS.map((k) => kwargs.get(k)).find((v) => v !== undefined);
  if (docs?.data) fitEstimator(it, call, model, 'fit', [docs], new Map());
  return model;
}

/** A method of such a model: trained on documents, applied to them, or (node2vec's `fit()`) the fitted model itself. */
export function corpusModelMethod(it: Interpreter, call: Call, receiver: Val, method: string, args: Val[]): Val | undefined {
  if (!isCorpusModel(receiver)) return undefined;
  if (TRAIN.test(method) && args[0]?.data) return fitEstimator(it, call, receiver, 'fit', [args[0]], new Map());
  if (APPLY.test(method) && args[0]) return transformWith(it, call, receiver, args);
  // `Node2Vec(G).fit(window=10)` trains the word2vec model on the walks drawn at construction.
  if (method === 'fit' && !args.some((a) => a.data)) return receiver;
  return undefined;
}

/** `model.wv`, `lda.id2word`: the same model. */
export function corpusModelFace(obj: Val, attr: string): Val | undefined {
  return isCorpusModel(obj) && FACES.test(attr) ? obj : undefined;
}

/** `wv[token]`, `lda[bow]`, `tfidf[corpus]`: a lookup that applies the model to documents, tokens or nodes. */
export function corpusModelLookup(it: Interpreter, at: { line: number }, obj: Val, index: Val[]): Val | undefined {
  const key = index.find((i) => i.data);
  return isCorpusModel(obj) && key ? transformWith(it, at, obj, [key]) : undefined;
}
