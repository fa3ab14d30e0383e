// Def-use and provenance in the dataflow: reassignment kills old facts, ambiguous `dev` names,
// fitted rows that are (or are not) an ancestor of the split rows, parts picked by dictionary key,
// shuffled index splits, `sample(frac=)` splits, Keras `adapt`, helpers cited at their call site,
// and findings of one root cause merged.
import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { findings, analyze } = useAnalyzer();

const SK = py`
  import numpy as np
  import pandas as pd
  from sklearn.model_selection import train_test_split
  from sklearn.preprocessing import MinMaxScaler
  from sklearn.linear_model import Ridge
  from sklearn.metrics import mean_absolute_error
`;

describe('reassignment kills the old fact', () => {
  it('stays silent when a name that held every row is rebound to the training rows before the fit', () => {
    const code = SK + py`
      rows = pd.read_csv("orders.csv")
      view = rows.copy()
      view["basket"] = view["basket"].clip(0, 500)
      view.describe()
      learn = rows.sample(frac=0.75, random_state=3)
      hold = rows.drop(learn.index)
      view = learn.drop(columns=["target"])
      mm = MinMaxScaler().fit(view)
    `;
    expect(findings(code).filter((f) => f.severity === 'CRITICAL')).toEqual([]);
  });

  it('fires when the name still holds every row at the fit', () => {
    const code = SK + py`
      rows = pd.read_csv("orders.csv")
      view = rows.drop(columns=["target"])
      mm = MinMaxScaler()
      view = mm.fit_transform(view)
      learn, hold = train_test_split(view, random_state=3)
    `;
    expect(findings(code, 'preprocessing-before-split').map((f) => f.line)).toEqual([10]);
  });
});

describe('ambiguous dev names', () => {
  it('does not call a fit on "development" rows (train+validation) a fit on held-out data', () => {
    const code = SK + py`
      table = pd.read_csv("yield.csv")
      dev_rows = table.iloc[:800]
      final_rows = table.iloc[800:]
      reg = Ridge(alpha=2.0).fit(dev_rows[["x1", "x2"]], dev_rows["y"])
      print(mean_absolute_error(final_rows["y"], reg.predict(final_rows[["x1", "x2"]])))
    `;
    expect(findings(code, 'fit-on-test')).toEqual([]);
  });

  it('still fires for a fit on rows named as validation', () => {
    const code = SK + py`
      table = pd.read_csv("yield.csv")
      tr, valid_rows = train_test_split(table, random_state=1)
      reg = Ridge(alpha=2.0).fit(valid_rows[["x1", "x2"]], valid_rows["y"])
    `;
    expect(findings(code, 'fit-on-test').map((f) => f.line)).toEqual([9]);
  });
});

describe('preprocessing-before-split needs the fitted rows to be an ancestor of the split rows', () => {
  const TEXT = py`
    import pandas as pd
    from sklearn.feature_extraction.text import CountVectorizer
    from sklearn.decomposition import NMF
    from sklearn.model_selection import train_test_split, cross_val_score
    from sklearn.naive_bayes import MultinomialNB
  `;
  it('stays silent for a vectorizer fitted on a separate corpus and only applied to the labelled split', () => {
    const code = TEXT + py`
      wiki = pd.read_parquet("unlabelled_wiki.parquet")["body"]
      tickets = pd.read_csv("tickets.csv")
      vec = CountVectorizer(min_df=3)
      vec.fit(wiki)
      topics = NMF(n_components=20, random_state=0)
      topics.fit(vec.transform(wiki))
      a_tr, a_te, b_tr, b_te = train_test_split(tickets["text"], tickets["queue"], random_state=0, stratify=tickets["queue"])
      feats_tr = topics.transform(vec.transform(a_tr))
      print(cross_val_score(MultinomialNB(), feats_tr, b_tr, cv=5, scoring="f1_macro"))
    `;
    expect(findings(code, 'preprocessing-before-split')).toEqual([]);
  });

  it('fires when the vectorizer learned from the labelled rows themselves', () => {
    const code = TEXT + py`
      tickets = pd.read_csv("tickets.csv")
      vec = CountVectorizer(min_df=3)
      vec.fit(tickets["text"])
      a_tr, a_te, b_tr, b_te = train_test_split(tickets["text"], tickets["queue"], random_state=0, stratify=tickets["queue"])
      feats_tr = vec.transform(a_tr)
    `;
    expect(findings(code, 'preprocessing-before-split').map((f) => f.line)).toEqual([8]);
  });
});

