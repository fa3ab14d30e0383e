// Classes registered by a decorator of the project (`@register("target_mean")`) and picked by name from a
// list in the settings: the registry, the loop over the configured steps and the list of steps they build
// are followed, so a target encoder fitted through them on all rows is a leak, and stateless steps are not.
import { describe, expect, it } from 'vitest';
import { py, useAnalyzer } from './helpers.js';

const { analyze } = useAnalyzer();
const REQ = { 'requirements.txt': 'numpy==2.1.3\npandas==2.2.3\nscikit-learn==1.5.2\npyyaml==6.0.2\n' };
const of = (files: Record<string, string>, rule: string) => analyze({ ...REQ, ...files }).findings.filter((f) => f.rule === rule);

const transforms = py`
  import numpy as np

  TRANSFORMS = {}


  def register(name):
      def deco(cls):
          TRANSFORMS[name] = cls
          return cls
      return deco


  @register("log1p")
  class Log1p:
      def __init__(self, columns, **_):
          self.columns = columns

      def fit(self, df):
          return self

      def transform(self, df):
          out = df.copy()
          for col in self.columns:
              out[col] = np.log1p(out[col])
          return out


  @register("target_mean")
  class TargetMean:
      def __init__(self, columns, target, **_):
          self.columns, self.target = columns, target

      def fit(self, df):
          self.maps_ = {}
          for col in self.columns:
              self.maps_[col] = df.groupby(col)[self.target].mean()
          return self

      def transform(self, df):
          out = df.copy()
          for col in self.columns:
              out[col + "_te"] = out[col].map(self.maps_[col])
          return out.drop(columns=self.columns)
`;

const pipeline = py`
  from feats.transforms import TRANSFORMS


  class FeaturePipeline:
      def __init__(self, steps):
          self.steps = steps

      @classmethod
      def from_config(cls, specs, target):
          steps = []
          for spec in specs:
              spec = dict(spec)
              name = spec.pop("name")
              steps.append(TRANSFORMS[name](target=target, **spec))
          return cls(steps)

      def fit_transform(self, df):
          for step in self.steps:
              df = step.fit(df).transform(df)
          return df

      def transform(self, df):
          for step in self.steps:
              df = step.transform(df)
          return df
`;

const config = (steps: string) => `seed: 3\ntarget: price\ntransforms:\n${steps}`;
const LOG = '  - name: log1p\n    columns: [area]\n';
const TE = '  - name: target_mean\n    columns: [district]\n';

const train = (body: string) => py`
  import argparse

  import pandas as pd
  import yaml
  from sklearn.dummy import DummyRegressor
  from sklearn.linear_model import Ridge
  from sklearn.metrics import mean_absolute_error, r2_score
  from sklearn.model_selection import train_test_split

  from feats.pipeline import FeaturePipeline

  ap = argparse.ArgumentParser()
  ap.add_argument("--config", required=True)
  args = ap.parse_args()
  cfg = yaml.safe_load(open(args.config))
  df = pd.read_csv("homes.csv")
  features = FeaturePipeline.from_config(cfg["transforms"], target=cfg["target"])
  ${body}
  cols = [c for c in train_df.columns if c != "price"]
  model = Ridge().fit(train_df[cols], train_df["price"])
  base = DummyRegressor().fit(train_df[cols], train_df["price"])
  for m in (model, base):
      p = m.predict(test_df[cols])
      print(mean_absolute_error(test_df["price"], p), r2_score(test_df["price"], p))
`;

const project = (steps: string, body: string) => ({
  'feats/__init__.py': '',
  'feats/transforms.py': transforms,
  'feats/pipeline.py': pipeline,
  'conf/homes.yaml': config(steps),
  'train.py': train(body),
});

const BEFORE = py`
  df = features.fit_transform(df)
  train_df, test_df = train_test_split(df, test_size=0.2, random_state=cfg["seed"])
`;
const AFTER = py`
  train_df, test_df = train_test_split(df, test_size=0.2, random_state=cfg["seed"])
  train_df = features.fit_transform(train_df)
  test_df = features.transform(test_df)
`;

describe('a registry of transforms filled by a decorator and picked from the settings', () => {
  it('fires when the configured target encoder is fitted on all rows before the split', () => {
    const found = of(project(LOG + TE, BEFORE), 'preprocessing-before-split');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: 'train.py', severity: 'CRITICAL' });
    expect(found[0]!.current).toContain('features.fit_transform(df)');
    expect(found[0]!.issue).toMatch(/TargetMean/);
  });

  it('stays silent when the steps are fitted on the training part only', () => {
    expect(of(project(LOG + TE, AFTER), 'preprocessing-before-split')).toEqual([]);
  });

  it('stays silent when the settings configure only stateless steps', () => {
    expect(of(project(LOG, BEFORE), 'preprocessing-before-split')).toEqual([]);
  });
});

describe('a leak found through several statistics of one step', () => {
  it('names each statistic once', () => {
    const [found] = of(project(LOG + TE, BEFORE), 'preprocessing-before-split');
    const names = [...found!.issue.matchAll(/TargetMean/g)];
    expect(names).toHaveLength(1);
  });
});
