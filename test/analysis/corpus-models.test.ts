// Models that learn from a corpus or a graph when built (gensim, node2vec): trained on every document or
// edge before the split, their vectors carry the test rows into the features; trained on the training part,
// or loaded pretrained, they do not. Per-document pooling into a buffer is per row, not a statistic of all rows.
import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { analyze } = useAnalyzer();
const REQ = { 'requirements.txt': 'numpy==2.1.3\npandas==2.2.3\nscikit-learn==1.5.2\ngensim==4.3.3\nnetworkx==3.4.2\nnode2vec==0.5.0\n' };
const leaks = (files: Record<string, string>) => analyze({ ...REQ, ...files }).findings.filter((f) => f.rule === 'preprocessing-before-split' || f.rule === 'fit-on-test');

const word2vec = (body: string) => ({
  'embed.py': py`
    import numpy as np
    from gensim.models import Word2Vec


    def train_w2v(sentences, seed):
        model = Word2Vec(sentences=sentences, vector_size=100, window=5, min_count=2, seed=seed)
        return model.wv


    def pool(wv, docs):
        out = np.zeros((len(docs), wv.vector_size), dtype=np.float32)
        for i, toks in enumerate(docs):
            vecs = [wv[t] for t in toks if t in wv.key_to_index]
            if vecs:
                out[i] = np.vstack(vecs).mean(axis=0)
        return out
  `,
  'train.py': py`
    import pandas as pd
    from sklearn.dummy import DummyClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score, roc_auc_score
    from sklearn.model_selection import train_test_split

    from embed import pool, train_w2v

    df = pd.read_csv("articles.csv")
    df["tokens"] = df["text"].str.lower().str.split()
    y = df["label"].values
    ${body}
    for m in (LogisticRegression(max_iter=1000), DummyClassifier()):
        m.fit(X_tr, y_tr)
        p = m.predict_proba(X_te)[:, 1]
        print(roc_auc_score(y_te, p), f1_score(y_te, p > 0.5))
  `,
});

describe('word vectors trained with gensim and pooled per document', () => {
  it('fires when Word2Vec is trained on every article before the split', () => {
    const found = leaks(
      word2vec(py`
        wv = train_w2v(df["tokens"].tolist(), seed=0)
        X = pool(wv, df["tokens"].tolist())
        X_tr, X_te, y_tr, y_te = train_test_split(X, y, test_size=0.2, stratify=y, random_state=0)
      `),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'preprocessing-before-split', file: 'train.py', severity: 'CRITICAL' });
    expect(found[0]!.issue).toMatch(/Word2Vec/);
  });

  it('stays silent when it is trained on the training articles only', () => {
    const found = leaks(
      word2vec(py`
        tok_tr, tok_te, y_tr, y_te = train_test_split(df["tokens"], y, test_size=0.2, stratify=y, random_state=0)
        wv = train_w2v(tok_tr.tolist(), seed=0)
        X_tr, X_te = pool(wv, tok_tr.tolist()), pool(wv, tok_te.tolist())
      `),
    );
    expect(found).toEqual([]);
  });
});

const topics = (fitOn: string) => ({
  'topics.py': py`
    import numpy as np
    import pandas as pd
    from gensim.corpora import Dictionary
    from gensim.models import LdaModel
    from sklearn.dummy import DummyClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import classification_report
    from sklearn.model_selection import train_test_split

    tickets = pd.read_csv("tickets.csv")
    tickets["tokens"] = tickets["body"].str.lower().str.split()
    train, test = train_test_split(tickets, test_size=0.2, stratify=tickets["queue"], random_state=0)
    source = ${fitOn}
    dictionary = Dictionary(source["tokens"])
    lda = LdaModel(corpus=[dictionary.doc2bow(t) for t in source["tokens"]], id2word=dictionary, num_topics=20, random_state=0)


    def theta(frame):
        out = np.zeros((len(frame), 20))
        for i, toks in enumerate(frame["tokens"]):
            for k, p in lda.get_document_topics(dictionary.doc2bow(toks), minimum_probability=0.0):
                out[i, k] = p
        return out


    for m in (LogisticRegression(max_iter=1000), DummyClassifier()):
        m.fit(theta(train), train["queue"])
        print(classification_report(test["queue"], m.predict(theta(test))))
  `,
});

describe('a topic model (gensim Dictionary + LDA) whose topic shares are features', () => {
  it('fires when the vocabulary and topics are learned from all tickets and applied to the split parts', () => {
    const found = leaks(topics('tickets'));
    expect(found).toHaveLength(1);
    expect(found[0]!.issue).toMatch(/Dictionary|LdaModel/);
  });

  it('stays silent when they are learned from the training tickets', () => {
    expect(leaks(topics('train'))).toEqual([]);
  });
});

const links = (graphOf: string) => ({
  'links.py': py`
    import networkx as nx
    import numpy as np
    import pandas as pd
    from node2vec import Node2Vec
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import average_precision_score, roc_auc_score
    from sklearn.model_selection import train_test_split

    edges = pd.read_csv("coauthors.csv")
    pairs = list(zip(edges["a"], edges["b"]))
    labels = edges["linked"].values
    tr_pairs, te_pairs, y_tr, y_te = train_test_split(pairs, labels, test_size=0.2, stratify=labels, random_state=0)
    G = nx.Graph()
    G.add_edges_from(${graphOf})
    model = Node2Vec(G, dimensions=64, walk_length=30, num_walks=10, seed=0).fit(window=10, min_count=1)
    wv = model.wv
    X_tr = np.array([wv[u] * wv[v] for u, v in tr_pairs])
    X_te = np.array([wv[u] * wv[v] for u, v in te_pairs])
    clf = LogisticRegression(max_iter=1000, random_state=0).fit(X_tr, y_tr)
    s = clf.predict_proba(X_te)[:, 1]
    print(roc_auc_score(y_te, s), average_precision_score(y_te, s), (y_te == 1).mean())
  `,
});

describe('node2vec embeddings for link prediction', () => {
  it('fires when the walks cover the graph of every edge, held-out ones included', () => {
    const found = leaks(links('pairs'));
    expect(found).toHaveLength(1);
    expect(found[0]!.issue).toMatch(/Node2Vec/);
  });

  it('stays silent when the graph holds the training edges only', () => {
    expect(leaks(links('tr_pairs'))).toEqual([]);
  });
});

describe('per-document summaries written row by row into a buffer', () => {
  it('are not a statistic of all rows', () => {
    const found = leaks({
      'feats.py': py`
        import numpy as np
        import pandas as pd
        from sklearn.dummy import DummyRegressor
        from sklearn.linear_model import Ridge
        from sklearn.metrics import mean_absolute_error, r2_score
        from sklearn.model_selection import train_test_split

        reviews = pd.read_csv("reviews.csv")
        lengths = reviews["text"].str.split().map(lambda toks: np.array([len(t) for t in toks]))
        feats = np.zeros((len(reviews), 2))
        for i, arr in enumerate(lengths):
            feats[i, 0] = arr.mean()
            feats[i, 1] = arr.std()
        X_tr, X_te, y_tr, y_te = train_test_split(feats, reviews["stars"], test_size=0.2, random_state=0)
        for m in (Ridge(), DummyRegressor()):
            p = m.fit(X_tr, y_tr).predict(X_te)
            print(mean_absolute_error(y_te, p), r2_score(y_te, p))
      `,
    });
    expect(found).toEqual([]);
  });
});