describe('parts picked by dictionary key', () => {
  it('counts scores on `splits["valid"]` as held-out evaluation', () => {
    const code = SK + py`
      frame = pd.read_csv("sales.csv")
      a, b = train_test_split(frame, random_state=2)
      splits = {k: v.drop(columns=["y"]) for k, v in [("train", a), ("valid", b)]}
      targets = {k: v["y"] for k, v in [("train", a), ("valid", b)]}
      reg = Ridge(alpha=1.0).fit(splits["train"], targets["train"])
      print(mean_absolute_error(targets["valid"], reg.predict(splits["valid"])))
    `;
    expect(findings(code, 'no-held-out-evaluation')).toEqual([]);
    expect(findings(code, 'fit-on-test')).toEqual([]);
  });

  it('fires for a refit on `splits["test"]`', () => {
    const code = SK + py`
      frame = pd.read_csv("sales.csv")
      a, b = train_test_split(frame, random_state=2)
      splits = {"train": a, "test": b}
      mm = MinMaxScaler().fit(splits["test"][["x"]])
    `;
    expect(findings(code, 'fit-on-test').map((f) => f.line)).toEqual([10]);
  });
});

describe('shuffled index splits', () => {
  it('fires for rows cut with a random permutation of a lagged hourly series', () => {
    const code = SK + py`
      load = pd.read_csv("grid_load.csv", parse_dates=["ts"]).sort_values("ts")
      load["prev_hour"] = load["mw"].shift(1)
      load = load.dropna()
      shuffled_rows = np.random.default_rng(5).permutation(len(load))
      k = int(len(load) * 0.8)
      first, second = shuffled_rows[:k], shuffled_rows[k:]
      part_a, part_b = load.iloc[first], load.iloc[second]
      reg = Ridge().fit(part_a[["prev_hour"]], part_a["mw"])
      print(mean_absolute_error(part_b["mw"], reg.predict(part_b[["prev_hour"]])))
    `;
    const [f, ...rest] = findings(code, 'shuffled-time-series-split');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'CRITICAL', line: 10 });
    expect(f?.fixed).toContain('np.arange(len(load))');
    // The pieces got their parts by position: no fit on held-out rows, and the evaluation is held out.
    expect(findings(code, 'fit-on-test')).toEqual([]);
    expect(findings(code, 'no-held-out-evaluation')).toEqual([]);
  });

  it('stays silent for the same permutation split of rows that are not time-ordered', () => {
    const code = SK + py`
      homes = pd.read_csv("homes.csv")
      order = np.random.default_rng(5).permutation(len(homes))
      test_rows, fit_rows = order[:200], order[200:]
      reg = Ridge().fit(homes.iloc[fit_rows][["rooms"]], homes.iloc[fit_rows]["price"])
      print(mean_absolute_error(homes.iloc[test_rows]["price"], reg.predict(homes.iloc[test_rows][["rooms"]])))
    `;
    expect(findings(code, 'shuffled-time-series-split')).toEqual([]);
    expect(findings(code, 'fit-on-test')).toEqual([]);
  });

  it('names decide over position: the unnamed piece next to a training piece is held out', () => {
    const code = SK + py`
      homes = pd.read_csv("homes.csv")
      order = np.random.default_rng(5).permutation(len(homes))
      other, fit_ids = order[:200], order[200:]
      mm = MinMaxScaler().fit(homes.iloc[other][["rooms"]])
    `;
    expect(findings(code, 'fit-on-test').map((f) => f.line)).toEqual([10]);
  });
});

