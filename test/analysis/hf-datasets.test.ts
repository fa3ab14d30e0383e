import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { findings } = useAnalyzer();

const HEAD = py`
  from datasets import load_dataset, concatenate_datasets
  from sklearn.feature_extraction.text import CountVectorizer
  from sklearn.naive_bayes import MultinomialNB
  from sklearn.metrics import f1_score
`;

describe('Hugging Face Dataset.train_test_split', () => {
  it('fires missing-random-seed for a split without seed, with a seed= rewrite', () => {
    const code = HEAD + py`
      tickets = load_dataset("csv", data_files="tickets.csv")["train"]
      parts = tickets.train_test_split(test_size=0.25)
      vec = CountVectorizer()
      nb = MultinomialNB().fit(vec.fit_transform(parts["train"]["body"]), parts["train"]["queue"])
      print(f1_score(parts["test"]["queue"], nb.predict(vec.transform(parts["test"]["body"])), average="macro"))
    `;
    const [f, ...rest] = findings(code, 'missing-random-seed');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'HIGH', line: 6, fixed: 'parts = tickets.train_test_split(test_size=0.25, seed=42)' });
    expect(f?.issue).toContain('without `seed`');
  });

  it('stays silent when the split is seeded', () => {
    const code = HEAD + py`
      tickets = load_dataset("csv", data_files="tickets.csv")["train"]
      parts = tickets.train_test_split(test_size=0.25, seed=7)
    `;
    expect(findings(code, 'missing-random-seed')).toEqual([]);
  });

  it('keys of a split of the training part hold training and validation rows, not test rows', () => {
    const code = HEAD + py`
      tickets = load_dataset("csv", data_files="tickets.csv")["train"]
      outer = tickets.train_test_split(test_size=0.2, seed=7)
      inner = outer["train"].train_test_split(test_size=0.2, seed=7)
      vec = CountVectorizer().fit(inner["train"]["body"])
      scores = {}
      for a in [0.1, 1.0, 10.0]:
          nb = MultinomialNB(alpha=a).fit(vec.transform(inner["train"]["body"]), inner["train"]["queue"])
          scores[a] = f1_score(inner["test"]["queue"], nb.predict(vec.transform(inner["test"]["body"])), average="macro")
      best = max(scores, key=scores.get)
    `;
    expect(findings(code).filter((f) => f.severity === 'CRITICAL')).toEqual([]);
  });

  it('still finds a vectorizer fitted on the outer test key', () => {
    const code = HEAD + py`
      tickets = load_dataset("csv", data_files="tickets.csv")["train"]
      outer = tickets.train_test_split(test_size=0.2, seed=7)
      vec = CountVectorizer().fit(outer["test"]["body"])
    `;
    expect(findings(code, 'fit-on-test')).toHaveLength(1);
  });
});

describe('rows repeated by concatenation before a split', () => {
  it('fires oversampling-before-split for a minority subset listed several times before the split', () => {
    const code = HEAD + py`
      tickets = load_dataset("csv", data_files="tickets.csv")["train"]
      urgent = tickets.filter(lambda r: r["urgent"] == 1)
      boosted = concatenate_datasets([tickets, urgent, urgent, urgent])
      parts = boosted.train_test_split(test_size=0.2, seed=7)
    `;
    const [f, ...rest] = findings(code, 'oversampling-before-split');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'CRITICAL', line: 7 });
  });

  it('fires for pandas concat with a multiplied list and for a comprehension over range', () => {
    const code = py`
      import pandas as pd
      from sklearn.model_selection import train_test_split
      claims = pd.read_csv("claims.csv")
      fraud = claims[claims.fraud == 1]
      more = pd.concat([claims] + [fraud] * 5, ignore_index=True)
      a_train, a_test = train_test_split(more, random_state=1)
      again = pd.concat([claims] + [fraud for _ in range(3)])
      b_train, b_test = train_test_split(again, random_state=1)
    `;
    const lines = findings(code, 'oversampling-before-split').map((f) => f.line);
    expect(lines).toEqual([5, 7]);
  });

  it('stays silent for distinct frames, a frame doubled as a whole, column concatenation, and upsampling after the split', () => {
    const code = py`
      import pandas as pd
      from sklearn.model_selection import train_test_split
      north = pd.read_csv("north.csv")
      south = pd.read_csv("south.csv")
      both = pd.concat([north, south])
      twice = pd.concat([north] * 2)
      wide = pd.concat([north, south, south], axis=1)
      tr, te = train_test_split(both, random_state=1)
      tr2, te2 = train_test_split(twice, random_state=1)
      tr3, te3 = train_test_split(wide, random_state=1)
      rare = tr[tr.flag == 1]
      tr_up = pd.concat([tr] + [rare] * 4)
    `;
    expect(findings(code, 'oversampling-before-split')).toEqual([]);
  });
});