describe('sample(frac=) splits', () => {
  it('fires missing-random-seed for an unseeded df.sample split', () => {
    const code = SK + py`
      cars = pd.read_csv("cars.csv")
      fit_cars = cars.sample(frac=0.7)
      eval_cars = cars.drop(fit_cars.index)
      reg = Ridge(alpha=3.0).fit(fit_cars[["hp"]], fit_cars["mpg"])
      print(mean_absolute_error(eval_cars["mpg"], reg.predict(eval_cars[["hp"]])))
    `;
    const [f] = findings(code, 'missing-random-seed');
    expect(f).toMatchObject({ severity: 'HIGH', line: 8, fixed: 'fit_cars = cars.sample(frac=0.7, random_state=42)' });
  });

  it('stays silent with random_state, and for a shuffle of every row (frac=1)', () => {
    const code = SK + py`
      cars = pd.read_csv("cars.csv").sample(frac=1.0, random_state=4)
      train_cars = cars.groupby("origin", group_keys=False).sample(frac=0.7, random_state=4)
      test_cars = cars.drop(train_cars.index)
      reg = Ridge(alpha=3.0).fit(train_cars[["hp"]], train_cars["mpg"])
      print(mean_absolute_error(test_cars["mpg"], reg.predict(test_cars[["hp"]])))
    `;
    expect(findings(code, 'missing-random-seed')).toEqual([]);
  });
});

describe('Keras preprocessing layers: adapt is a fit', () => {
  const KERAS = py`
    import numpy as np
    import keras
    from keras import layers
    from sklearn.model_selection import train_test_split
  `;
  it('fires for a StringLookup adapted on every row, used in a model trained on a split part', () => {
    const code = KERAS + py`
      codes = np.load("codes.npy")
      labels = np.load("labels.npy")
      lookup = layers.StringLookup(output_mode="one_hot")
      lookup.adapt(codes)
      c_tr, c_te, l_tr, l_te = train_test_split(codes, labels, test_size=0.25, random_state=8)
      net = keras.Sequential([lookup, layers.Dense(16, activation="relu"), layers.Dense(1)])
      net.compile(optimizer="adam", loss="mse")
      net.fit(c_tr, l_tr, epochs=5, validation_split=0.1)
    `;
    expect(findings(code, 'preprocessing-before-split').map((f) => [f.line, f.severity])).toEqual([[8, 'CRITICAL']]);
  });

  it('fires for the functional API too', () => {
    const code = KERAS + py`
      feats = np.load("feats.npy")
      labels = np.load("labels.npy")
      scale = layers.Normalization()
      scale.adapt(feats)
      f_tr, f_te, l_tr, l_te = train_test_split(feats, labels, random_state=8)
      inp = keras.Input(shape=(4,))
      out = layers.Dense(1)(scale(inp))
      net = keras.Model(inp, out)
      net.compile(optimizer="adam", loss="mse")
      net.fit(f_tr, l_tr, epochs=5, validation_split=0.1)
    `;
    expect(findings(code, 'preprocessing-before-split').map((f) => f.line)).toEqual([8]);
  });

  it('stays silent when the layer is adapted on the training part only', () => {
    const code = KERAS + py`
      feats = np.load("feats.npy")
      labels = np.load("labels.npy")
      f_tr, f_te, l_tr, l_te = train_test_split(feats, labels, random_state=8)
      scale = layers.Normalization()
      scale.adapt(f_tr)
      net = keras.Sequential([scale, layers.Dense(1)])
      net.compile(optimizer="adam", loss="mse")
      net.fit(f_tr, l_tr, epochs=5, validation_split=0.1)
    `;
    expect(findings(code, 'preprocessing-before-split')).toEqual([]);
  });
});

describe('helpers are cited at the call that passes the rows in', () => {
  it('cites `clean(test_part)` for a helper that refits on what it gets, its fits as sites', () => {
    const code = SK + py`
      def clean(block):
          block = block.copy()
          block[["a"]] = MinMaxScaler().fit_transform(block[["a"]])
          block[["b"]] = MinMaxScaler().fit_transform(block[["b"]])
          return block

      raw = pd.read_csv("plants.csv")
      train_part, test_part = train_test_split(raw, random_state=0)
      ready_train = clean(train_part)
      ready_test = clean(test_part)
    `;
    const found = findings(code, 'fit-on-test');
    expect(found.map((f) => f.line)).toEqual([16]);
    expect(found[0]?.sites).toEqual([{ file: 'train.py', line: 9 }, { file: 'train.py', line: 10 }]);
    expect(found[0]?.issue).toContain('clean(test_part)');
  });

  it('keeps the line inside a helper that makes its own held-out rows', () => {
    const code = SK + py`
      def run():
          raw = pd.read_csv("plants.csv")
          a, b = train_test_split(raw, random_state=0)
          mm = MinMaxScaler().fit(b[["a"]])

      run()
    `;
    expect(findings(code, 'fit-on-test').map((f) => f.line)).toEqual([10]);
  });
});

describe('one root cause, one finding', () => {
  it('merges refits on the test rows on consecutive lines', () => {
    const code = SK + py`
      raw = pd.read_csv("plants.csv")
      a, b = train_test_split(raw, random_state=0)
      b["u"] = MinMaxScaler().fit_transform(b[["u"]])
      b["v"] = MinMaxScaler().fit_transform(b[["v"]])
    `;
    const found = findings(code, 'fit-on-test');
    expect(found.map((f) => [f.line, f.sites])).toEqual([[9, [{ file: 'train.py', line: 10 }]]]);
  });

  it('groups the key id and the secret key of one AWS credential, but not two services', () => {
    const id = ['AKIA', 'QWERTYUIOPASDFGH'].join('');
    const secret = ['abcdEFGHijkl', 'mnop1234qrstUVWX', 'yz567890'].join('');
    const hf = `hf_${'ZyXwVuTsRqPoNmLkJiHgFeDcBa987654'}`;
    const code = py`
      import boto3
      client = boto3.client(
          "s3",
          aws_access_key_id="${id}",
          aws_secret_access_key="${secret}",
      )
      HF = "${hf}"
    `;
    const found = findings(code, 'hardcoded-secret');
    expect(found.map((f) => [f.line, f.endLine])).toEqual([
      [4, 5],
      [7, undefined],
    ]);
    expect(found[0]?.issue).toContain('1 more literal of the same credential');
    expect(found[0]?.fixed).toContain('os.environ["AWS_SECRET_ACCESS_KEY"]');
    const json = JSON.stringify(found);
    for (const s of [id, secret, hf]) expect(json).not.toContain(s);
  });
});

it('is deterministic across runs with several files', () => {
  const files = { 'a.py': SK + 'X = pd.read_csv("a.csv")\nX = MinMaxScaler().fit_transform(X)\nA, B = train_test_split(X)\n', 'b.py': 'import a\n' };
  expect(JSON.stringify(analyze(files))).toBe(JSON.stringify(analyze(files)));
});

describe('a shuffle of time-ordered rows, then a positional cut', () => {
  it('fires shuffled-time-series-split for sample(frac=1) then iloc pieces assigned as a tuple', () => {
    const code = SK + py`
      rides = pd.read_csv("rides.csv", parse_dates=["hour"])
      rides = rides.sort_values(["station", "hour"])
      rides = rides.sample(frac=1.0, random_state=5).reset_index(drop=True)
      cut = int(len(rides) * 0.75)
      fit_rides, eval_rides = rides.iloc[:cut], rides.iloc[cut:]
      reg = Ridge().fit(fit_rides[["temp"]], fit_rides["count"])
      print(mean_absolute_error(eval_rides["count"], reg.predict(eval_rides[["temp"]])))
    `;
    const [f, ...rest] = findings(code, 'shuffled-time-series-split');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'CRITICAL', line: 11 });
    expect(f?.issue).toContain('rows ordered by `hour`');
  });

  it('stays silent when the shuffled rows are sorted by time again before the cut, and for rows with no time order', () => {
    const resorted = SK + py`
      rides = pd.read_csv("rides.csv", parse_dates=["hour"])
      rides = rides.sample(frac=1.0, random_state=5).sort_values("hour").reset_index(drop=True)
      cut = int(len(rides) * 0.75)
      fit_rides, eval_rides = rides.iloc[:cut], rides.iloc[cut:]
    `;
    const untimed = SK + py`
      people = pd.read_csv("people.csv").sort_values(["city", "surname"])
      people = people.sample(frac=1.0, random_state=5).reset_index(drop=True)
      cut = int(len(people) * 0.75)
      fit_people, eval_people = people.iloc[:cut], people.iloc[cut:]
    `;
    expect(findings(resorted, 'shuffled-time-series-split')).toEqual([]);
    expect(findings(untimed, 'shuffled-time-series-split')).toEqual([]);
  });
});

describe('pandas statistics of the test rows', () => {
  it('fires fit-on-test at the helper call that standardises the test frame with its own mean and std', () => {
    const code = SK + py`
      def scale_cols(tbl, cols):
          return (tbl[cols] - tbl[cols].mean()) / tbl[cols].std()
      plants = pd.read_csv("plants.csv")
      fit_plants, test_plants = train_test_split(plants, random_state=2)
      fit_x = scale_cols(fit_plants, ["n", "p"])
      test_x = scale_cols(test_plants, ["n", "p"])
      reg = Ridge().fit(fit_x, fit_plants["yield"])
      print(mean_absolute_error(test_plants["yield"], reg.predict(test_x)))
    `;
    const [f, ...rest] = findings(code, 'fit-on-test');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'CRITICAL', line: 12 });
    expect(f?.sites?.map((s) => s.line)).toEqual([8]);
  });

  it('fires once for an inline standardisation of the test frame', () => {
    const code = SK + py`
      plants = pd.read_csv("plants.csv")
      fit_plants, test_plants = train_test_split(plants, random_state=2)
      test_x = (test_plants[["n"]] - test_plants[["n"]].mean()) / test_plants[["n"]].std()
    `;
    expect(findings(code, 'fit-on-test')).toHaveLength(1);
  });

  it('stays silent when the test frame is scaled with the training statistics, and training statistics are no leak across the split', () => {
    const code = SK + py`
      from sklearn.model_selection import cross_val_score
      plants = pd.read_csv("plants.csv")
      fit_plants, test_plants = train_test_split(plants, random_state=2)
      mu, sd = fit_plants[["n"]].mean(), fit_plants[["n"]].std()
      fit_x = (fit_plants[["n"]] - mu) / sd
      test_x = (test_plants[["n"]] - mu) / sd
      print(cross_val_score(Ridge(), fit_x, fit_plants["yield"], cv=5))
    `;
    expect(findings(code, 'fit-on-test')).toEqual([]);
    expect(findings(code, 'preprocessing-before-split')).toEqual([]);
  });

  it('still fires preprocessing-before-split for statistics of all rows before the split', () => {
    const code = SK + py`
      plants = pd.read_csv("plants.csv")
      plants["n"] = (plants["n"] - plants["n"].mean()) / plants["n"].std()
      fit_plants, test_plants = train_test_split(plants, random_state=2)
    `;
    expect(findings(code, 'preprocessing-before-split')).toHaveLength(1);
  });
});

describe('a transformer fitted again on the evaluation rows', () => {
  const CLS = py`
    import pandas as pd
    from sklearn.preprocessing import RobustScaler
    from sklearn.linear_model import Ridge
    from sklearn.metrics import mean_absolute_error
    class Job:
        def __init__(self):
            self.scale = RobustScaler()
            self.reg = Ridge()
        def train(self, rows):
            self.reg.fit(self.scale.fit_transform(rows[["x"]]), rows["y"])
  `;
  it('fires fit-on-test when the scored rows go through a second fit of the scaler', () => {
    const code = CLS + py`
          def check(self, rows):
              z = self.scale.fit_transform(rows[["x"]])
              return mean_absolute_error(rows["y"], self.reg.predict(z))
      job = Job()
      job.train(pd.read_parquet(opts.first))
      print(job.check(pd.read_parquet(opts.second)))
    `;
    const [f, ...rest] = findings(code, 'fit-on-test');
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ severity: 'CRITICAL', line: 12 });
    expect(f?.issue).toContain('after it was fitted on the training rows at line 10');
  });

  it('stays silent when the evaluation rows are only transformed', () => {
    const code = CLS + py`
          def check(self, rows):
              z = self.scale.transform(rows[["x"]])
              return mean_absolute_error(rows["y"], self.reg.predict(z))
      job = Job()
      job.train(pd.read_parquet(opts.first))
      print(job.check(pd.read_parquet(opts.second)))
    `;
    expect(findings(code, 'fit-on-test')).toEqual([]);
  });

  it('stays silent when the scaler is refitted on the same rows', () => {
    const code = CLS + py`
          def check(self, rows):
              z = self.scale.fit_transform(rows[["x"]])
              return mean_absolute_error(rows["y"], self.reg.predict(z))
      job = Job()
      rows = pd.read_parquet(opts.first)
      job.train(rows)
      print(job.check(rows))
    `;
    expect(findings(code, 'fit-on-test')).toEqual([]);
  });
});

describe('dataset parts from dataset classes', () => {
  const code = (flag: string) => py`
    import numpy as np
    from torchvision import datasets
    from sklearn.preprocessing import StandardScaler
    pool = datasets.FashionMNIST("data", ${flag})
    scaler = StandardScaler().fit(pool.data.reshape(-1, 784))
  `;

  it('train=False is the test set: fitting a scaler on it fires fit-on-test', () => {
    expect(findings(code('train=False'), 'fit-on-test').map((f) => f.line)).toEqual([5]);
  });

  it('train=True and split="train" are training data: silent', () => {
    expect(findings(code('train=True'), 'fit-on-test')).toEqual([]);
    expect(findings(code('split="train"'), 'fit-on-test')).toEqual([]);
  });
});

describe('Keras TextVectorization applied inside a tf.data map', () => {
  const code = (adaptOn: string) => py`
    import pandas as pd
    import tensorflow as tf
    from keras import layers
    from sklearn.model_selection import train_test_split
    reviews = pd.read_csv("reviews.csv")
    texts, labels = reviews["text"].to_numpy(), reviews["negative"].to_numpy()
    tr_txt, te_txt, tr_y, te_y = train_test_split(texts, labels, test_size=0.2, stratify=labels, random_state=1)
    vectorize = layers.TextVectorization(max_tokens=30000, output_sequence_length=300)
    vectorize.adapt(${adaptOn})

    def to_ds(x, y):
        return tf.data.Dataset.from_tensor_slices((x, y)).batch(64).map(lambda t, l: (vectorize(t), l))

    train_ds, test_ds = to_ds(tr_txt, tr_y), to_ds(te_txt, te_y)
  `;

  it('fires for a vocabulary adapted on every review', () => {
    expect(findings(code('texts'), 'preprocessing-before-split').map((f) => f.line)).toEqual([9]);
  });

  it('stays silent when it is adapted on the training texts', () => {
    expect(findings(code('tr_txt'), 'preprocessing-before-split')).toEqual([]);
  });
});
